"""The command line: `python app.py [serve]`, `python app.py backup DIR
[--keep N]`, `python app.py restore FILE` (also `make backup`),
`python app.py retention` (WORKSHOP_RETENTION_DAYS, WORKSHOP_ARCHIVE_DIR).

Settings come from the environment as for the server (WORKSHOP_DATA_DIR).
A refused backup or restore prints why and exits 1, changing nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from workshop import logs
from workshop.config import from_env
from workshop.storage.backup import BackupError, backup, restore


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="app.py", description="The workshop app.")
    commands = p.add_subparsers(dest="command")
    commands.add_parser("serve", help="run the server (the default)")
    b = commands.add_parser("backup", help="copy the database into DIR while the server runs")
    b.add_argument("directory", type=Path)
    b.add_argument("--keep", type=int, default=14, help="how many backups to keep in DIR (default 14)")
    r = commands.add_parser("restore", help="replace the database with a backup (stop the server first)")
    r.add_argument("file", type=Path)
    commands.add_parser(
        "retention",
        help="delete the workshops that ended more than WORKSHOP_RETENTION_DAYS ago"
        " (their appendix first written to WORKSHOP_ARCHIVE_DIR, if set)",
    )
    return p


def run_retention(settings) -> int:
    """Once, now: what the server also does every hour."""
    from workshop import retention
    from workshop.methods import METHODS
    from workshop.registry import Registry

    if settings.retention_days is None:
        print("retention: WORKSHOP_RETENTION_DAYS is not set; nothing is deleted")
        return 0
    store = Registry(METHODS).store_class(settings.database_path)
    try:
        deleted = retention.sweep(store, settings.retention_days, archive_dir=settings.archive_dir)
    finally:
        store.close()
    print(f"retention: {len(deleted)} workshop(s) deleted" + "".join(f"\n  {d}" for d in deleted))
    return 0


def main(argv: list[str], serve: Callable[[], None]) -> int:
    args = parser().parse_args(argv)
    if args.command in (None, "serve"):
        serve()
        return 0
    if args.command == "retention":
        settings = from_env()
        logs.configure(settings.log_format)
        return run_retention(settings)
    database = from_env().database_path
    try:
        if args.command == "backup":
            print(backup(database, args.directory, keep=args.keep))
        else:
            kept = restore(args.file, database)
            print(f"restored {args.file} to {database}" + (f"; the one before is {kept}" if kept else ""))
    except (BackupError, OSError) as err:
        print(f"{args.command}: {err}", file=sys.stderr)
        return 1
    return 0
