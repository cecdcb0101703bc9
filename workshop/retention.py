"""Retention: ended workshops older than WORKSHOP_RETENTION_DAYS are deleted,
each after its appendix (JSON and PDF) is written to WORKSHOP_ARCHIVE_DIR
when that is set. Run hourly by the server (``keep_sweeping``, app.py) and
by hand as ``python app.py retention`` (workshop/cli.py).

Each deletion is logged (the workshop's id and when it ended; never its
title or any text). If its archive cannot be written, the workshop is kept
and the error logged: nothing is deleted that was meant to be archived.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from workshop.domain import retention
from workshop.domain.errors import NotFound

log = logging.getLogger("workshop.retention")

# What the archive keeps of each workshop: the appendix as data and as a document.
ARCHIVE_FORMATS = (("json", "export_json", "render_json"), ("pdf", "export_pdf", "render_pdf"))
SWEEP_SECONDS = 3600


def _direct(fn, *args):
    return fn(*args)


def archive(store, workshop: dict, directory: Path, render: Callable = _direct) -> list[Path]:
    """The workshop's appendix as JSON and PDF in ``directory`` (0700; files 0600:
    free text may hold personal data). ``render(fn, *args)`` runs a renderer
    (the server hands it to a thread, off the event loop)."""
    from importlib import import_module

    from workshop.render.appendix_view import download_name

    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    appendix = store.appendix(workshop["id"])
    lang = workshop["language"]
    written = []
    for ext, module, function in ARCHIVE_FORMATS:
        renderer = getattr(import_module(f"workshop.render.{module}"), function)
        body = render(renderer, appendix, lang)
        path = directory / f"{workshop['id']}-{download_name(appendix, lang, ext)}"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(body)
        written.append(path)
    return written


def sweep(
    store,
    days: int | None,
    now: datetime | None = None,
    archive_dir: Path | None = None,
    render: Callable = _direct,
    deleting: Callable[[str], None] = lambda workshop_id: None,
) -> list[str]:
    """Delete every workshop due (``domain.retention.due``); the ids deleted.
    ``deleting(id)`` is called just before each deletion (the server's hub
    tells that workshop's clients)."""
    now = now or datetime.now(UTC)
    deleted = []
    for workshop in retention.due(store.ended_workshops(), days, now):
        try:
            written = archive(store, workshop, archive_dir, render) if archive_dir else []
            deleting(workshop["id"])
            store.delete_workshop(workshop["id"])
        except NotFound:  # another worker's sweep took it first
            continue
        except Exception:
            log.exception(
                "retention: could not archive workshop %s; kept",
                workshop["id"],
                extra={"workshop": workshop["id"]},
            )
            continue
        log.warning(
            "retention: deleted workshop %s (ended %s, kept %d days)%s",
            workshop["id"],
            workshop["ended_at"],
            days,
            f"; its appendix archived in {written[0].parent}" if written else "",
            extra={"workshop": workshop["id"]},
        )
        deleted.append(workshop["id"])
    return deleted


def keep_sweeping(sweep_once: Callable[[], object], sleep: Callable[[float], object], stopped) -> None:
    """The server's background task: a sweep at start, then one an hour."""
    while not stopped():
        try:
            sweep_once()
        except Exception:  # a locked database or a full disk: try again next hour
            log.exception("retention: sweep failed")
        sleep(SWEEP_SECONDS)
