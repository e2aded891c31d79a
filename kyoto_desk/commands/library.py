"""`kyoto-desk library list|add|fetch|remove`: the documents kept in the data directory."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from kyoto_desk.sources.importer import DEFAULT_MAX_BYTES
from kyoto_desk.sources.library import AddResult, LibraryEntry, Metadata

log = logging.getLogger(__name__)


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "library",
        help="list, import, download or remove documents of the library",
        description="The documents kept in the data directory, with their originals and metadata.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="list the documents of the library")
    add = actions.add_parser("add", help="import a PDF, DOCX, HTML, TXT or MD file")
    add.add_argument("file", type=Path, metavar="FILE")
    add.add_argument("--symbol", default="", help="the UN symbol, if the file does not show it")
    add.add_argument("--title", default="")
    add.add_argument("--year", type=int, default=None)
    add.add_argument("--language", default="en")
    add.add_argument("--congress", default="")
    add.add_argument("--source", default="", help="where the file came from (default: its name)")
    add.add_argument(
        "--max-size", type=float, default=DEFAULT_MAX_BYTES / 1e6, metavar="MB", help="refuse larger files"
    )
    fetch = actions.add_parser("fetch", help="download a document by UN symbol and import it")
    fetch.add_argument("symbol", metavar="SYMBOL", help="e.g. A/RES/70/174")
    fetch.add_argument("--lang", default="en", help="language of the document (default: en)")
    remove = actions.add_parser("remove", help="remove a document by id")
    remove.add_argument("id", type=int, metavar="ID")
    parser.set_defaults(func=run)


def _line(entry: LibraryEntry) -> str:
    version = f" (new version of {entry.version_of})" if entry.version_of else ""
    year = entry.year or ""
    when = entry.imported_at.strftime("%Y-%m-%d %H:%M")
    return f"{entry.id}\t{entry.symbol or '-'}\t{year}\t{entry.language}\t{when}\t{entry.title}{version}"


def _report(result: AddResult) -> None:
    entry = result.entry
    what = "Added" if result.created else "Already in the library:"
    units = len(result.document.units)
    sys.stdout.write(f"{what} {entry.id} {entry.symbol or '-'} {entry.title} ({units} paragraphs)\n")
    if result.carried:
        from kyoto_desk.core.carry_summary import carry_summary

        sys.stdout.write(f"{carry_summary(result.carried)} from version {entry.version_of}.\n")


def run(args: argparse.Namespace) -> int:
    # The library module loads the store and readers; imported here so `kyoto-desk --help` stays quick.
    from kyoto_desk.sources import library

    data: Path = args.data_dir
    if args.action == "list":
        entries = library.list_entries(data)
        if not entries:
            sys.stdout.write("The library is empty. Add a file with `kyoto-desk library add FILE`.\n")
        for entry in entries:
            sys.stdout.write(_line(entry) + "\n")
    elif args.action == "add":
        meta = Metadata(args.symbol, args.title, args.year, args.language, args.congress, args.source)
        _report(library.add_file(data, args.file, meta, max_bytes=int(args.max_size * 1e6)))
    elif args.action == "fetch":
        _report(library.fetch_and_add(data, args.symbol, language=args.lang))
    else:
        entry = library.remove_entry(data, args.id)
        sys.stdout.write(f"Removed {entry.id} {entry.symbol or '-'} {entry.title}\n")
    return 0
