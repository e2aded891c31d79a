"""Compare two documents: align their units, diff each link, find agreed and new language, tag themes.

`compare_documents` is a pure function meant to run off the UI thread: it reports progress as a
fraction and stops with ComparisonCancelled when asked to.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from kyoto_desk.core import agreed as _agreed
from kyoto_desk.core import similarity as _similarity
from kyoto_desk.core import themes as _themes
from kyoto_desk.core.agreed import DEFAULT_MIN_WORDS, AgreedRun, agreed_runs, agreed_share, new_language
from kyoto_desk.core.align import align_units
from kyoto_desk.core.links import Alignment, Link, LinkKind, Pin
from kyoto_desk.core.model import Document
from kyoto_desk.core.themes import Lexicon, ThemeSummary, load_lexicon, summarise_themes
from kyoto_desk.core.worddiff import WordDiff, diff_units
from kyoto_desk.errors import KyotoDeskError

Progress = Callable[[float], None]
IsCancelled = Callable[[], bool]
# Share of the work each stage takes, measured on Kyoto-sized texts; only the progress bar uses it.
_ALIGN_DONE, _DIFF_DONE, _AGREED_DONE = 0.35, 0.7, 0.9


class ComparisonCancelled(KyotoDeskError):  # noqa: N818 - the name the UI and CLI contract use
    """The user stopped a comparison before it finished."""

    def __init__(self) -> None:
        super().__init__("The comparison was cancelled.", "Start it again when you are ready.")


@dataclass(frozen=True, slots=True)
class Counts:
    """How the units of two texts relate, by link kind; `continued` counts all links."""

    continued: int
    identical: int
    modified: int
    moved: int
    split: int
    merged: int
    added: int
    removed: int

    def as_dict(self) -> dict[str, int]:
        return {
            "continued": self.continued,
            "identical": self.identical,
            "modified": self.modified,
            "moved": self.moved,
            "split": self.split,
            "merged": self.merged,
            "added": self.added,
            "removed": self.removed,
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything known about how `new` relates to `old`.

    `diffs[i]` is the word diff of `alignment.links[i]`. Agreed shares map unit ids to the share of
    the unit's words that are agreed language; `new_language` maps each new unit id to the character
    spans (into the unit's text) of words found neither in agreed language nor in an equal diff span.
    """

    old: Document
    new: Document
    alignment: Alignment
    diffs: tuple[WordDiff, ...]
    agreed: tuple[AgreedRun, ...]
    agreed_share_old: Mapping[str, float]
    agreed_share_new: Mapping[str, float]
    new_language: Mapping[str, tuple[tuple[int, int], ...]]
    themes_old: Mapping[str, tuple[str, ...]]
    themes_new: Mapping[str, tuple[str, ...]]
    theme_summary: tuple[ThemeSummary, ...]
    lexicon: Lexicon
    min_agreed_words: int = DEFAULT_MIN_WORDS
    _by_old: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _by_new: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.diffs) != len(self.alignment.links):
            raise ValueError("one diff per link is required")
        # Private caches filled once; the dataclass stays frozen for its users.
        for index, link in enumerate(self.alignment.links):
            self._by_old.update(dict.fromkeys(link.old, index))
            self._by_new.update(dict.fromkeys(link.new, index))

    @property
    def links(self) -> tuple[Link, ...]:
        return self.alignment.links

    def link_index_for_old(self, unit_id: str) -> int | None:
        return self._by_old.get(unit_id)

    def link_index_for_new(self, unit_id: str) -> int | None:
        return self._by_new.get(unit_id)

    def link_for_old(self, unit_id: str) -> Link | None:
        """The link holding this old unit, or None if the unit was removed."""
        index = self._by_old.get(unit_id)
        return None if index is None else self.alignment.links[index]

    def link_for_new(self, unit_id: str) -> Link | None:
        """The link holding this new unit, or None if the unit was added."""
        index = self._by_new.get(unit_id)
        return None if index is None else self.alignment.links[index]

    def diff_for(self, link: Link) -> WordDiff:
        """The word diff of one of this comparison's links."""
        return self.diffs[self.alignment.links.index(link)]

    def agreed_in_old(self, unit_id: str) -> tuple[AgreedRun, ...]:
        return tuple(r for r in self.agreed if r.old.unit_id == unit_id)

    def agreed_in_new(self, unit_id: str) -> tuple[AgreedRun, ...]:
        return tuple(r for r in self.agreed if r.new.unit_id == unit_id)

    def counts(self) -> Counts:
        kinds = [link.kind for link in self.alignment.links]
        return Counts(
            continued=len(kinds),
            identical=kinds.count(LinkKind.IDENTICAL),
            modified=kinds.count(LinkKind.MODIFIED),
            moved=kinds.count(LinkKind.MOVED),
            split=kinds.count(LinkKind.SPLIT),
            merged=kinds.count(LinkKind.MERGED),
            added=len(self.alignment.added),
            removed=len(self.alignment.removed),
        )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration of one comparison.

    A comparison builds hundreds of thousands of small lists and tuples (n-gram index, tokens,
    spans) that all live until it returns; the collector's repeated passes over them made the time
    grow faster than the texts (agreed language on 1,600 units a side: 0.72 s with, 0.32 s without).
    Reference counting still frees everything, and nothing here makes reference cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def clear_caches() -> None:
    """Forget everything remembered by unit text between comparisons: the aligner's word features and
    thesaurus concepts, agreed language's words, the themes' word forms.

    Those caches only save time when a text is compared again (after a pin, or against another
    revision); benchmarks clear them so that every timed run meets its texts for the first time. What
    is remembered by single word (stems, word forms, thesaurus entries) stays: any text warms it.
    """
    _similarity.clear_text_cache()
    _agreed.clear_cache()
    _themes.clear_cache()


