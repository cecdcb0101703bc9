"""What every export format shows, computed once.

The export modules (PDF, DOCX, HTML, Markdown, CSV, JSON) lay out the shared
frame built here (title, translated labels, the workshop's facts) and, for
each method, the section view its own ``build`` makes. The sections come with
the snapshot (``Appendix.section_types``, the registry's order); nothing here
names a method.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from babel.dates import format_date

from workshop.domain.appendix import Appendix, Approval
from workshop.i18n import in_words, normalise_language, translator
from workshop.render.section import AppendixSection

# File name inside the Markdown zip (its charts sit beside it, see Chart.file).
MARKDOWN_FILE = "appendix.md"


def export_language(lang: str | None) -> str:
    return normalise_language(lang) or "sv"


def title_for(appendix: Appendix, lang: str, methods: list[str]) -> str:
    """'Bilaga – Åsiktsbarometer och Open Space – {title}, {date}': named by
    the methods the appendix shows (``methods``, their translated headings),
    so a morning of only the barometer is not called an Open Space appendix."""
    tr = translator(lang)
    if not methods:
        return tr("Appendix – {title}, {date}").format(title=appendix.title, date=appendix.date)
    return tr("Appendix – {methods} – {title}, {date}").format(
        methods=in_words(methods, tr), title=appendix.title, date=appendix.date
    )


SLUG_MAX = 60


def slug(text: str, limit: int = SLUG_MAX) -> str:
    """'Inspirationsdag Värmland' -> 'inspirationsdag-varmland': lower case,
    letters without their accents (å, ä -> a, ö -> o, é -> e), every other
    run of characters outside a-z and 0-9 one "-", none at either end; at
    most ``limit`` characters, cut between words where there is one."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    name = re.sub(r"[^a-z0-9]+", "-", letters).strip("-")
    if len(name) > limit:
        name = name[: limit + 1]
        name = name[: name.rindex("-")] if "-" in name else name[:limit]
    return name


def download_name(appendix: Appendix, lang: str, ext: str) -> str:
    """e.g. 'bilaga-inspirationsdag-varmland-2026-11-20.pdf': named by the
    workshop's title, safe in any file system; by its code when the title
    leaves nothing (say, only emoji)."""
    stem = "bilaga" if export_language(lang) == "sv" else "appendix"
    name = slug(appendix.title) or slug(appendix.code) or "workshop"
    return f"{stem}-{name}-{appendix.date}.{ext}"


def approval_text(approval: Approval, lang: str) -> str:
    """'Justerad av Anna Berg och Bo Ek, 7 december 2026' (the day of the last approval)."""
    lang = export_language(lang)
    tr = translator(lang)
    day = format_date(datetime.fromisoformat(approval.approved_at).date(), format="long", locale=lang)
    return tr("Approved by {names}, {date}").format(names=in_words(list(approval.names), tr), date=day)


def approval_facts(appendix: Appendix, lang: str) -> list[tuple[str, str]]:
    """Every export's facts end with the approval and the hash, once approved."""
    if appendix.approval is None:
        return []
    tr = translator(export_language(lang))
    return [
        (tr("Approval"), approval_text(appendix.approval, lang)),
        (
            tr("SHA-256 (version {version})").format(version=appendix.approval.version),
            appendix.approval.sha256,
        ),
    ]


def labels_for(tr: Callable[[str], str]) -> dict[str, str]:
    """The shared frame's labels, translated once per export."""
    return {
        "workshop": tr("Workshop"),
        "code": tr("Code"),
        "date": tr("Date"),
        "participants": tr("Participants"),
        "contents": tr("Contents"),
        "methods": tr("Methods"),
        "page": tr("Page {page} of {pages}"),
    }


def merged(parts: Iterable[dict]) -> dict:
    """One dict from the sections' dicts (JSON keys, CSV files). Two methods
    claiming the same name is a bug: one would silently hide the other."""
    out: dict = {}
    for part in parts:
        clash = out.keys() & part.keys()
        if clash:
            raise ValueError(f"two appendix sections write {sorted(clash)}")
        out.update(part)
    return out


@dataclass(frozen=True)
class SectionPart:
    """One method's section of this export: its hooks and its built view."""

    section: AppendixSection
    view: Any
    heading: str


@dataclass(frozen=True)
class AppendixView:
    appendix: Appendix
    lang: str
    labels: dict[str, str]
    facts: list[tuple[str, str]]
    parts: list[SectionPart]  # every section, in the registry's order

    @property
    def shown(self) -> list[SectionPart]:
        """The sections the documents show: those with something to show."""
        return [p for p in self.parts if p.section.has_content(p.view)]

    @property
    def title(self) -> str:
        return title_for(self.appendix, self.lang, [p.heading for p in self.shown if p.section.in_title])

    @property
    def subject(self) -> str:
        """Document subject: every method the appendix covers."""
        return ", ".join(p.heading for p in self.parts if p.section.in_title)


def build_view(appendix: Appendix, lang: str) -> AppendixView:
    lang = export_language(lang)
    tr = translator(lang)
    labels = labels_for(tr)
    return AppendixView(
        appendix=appendix,
        lang=lang,
        labels=labels,
        facts=[
            (labels["workshop"], appendix.title),
            (labels["date"], appendix.date),
            (labels["code"], appendix.code),
            (labels["participants"], str(appendix.participants)),
            *approval_facts(appendix, lang),
        ],
        parts=[
            SectionPart(s, s.build(_record(appendix, s), lang, tr), s.heading(tr))
            for s in appendix.section_types
        ],
    )


def _record(appendix: Appendix, section: AppendixSection):
    # A snapshot without this method's record (it never ran) renders as empty.
    record = appendix.sections.get(section.name)
    return section.record() if record is None else record
