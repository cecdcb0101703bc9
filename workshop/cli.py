"""The command line: `python app.py [serve]`, `python app.py backup DIR
[--keep N]`, `python app.py restore FILE` (also `make backup`).

Settings come from the environment as for the server (WORKSHOP_DATA_DIR).
A refused backup or restore prints why and exits 1, changing nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

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
    return p


def main(argv: list[str], serve: Callable[[], None]) -> int:
    args = parser().parse_args(argv)
    if args.command in (None, "serve"):
        serve()
        return 0
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
