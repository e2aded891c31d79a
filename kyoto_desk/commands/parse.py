"""`kyoto-desk parse FILE|ALIAS`: the structure the parser finds, as JSON or a readable outline."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kyoto_desk.core.model import Part
from kyoto_desk.core.serialize import document_to_dict, document_to_text
from kyoto_desk.sources.resolve import load_document


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "parse",
        help="show the paragraphs, headings and footnotes of a UN text",
        description="Parse a UN text (a file, or an alias such as 'kyoto') and print its structure.",
    )
    parser.add_argument("document", metavar="FILE|ALIAS", help="a file path or a bundled alias (kyoto)")
    parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.add_argument(
        "--part",
        choices=("all", "declaration", "resolution"),
        default="all",
        help="all of the source (default), only the annexed declaration, or only the adopting resolution",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    document = load_document(args.document, args.data_dir)
    if args.part == "declaration":
        document = document.declaration()
    elif args.part == "resolution":
        document = document.part(Part.RESOLUTION)
    if args.format == "json":
        json.dump(document_to_dict(document), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(document_to_text(document))
    return 0
