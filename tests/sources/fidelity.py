"""Word error rate between a reference text and an imported one (shared by tests and bench)."""

from __future__ import annotations


def word_error_rate(reference: str, hypothesis: str) -> float:
    """(substitutions + deletions + insertions) / reference words, by word-level edit distance.

    The common prefix and suffix are cut first: imports are near-exact, so the quadratic edit
    distance only runs over the short stretch where they differ.
    """
    ref, hyp = reference.split(), hypothesis.split()
    if not ref:
        return 0.0 if not hyp else 1.0
    start = 0
    while start < min(len(ref), len(hyp)) and ref[start] == hyp[start]:
        start += 1
    end = 0
    while end < min(len(ref), len(hyp)) - start and ref[-1 - end] == hyp[-1 - end]:
        end += 1
    a, b = ref[start : len(ref) - end], hyp[start : len(hyp) - end]
    previous = list(range(len(b) + 1))
    for i, word in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, other in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != other))
        previous = current
    return previous[-1] / len(ref)
