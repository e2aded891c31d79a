"""`kyoto-desk annotations export|import|list`: annotations in and out of the store, headless."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kyoto_desk.export import annotations_csv, webannotation
from kyoto_desk.store.annotations import AnnotationFilter, list_annotations
from kyoto_desk.store.db import open_store
from kyoto_desk.store.exchange import Prefer, import_annotations
from kyoto_desk.store.resolver import DocumentResolver


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "annotations",
        help="export, import or list annotations",
        description="Exchange annotations as W3C Web Annotation JSON-LD or CSV, or list them.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write every annotation (or a document's) as JSON or CSV")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output)")
    export.add_argument("--document", metavar="NAME", help="only this document (alias, symbol or key)")
    export.set_defaults(func=run_export)
    imported = actions.add_parser("import", help="merge a JSON or CSV file into the store (all rows or none)")
    imported.add_argument("file", metavar="FILE")
    imported.add_argument(
        "--prefer",
        choices=[p.value for p in Prefer],
        default=Prefer.NEWEST.value,
        help="who wins when an annotation differs on both sides (default: the newest edit)",
    )
    imported.set_defaults(func=run_import)
    carry = actions.add_parser(
        "carry",
        help="copy the annotations of an older draft onto their counterparts in a newer one",
        description="Align OLD and NEW, then carry each annotation of OLD to NEW, marked kept, moved, "
        "modified or deleted. Carrying again updates the same copies.",
    )
    carry.add_argument("old", metavar="OLD", help="the older document (alias, symbol, library id or file)")
    carry.add_argument("new", metavar="NEW", help="the newer document")
    carry.set_defaults(func=run_carry)
    listed = actions.add_parser("list", help="print annotations, one a line")
    listed.add_argument("--document", metavar="NAME")
    listed.add_argument("--stance")
    listed.add_argument("--theme")
    listed.add_argument("--author")
    listed.add_argument("--search", default="", help="words in the quote, note or amendment")
    listed.set_defaults(func=run_list)


def run_export(args: argparse.Namespace) -> int:
    store = open_store(args.data_dir)
    try:
        with store.session() as session:
            resolver = DocumentResolver(session)
            keys = tuple(sorted(resolver.by_name(args.document).keys)) if args.document else ()
            annotations = list_annotations(session, AnnotationFilter(document_keys=keys))
            names = {a.document_key: resolver.name_of(a.document_key) for a in annotations}
    finally:
        store.close()
    name_of = names.__getitem__
    if args.output is None:
        module = webannotation if args.format == "json" else annotations_csv
        sys.stdout.write(module.dumps(annotations, name_of))
        return 0
    if args.format == "json":
        webannotation.write_web_annotations(Path(args.output), annotations, name_of)
    else:
        annotations_csv.write_annotations_csv(Path(args.output), annotations, name_of)
    sys.stderr.write(f"{len(annotations)} annotation(s) written to {args.output}\n")
    return 0


def run_carry(args: argparse.Namespace) -> int:
    from kyoto_desk.core.align import align_units
    from kyoto_desk.core.annotation import key_of
    from kyoto_desk.core.carry_summary import carry_summary
    from kyoto_desk.sources.resolve import load_document
    from kyoto_desk.store.anchoring import carry_forward_stored

    old = load_document(args.old, args.data_dir)
    new = load_document(args.new, args.data_dir)
    alignment = align_units(old.declaration(), new.declaration())
    store = open_store(args.data_dir)
    try:
        with store.session() as session:
            carried = carry_forward_stored(session, key_of(old), key_of(new), new, alignment)
    finally:
        store.close()
    sys.stdout.write(carry_summary(carried) + ".\n")
    return 0


def run_import(args: argparse.Namespace) -> int:
    store = open_store(args.data_dir)
    try:
        with store.session() as session:
            report = import_annotations(session, Path(args.file), Prefer(args.prefer))
    finally:
        store.close()
    sys.stdout.write(f"{args.file} ({report.file_format}): {report.summary()}\n")
    for conflict in report.conflicts:
        side = "file" if conflict.kept is conflict.theirs else "yours"
        ours, theirs = conflict.ours.modified, conflict.theirs.modified
        sys.stdout.write(
            f"  conflict {conflict.ours.id} on paragraph {conflict.ours.unit_id}: kept {side} "
            f"(yours {ours:%Y-%m-%d %H:%M}, file {theirs:%Y-%m-%d %H:%M})\n"
        )
    return 0


def run_list(args: argparse.Namespace) -> int:
    store = open_store(args.data_dir)
    try:
        with store.session() as session:
            resolver = DocumentResolver(session)
            keys = tuple(sorted(resolver.by_name(args.document).keys)) if args.document else ()
            flt = AnnotationFilter(
                stance=args.stance, theme=args.theme, author=args.author, text=args.search, document_keys=keys
            )
            annotations = list_annotations(session, flt)
            names = {a.document_key: resolver.name_of(a.document_key) for a in annotations}
    finally:
        store.close()
    for a in annotations:
        mark = " (orphaned)" if a.orphaned else ""
        fields = (names[a.document_key], a.unit_id, a.stance, ";".join(a.themes), a.author)
        sys.stdout.write("\t".join(fields) + f"\t{a.quote.exact!r}{mark}\t{a.note}\n")
    return 0
