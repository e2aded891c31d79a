"""Measure re-anchoring on generated revisions of the bundled Kyoto text's paragraphs.

Each trial takes a real paragraph, annotates a span of 2-12 words (sometimes the whole paragraph),
then edits the paragraph word by word (insert, delete or replace with a word of the same text):
near the span but outside it, inside it, both, or deleting it. The span is tracked through the
edits, so the right answer is known. Reported:
  - survived_rate: of the spans whose words survive unchanged, the share re-anchored exactly there;
  - wrong_landings: spans whose quote exists nowhere any more but were placed on text that is not
    (mostly) the edited span; must be 0;
  - modified_placed: of the spans edited inside, how many were placed on their edited words;
  - median microseconds per `locate` call, and a baseline `str.find` of the quote in the same run.

Run: python bench/bench_anchoring.py [TRIALS]   (results in bench/results/anchoring.json)
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kyoto_desk.core.anchor import Anchor, locate
from kyoto_desk.core.annotation import TextPosition, TextQuote, quote_at
from kyoto_desk.paths import texts_dir

RESULTS = Path(__file__).resolve().parent / "results" / "anchoring.json"
KINDS = ("near", "inside", "both", "deleted")
NEAR_TOKENS = 4  # "near" edits fall within this many words of the span


@dataclass
class Quality:
    trials: int = 0
    survived: int = 0
    survived_exact: int = 0
    gone: int = 0
    wrong_landings: int = 0
    modified: int = 0
    modified_placed: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def survived_rate(self) -> float:
        return self.survived_exact / self.survived if self.survived else 1.0


@dataclass(frozen=True)
class Trial:
    quote: TextQuote
    position: TextPosition
    new_text: str
    truth: TextPosition | None  # where the span's (possibly edited) words are now; None if deleted


def paragraphs() -> list[str]:
    """The Kyoto source's paragraphs of at least 80 characters, each on one line."""
    raw = (texts_dir() / "kyoto-declaration-2021.en.txt").read_text(encoding="utf-8")
    blocks = (" ".join(block.split()) for block in re.split(r"\n\s*\n", raw))
    return [block for block in blocks if len(block) >= 80]


def _render(tokens: list[tuple[str, bool]]) -> tuple[str, TextPosition | None]:
    text = "".join(word for word, _ in tokens).rstrip()
    bounds: list[tuple[int, int]] = []
    cursor = 0
    for word, in_span in tokens:
        if in_span:
            bounds.append((cursor, cursor + len(word.rstrip())))
        cursor += len(word)
    return text, (TextPosition(bounds[0][0], bounds[-1][1]) if bounds else None)


def _edit(
    tokens: list[tuple[str, bool]], index: int, rng: random.Random, words: list[str], inside: bool
) -> None:
    action = rng.choice(("insert", "delete", "replace"))
    word = rng.choice(words) + " "
    if action == "insert":
        tokens.insert(index, (word, inside))
    elif action == "delete" and len(tokens) > 2:
        del tokens[index]
    else:
        tokens[index] = (word, tokens[index][1])


def _edit_near(tokens: list[tuple[str, bool]], rng: random.Random, words: list[str]) -> None:
    span = [i for i, (_, s) in enumerate(tokens) if s]
    outside = [
        i for i in range(len(tokens)) if not tokens[i][1] and min(abs(i - j) for j in span) <= NEAR_TOKENS
    ]
    if rng.random() < 0.5:
        outside.append(span[0])  # inserting just before the span's first word leaves the span whole
        outside.append(span[-1] + 1)
    for _ in range(rng.randint(1, 3)):
        if outside:
            index = rng.choice(outside)
            if index >= len(tokens) or tokens[index][1]:
                tokens.insert(index, (rng.choice(words) + " ", False))
            else:
                _edit(tokens, index, rng, words, inside=False)
        span = [i for i, (_, s) in enumerate(tokens) if s]
        outside = [i for i in range(len(tokens)) if not tokens[i][1] and min(abs(i - j) for j in span) <= 4]


def _edit_inside(tokens: list[tuple[str, bool]], rng: random.Random, words: list[str]) -> None:
    span = [i for i, (_, s) in enumerate(tokens) if s]
    _edit(tokens, rng.choice(span), rng, words, inside=True)