class _Steps:
    """Progress and cancellation in one place, so each stage only says how far it got."""

    def __init__(self, progress: Progress | None, is_cancelled: IsCancelled | None) -> None:
        self._progress = progress
        self._is_cancelled = is_cancelled

    def at(self, fraction: float) -> None:
        if self._is_cancelled is not None and self._is_cancelled():
            raise ComparisonCancelled()
        if self._progress is not None:
            self._progress(min(1.0, fraction))


def _diffs(old: Document, new: Document, links: Sequence[Link], steps: _Steps) -> tuple[WordDiff, ...]:
    out = []
    span = _DIFF_DONE - _ALIGN_DONE
    for index, link in enumerate(links):
        out.append(diff_units([old.unit(i) for i in link.old], [new.unit(i) for i in link.new]))
        if index % 16 == 15:  # checking every link would cost more than the diffs of short units
            steps.at(_ALIGN_DONE + span * (index + 1) / len(links))
    return tuple(out)


def compare_documents(
    old: Document,
    new: Document,
    *,
    pins: Sequence[Pin] = (),
    lexicon: Lexicon | None = None,
    min_agreed_words: int = DEFAULT_MIN_WORDS,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> Comparison:
    """Compare `old` with `new`; `lexicon` defaults to the shipped theme lexicon.

    Raises ComparisonCancelled as soon as `is_cancelled()` returns True at a checkpoint.
    """
    with _collector_paused():
        steps = _Steps(progress, is_cancelled)
        return _compare(
            old, new, pins=tuple(pins), lexicon=lexicon, min_agreed_words=min_agreed_words, steps=steps
        )


def _compare(
    old: Document,
    new: Document,
    *,
    pins: tuple[Pin, ...],
    lexicon: Lexicon | None,
    min_agreed_words: int,
    steps: _Steps,
) -> Comparison:
    steps.at(0.0)
    alignment = align_units(old, new, pins=pins)
    steps.at(_ALIGN_DONE)
    diffs = _diffs(old, new, alignment.links, steps)
    steps.at(_DIFF_DONE)
    runs = agreed_runs(old, new, min_words=min_agreed_words, alignment=alignment)
    steps.at(_AGREED_DONE)
    lexicon = lexicon if lexicon is not None else load_lexicon()
    tagged: dict[str, tuple[str, ...]] = {}
    themes_old, themes_new = lexicon.unit_themes(old.units, tagged), lexicon.unit_themes(new.units, tagged)
    summary = summarise_themes(
        lexicon, old=old, new=new, old_themes=themes_old, new_themes=themes_new, alignment=alignment
    )
    comparison = Comparison(
        old=old,
        new=new,
        alignment=alignment,
        diffs=diffs,
        agreed=runs,
        agreed_share_old=agreed_share(old, runs, side="old"),
        agreed_share_new=agreed_share(new, runs, side="new"),
        new_language=new_language(new, runs, diffs),
        themes_old=themes_old,
        themes_new=themes_new,
        theme_summary=summary,
        lexicon=lexicon,
        min_agreed_words=min_agreed_words,
    )
    steps.at(1.0)
    return comparison
