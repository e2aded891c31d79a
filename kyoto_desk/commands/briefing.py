"""`kyoto-desk briefing OLD NEW -o FILE.docx`: the Word briefing, headless, through the dialog's code path."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path
from typing import Any

from kyoto_desk.core.annotation import Annotation
from kyoto_desk.core.compare import compare_documents
from kyoto_desk.core.model import Document
from kyoto_desk.core.themes import load_lexicon
from kyoto_desk.errors import InputError
from kyoto_desk.export.annotation_index import document_keys
from kyoto_desk.export.briefing import export_briefing
from kyoto_desk.export.briefing_options import ALL_SECTIONS, BriefingOptions, Scope, Section
from kyoto_desk.sources.resolve import load_document

log = logging.getLogger(__name__)


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "briefing",
        help="write a Word briefing comparing two texts, with your annotations",
        description="Compare OLD with NEW (files or aliases such as 'kyoto') and write a .docx briefing: "
        "cover, executive summary, synoptic table in UN redline, your annotations as comments, "
        "positions and proposed amendments.",
    )
    parser.add_argument("old", metavar="OLD", help="the older text: a file or a bundled alias")
    parser.add_argument("new", metavar="NEW", help="the newer text: a file or a bundled alias")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.docx", help="where to write it")
    parser.add_argument("--scope", choices=[s.value for s in Scope], default=Scope.ALL.value)
    parser.add_argument(
        "--themes",
        nargs="+",
        action="extend",
        default=[],
        metavar="THEME",
        help="keep only rows about these themes (ids or labels)",
    )
    parser.add_argument("--title", default=BriefingOptions().title)
    parser.add_argument("--author", default="", help="author or delegation named on the cover")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD")
    parser.add_argument("--confidential", default="", metavar="TEXT", help="marking for header and footer")
    parser.add_argument("--landscape", action="store_true", help="put the synoptic table on landscape pages")
    parser.add_argument("--no-shading", action="store_true", help="do not shade agreed language")
    parser.add_argument(
        "--omit",
        nargs="+",
        action="extend",
        default=[],
        choices=[s.value for s in Section],
        metavar="SECTION",
        help="leave out sections: " + ", ".join(s.value for s in Section),
    )
    parser.add_argument("--no-annotations", action="store_true", help="ignore the annotations in the store")
    parser.set_defaults(func=run)


def options_from(args: argparse.Namespace) -> BriefingOptions:
    return BriefingOptions(
        title=args.title,
        author=args.author,
        date=args.date,
        confidentiality=args.confidential,
        scope=Scope(args.scope),
        themes=tuple(args.themes),
        sections=ALL_SECTIONS - {Section(s) for s in args.omit},
        landscape=args.landscape,
        shade_agreed=not args.no_shading,
    )


def stored_annotations(data_dir: Path, documents: tuple[Document, ...]) -> list[Annotation]:
    """The annotations of the store that name one of `documents`; none when there is no store yet."""
    from kyoto_desk.store.annotations import AnnotationFilter, list_annotations
    from kyoto_desk.store.db import DB_NAME, open_store

    if not (data_dir / DB_NAME).is_file():
        return []
    keys = sorted(set().union(*(document_keys(d) for d in documents)))
    store = open_store(data_dir)
    try:
        with store.session() as session:
            return [a for key in keys for a in list_annotations(session, AnnotationFilter(document_key=key))]
    finally:
        store.close()


def _target(output: str) -> Path:
    target = Path(output).expanduser()
    if target.suffix.lower() != ".docx":
        raise InputError(f"{target.name} is not a .docx file name.", "Give a name ending in .docx.")
    return target


def run(args: argparse.Namespace) -> int:
    target = _target(args.output)
    old = load_document(args.old, args.data_dir).declaration()
    new = load_document(args.new, args.data_dir).declaration()
    annotations = [] if args.no_annotations else stored_annotations(args.data_dir, (old, new))
    comparison = compare_documents(old, new, lexicon=load_lexicon(args.data_dir))
    result = export_briefing(comparison, target, options=options_from(args), annotations=annotations)
    counts = f"{result.rows} rows, {result.comments} comments, {result.positions} positions"
    sys.stdout.write(f"Wrote {target}: {counts}.\n")
    return 0