def generate(paragraph: str, rng: random.Random, words: list[str], kind: str) -> Trial:
    """One annotated span of `paragraph` and the paragraph revised around or inside it."""
    tokens = [(m.group(), False) for m in re.finditer(r"\S+\s*", paragraph)]
    size = len(tokens) if rng.random() < 0.05 else min(len(tokens), rng.randint(2, 12))
    first = rng.randint(0, len(tokens) - size)
    tokens = [(w, first <= i < first + size) for i, (w, _) in enumerate(tokens)]
    old_text, position = _render(tokens)
    assert position is not None
    if kind in ("near", "both"):
        _edit_near(tokens, rng, words)
    if kind in ("inside", "both") and size >= 3:
        _edit_inside(tokens, rng, words)
    if kind == "deleted":
        tokens = [(w, s) for w, s in tokens if not s]
    new_text, truth = _render(tokens)
    return Trial(quote_at(old_text, position), position, new_text, truth)


def _on_truth(placed: TextPosition, truth: TextPosition | None) -> bool:
    """True when most of the placed text is the (edited) span's own text."""
    if truth is None:
        return False
    shared = max(0, min(placed.end, truth.end) - max(placed.start, truth.start))
    return shared > 0 and shared >= (placed.end - placed.start) / 2


def score(trial: Trial, anchor: Anchor, quality: Quality) -> None:
    """Count one trial into `quality`."""
    quality.trials += 1
    exact = trial.quote.exact
    placed = anchor.position
    if trial.truth is not None and trial.new_text[trial.truth.start : trial.truth.end] == exact:
        quality.survived += 1
        if placed == trial.truth:
            quality.survived_exact += 1
        else:
            quality.failures.append(f"survived at {trial.truth} but placed at {placed}: {trial}")
        return
    if exact in trial.new_text:
        return  # deleted here, but the same words stand elsewhere: landing there is not wrong
    quality.gone += 1
    if trial.truth is not None:
        quality.modified += 1
        quality.modified_placed += placed is not None and _on_truth(placed, trial.truth)
    if placed is not None and not _on_truth(placed, trial.truth):
        quality.wrong_landings += 1
        quality.failures.append(f"gone (truth {trial.truth}) but placed at {placed}: {trial}")


def measure(trials: int, seed: int = 2021) -> tuple[Quality, list[float], list[float]]:
    """Quality over `trials` generated revisions, and per-call times of `locate` and of `str.find`."""
    rng = random.Random(seed)
    texts = paragraphs()
    words = sorted({w for t in texts for w in t.split()})
    quality = Quality()
    locate_times: list[float] = []
    find_times: list[float] = []
    for index in range(trials):
        trial = generate(rng.choice(texts), rng, words, KINDS[index % len(KINDS)])
        started = time.perf_counter()
        anchor = locate(trial.quote, trial.position, trial.new_text)
        locate_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        trial.new_text.find(trial.quote.exact)
        find_times.append(time.perf_counter() - started)
        score(trial, anchor, quality)
    return quality, locate_times, find_times


def main(argv: list[str]) -> int:
    trials = int(argv[0]) if argv else 8000
    quality, locate_times, find_times = measure(trials)
    locate_us = statistics.median(locate_times) * 1e6
    find_us = statistics.median(find_times) * 1e6
    result = {
        **{k: v for k, v in asdict(quality).items() if k != "failures"},
        "survived_rate": round(quality.survived_rate, 4),
        "median_locate_us": round(locate_us, 1),
        "median_baseline_find_us": round(find_us, 2),
        "ratio_to_baseline": round(locate_us / find_us, 1),
        "p95_locate_us": round(statistics.quantiles(locate_times, n=20)[-1] * 1e6, 1),
    }
    from results_io import save_results  # bench/ is on the path when run as a script

    save_results(RESULTS, result)
    for key, value in result.items():
        print(f"{key:>26}: {value}")
    for failure in quality.failures[:10]:
        print("  ", failure[:2000])
    return 0 if quality.survived_rate >= 0.99 and quality.wrong_landings == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
