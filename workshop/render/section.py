"""The contract between the shared appendix core and each method.

The shared core (storage/appendix.py, the exporters in render/, the summary
page) knows the methods only as the sections the registry hands the store
(``Registry.appendix_sections``), which the snapshot carries on to the
renderers (``Appendix.section_types``), in the order the appendix shows them. It writes what every workshop has (title, facts, contents, page
frame, each section's heading) and hands each section its own record and its
own part of every document; what a record or a view holds is the method's
business.

One export, start to end::

    read(store, id)  -> record      under the store lock: one consistent snapshot
    Appendix.sections[name] = record
    build(record, lang, t) -> view  everything the formats show, computed once
    pdf / docx / markdown / csv / json / html_template  lay out the view

A method's section lives in its package (``workshop/<method>/appendix.py``),
its templates in ``templates/<method>/``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document

    from workshop.render.charts import Chart
    from workshop.render.pdf_layout import PdfWriter

Translate = Callable[[str], str]  # gettext for the export's language
Record = Any  # the method's frozen record (workshop/<method>/record.py)
View = Any  # what the method's build returns; only its own hooks look inside


@dataclass(frozen=True)
class AppendixSection:
    name: str  # key of its record in Appendix.sections; ids "summary-<name>-h" on the summary page
    anchor: str  # id of its <section> and its link in the HTML export's contents
    record: type  # the record class; record() stands for a workshop that never used the method
    heading: Callable[[Translate], str]  # the section's heading (level 1), translated

    read: Callable[[Any, str], Record]  # (store, workshop_id): calls store methods (SQL stays in storage)
    # The earliest start of any section is the day the workshop was held
    # (else the day it was created); None: this record does not say.
    started_at: Callable[[Record], str | None]
    build: Callable[[Record, str, Translate], View]  # (record, lang, t)
    # Shown in PDF, DOCX, HTML, Markdown and on the summary page only when
    # true; CSV and JSON always hold every section, so their shape is fixed.
    has_content: Callable[[View], bool]

    # Every hook below runs after the shared core wrote the section's heading.
    charts: Callable[[View], list[Chart]]  # HTML export and Markdown zip: all charts, in id order
    summary_charts: Callable[[View], list[Chart]]  # what the summary page draws (it re-polls: keep it cheap)
    pdf: Callable[[PdfWriter, View], None]
    docx: Callable[[Document, View], None]
    markdown: Callable[[View], list[str]]  # lines; chart images are linked by Chart.file
    # {file name: (header, rows)}; every cell goes through the shared CSV
    # writer, which guards text against formula injection.
    csv: Callable[[View], dict[str, tuple[Sequence[str], Iterable[Sequence]]]]
    json: Callable[[View], dict]  # top-level keys of the JSON export
    # Jinja templates, rendered with autoescape inside the shared page, given
    # `view`, `charts` (Chart.file -> inline <svg>) and `v` (the shared view).
    html_template: str  # "<method>/appendix.html": the HTML export
    summary_template: str  # "<method>/summary.html": the summary page's card
    # Named in the appendix's title and subject (a method is; the core's
    # decisions are not: "Bilaga – Åsiktsbarometer – …" names what was done).
    in_title: bool = True
