"""`kyoto-desk compare OLD NEW`: what continued, changed, moved, appeared and went, as JSON, text or HTML."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO, Any

from kyoto_desk.core.compare import Comparison, compare_documents
from kyoto_desk.core.model import Document
from kyoto_desk.core.report import comparison_dict
from kyoto_desk.core.report_html import render_html
from kyoto_desk.core.report_text import render_text
from kyoto_desk.core.themes import load_lexicon
from kyoto_desk.export.atomic import write_atomically
from kyoto_desk.sources.resolve import load_document


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "compare",
        help="compare two UN texts paragraph by paragraph",
        description="Compare an older UN text with a newer one (files or aliases such as 'kyoto'): links "
        "between paragraphs, word-level changes, agreed and new language, themes.",
    )
    parser.add_argument("old", metavar="OLD", help="the older text: a file path or a bundled alias")
    parser.add_argument("new", metavar="NEW", help="the newer text: a file path or a bundled alias")
    parser.add_argument("--format", choices=("json", "text", "html"), default="text")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path, help="write here instead of to stdout")
    parser.add_argument(
        "--all-parts",
        action="store_true",
        help="compare the whole sources, adopting resolutions included (default: the declarations only)",
    )
    parser.add_argument(
        "--min-agreed-words",
        type=_positive,
        default=6,
        metavar="N",
        help="shortest run of shared words counted as agreed language (default 6)",
    )
    parser.add_argument(
        "--hide-minor",
        action="store_true",
        help="text and html: do not mark case- or punctuation-only changes",
    )
    parser.set_defaults(func=run)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number


def _document(name: str, data_dir: Path, all_parts: bool) -> Document:
    document = load_document(name, data_dir)
    return document if all_parts else document.declaration()


def render(comparison: Comparison, fmt: str, *, show_minor: bool = True) -> str:
    """The comparison in one of the command's formats."""
    if fmt == "json":
        return json.dumps(comparison_dict(comparison), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return render_html(comparison)
    return render_text(comparison, show_minor=show_minor)


def run(args: argparse.Namespace) -> int:
    old = _document(args.old, args.data_dir, args.all_parts)
    new = _document(args.new, args.data_dir, args.all_parts)
    comparison = compare_documents(
        old, new, lexicon=load_lexicon(args.data_dir), min_agreed_words=args.min_agreed_words
    )
    output = render(comparison, args.format, show_minor=not args.hide_minor)
    if args.output is None:
        sys.stdout.write(output)
    else:
        data = output.encode("utf-8")

        def write(handle: IO[bytes]) -> None:
            handle.write(data)

        write_atomically(args.output, write)
    return 0
