"""A SYNTHETIC revision of the bundled Kyoto text, for the smoke test's `compare` and `briefing`.

Made by a few mechanical edits of the Kyoto Declaration (a word changed, a paragraph's wording
reversed in part, one invented paragraph added), labelled synthetic in its first line. It is not a
real UN text and stands for no other declaration.
"""

from __future__ import annotations

from pathlib import Path

KYOTO_TEXT = Path(__file__).resolve().parents[1] / "texts" / "kyoto-declaration-2021.en.txt"
LABEL = (
    "SYNTHETIC TEST TEXT: a generated revision of the Kyoto Declaration, made for the packaging smoke test."
)

# (old, new) replacements, each applied once; the old strings occur in the Kyoto text.
EDITS = (
    ("5. We undertake to intensify concerted", "5. We undertake to further intensify concerted"),
    ("11. We reaffirm our commitment to strengthening", "11. We reaffirm our firm commitment to reinforcing"),
    (
        "97. We express our profound gratitude",
        "97. We request the Secretary-General to report on this synthetic paragraph;\n\n"
        "98. We express our profound gratitude",
    ),
)


def synthetic_revision_text(source: Path = KYOTO_TEXT) -> str:
    text = source.read_text(encoding="utf-8")
    for old, new in EDITS:
        if old not in text:
            raise ValueError(f"The Kyoto text no longer contains {old!r}; update the synthetic edits.")
        text = text.replace(old, new, 1)
    return f"{LABEL}\n\n{text}"


def write_synthetic_revision(target: Path, source: Path = KYOTO_TEXT) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(synthetic_revision_text(source), encoding="utf-8")
    return target
