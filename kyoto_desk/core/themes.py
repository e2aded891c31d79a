"""The theme lexicon: which themes (corruption, cybercrime, ...) each unit speaks of.

The lexicon ships as `resources/themes.toml`; a `themes.toml` in the user's data directory replaces
shipped themes by id, adds new ones, or drops one with `enabled = false`. Matching is deterministic:
whole words, case ignored, plurals and hyphen/space variants of each term accepted.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kyoto_desk.core.agreed import word_count, word_forms
from kyoto_desk.core.links import Alignment
from kyoto_desk.core.model import Document, Unit
from kyoto_desk.errors import KyotoDeskError
from kyoto_desk.paths import resources_dir

LEXICON_FILE = "themes.toml"
_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COLOUR_RE = re.compile(r"#[0-9a-fA-F]{6}")
# Letters and digits only: a hyphen, an apostrophe or an underscore splits words, so "cyber-crime",
# "cyber crime" and (through each term's joined form) "cybercrime" all meet the same term.
_TOKEN_RE = re.compile(r"[^\W_]+")
_JOINERS_TO_SPACES = str.maketrans("-'_", "   ")

Terms = tuple[tuple[str, ...], ...]
_Entry = tuple[int, tuple[str, ...]]  # (theme position, term words)
_Index = dict[str, tuple[_Entry, ...]]  # first word of a term -> its entries, longest term first


class ThemeLexiconError(KyotoDeskError):
    """A theme lexicon file cannot be read: bad TOML, a missing field, or a bad pattern."""


@lru_cache(maxsize=16384)
def _forms(word: str) -> tuple[str, ...]:
    """The word and the singulars it may be the plural of; terms are written in the singular."""
    forms = [word]
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        forms.append(word[:-1])
    return tuple(forms)


def term_words(term: str) -> Terms:
    """The word sequences that spell `term`: its words, and for a compound also the joined form."""
    words = tuple(w.lower() for w in _TOKEN_RE.findall(term))
    if not words:
        raise ValueError(f"term {term!r} has no words")
    return (words, ("".join(words),)) if len(words) > 1 else (words,)


def _matches_at(term: tuple[str, ...], words: Sequence[str], i: int) -> bool:
    last = len(term) - 1
    if i + last >= len(words):
        return False
    # Only the last word of a term takes a plural ending ("courts of law" is not a term form).
    return tuple(words[i : i + last]) == term[:last] and term[last] in _forms(words[i + last])


def _index(
    entries: Iterable[tuple[int, tuple[str, ...]]],
) -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
    by_first: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for key, term in entries:
        by_first.setdefault(term[0], []).append((key, term))
    # Longest first, so that a theme's longest matching term gives its span.
    return {w: tuple(sorted(found, key=lambda e: -len(e[1]))) for w, found in by_first.items()}


def _lower_tokens(text: str) -> list[str]:
    """`_TOKEN_RE`'s words of the lowercased text.

    A comparison has read every unit's words for agreed language already; in ASCII text those are
    the same letters and digits, only joined by hyphens, apostrophes and underscores, and splitting
    them there costs a fraction of reading the text again.
    """
    if text.isascii():
        if "-" in text or "'" in text or "_" in text:
            return " ".join(word_forms(text)).translate(_JOINERS_TO_SPACES).split()
        return list(word_forms(text))  # no joiner anywhere (most paragraphs): nothing to split
    return _TOKEN_RE.findall(text.lower())


def _tokens(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    found = list(_TOKEN_RE.finditer(text))
    return [m.group().lower() for m in found], [m.span() for m in found]


@dataclass(frozen=True, slots=True)
class Theme:
    """One theme: id, label and colour for display, and the terms and patterns it matches."""

    id: str
    label: str
    colour: str
    terms: tuple[str, ...]
    patterns: tuple[str, ...]
    regex: re.Pattern[str] | None = None  # the patterns, joined
    _words: Terms = field(default=(), compare=False, repr=False)

    def spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """Where the theme is mentioned in `text`: term and pattern matches, in order."""
        words, offsets = _tokens(text)
        index = _index((0, t) for t in self._words)
        found: list[tuple[int, int]] = []
        i = 0
        while i < len(words):
            hit = next(
                (t for form in _forms(words[i]) for _, t in index.get(form, ()) if _matches_at(t, words, i)),
                None,
            )
            if hit is None:
                i += 1
                continue
            found.append((offsets[i][0], offsets[i + len(hit) - 1][1]))
            i += len(hit)
        if self.regex is not None:
            found.extend(m.span() for m in self.regex.finditer(text) if m.end() > m.start())
        return tuple(sorted(set(found)))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The themes in display order."""

    themes: tuple[Theme, ...]
    _index: _Index = field(default_factory=dict, compare=False, repr=False)
    _starters: set[str] = field(default_factory=set, compare=False, repr=False)
    # All themes' patterns as one alternation, or None when they cannot be joined faithfully.
    _any_pattern: re.Pattern[str] | None = field(default=None, init=False, compare=False, repr=False)
    # Per word that can start a term: the themes its one-word terms give, and its longer terms.
    _singles: dict[str, frozenset[int]] = field(default_factory=dict, init=False, compare=False, repr=False)
    _multis: dict[str, tuple[_Entry, ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    # The patterns without IGNORECASE, for lower-cased ASCII text (see _lower_twin); None when one of
    # them cannot be run that way.
    _lower: tuple[re.Pattern[str] | None, ...] | None = field(
        default=None, init=False, compare=False, repr=False
    )
    _lower_any: re.Pattern[str] | None = field(default=None, init=False, compare=False, repr=False)
    _ids: tuple[str, ...] = field(default=(), init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # A frozen dataclass cannot assign; the index is a private cache filled once.
        entries = ((k, words) for k, theme in enumerate(self.themes) for words in theme._words)
        self._index.update(_index(entries))
        # Every spelling that can start a term, plurals included: one set intersection then skips
        # the words of a paragraph that start none, which are nearly all of them.
        for word in self._index:
            self._starters.update((word, f"{word}s", f"{word}es"))
            if word.endswith("y"):
                self._starters.add(f"{word[:-1]}ies")
        for word in self._starters:
            # A one-word term matches wherever one of the word's forms is the term; a longer term
            # only where the word itself is its first word (only a term's last word is inflected).
            forms = _forms(word)
            ones = (k for form in forms for k, t in self._index.get(form, ()) if len(t) == 1)
            self._singles[word] = frozenset(ones)
            self._multis[word] = tuple(e for e in self._index.get(word, ()) if len(e[1]) > 1)
        object.__setattr__(self, "_ids", tuple(t.id for t in self.themes))
        joined = _joined_patterns([t.regex for t in self.themes if t.regex is not None])
        object.__setattr__(self, "_any_pattern", joined)
        lower = tuple(None if t.regex is None else _lower_twin(t.regex) for t in self.themes)
        lower_any = None if joined is None else _lower_twin(joined)
        twins = all(t.regex is None or twin is not None for t, twin in zip(self.themes, lower, strict=True))
        if twins and (joined is None) == (lower_any is None):
            object.__setattr__(self, "_lower", lower)
            object.__setattr__(self, "_lower_any", lower_any)

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def themes_of(self, text: str) -> tuple[str, ...]:
        """Ids of the themes `text` mentions, in lexicon order."""
        words = _lower_tokens(text)
        present = self._starters.intersection(words)
        found: set[int] = set()
        if present:
            found.update(*map(self._singles.__getitem__, present))
            multis = self._multis
            longer = {word for word in present if multis[word]}
            for i in [i for i, word in enumerate(words) if word in longer] if longer else ():
                for k, t in multis[words[i]]:
                    if k not in found and _matches_at(t, words, i):
                        found.add(k)
        self._pattern_themes(text, found)
        return tuple(map(self._ids.__getitem__, sorted(found)))

    def _pattern_themes(self, text: str, found: set[int]) -> None:
        """Add to `found` the themes whose patterns match `text`."""
        lower = self._lower
        if lower is not None and text.isascii():
            subject, any_pattern, regexes = text.lower(), self._lower_any, lower
        else:
            subject, any_pattern, regexes = text, self._any_pattern, tuple(t.regex for t in self.themes)
        # Most paragraphs match no pattern: one scan with all patterns at once tells so, where each
        # pattern would scan the text again.
        if any_pattern is None or any_pattern.search(subject):
            for k, regex in enumerate(regexes):
                if k not in found and regex is not None and regex.search(subject):
                    found.add(k)

    def unit_themes(
        self, units: Iterable[Unit], known: dict[str, tuple[str, ...]] | None = None
    ) -> dict[str, tuple[str, ...]]:
        """Theme ids per unit id. `known` maps texts already tagged to their themes and is filled in:
        revisions repeat most paragraphs word for word, and those need tagging only once."""
        seen = known if known is not None else {}
        out = {}
        for unit in units:
            themes = seen.get(unit.text)
            if themes is None:
                themes = seen[unit.text] = self.themes_of(unit.text)
            out[unit.id] = themes
        return out


# What keeps a pattern's meaning when IGNORECASE is dropped and the text is lower-cased: no character
# class (a range such as [@-Z] holds capitals unwritten), no escape that can name a letter by number
# (\x41, \u0041, octal) and no back-reference, no group with flags of its own.
_CASE_SENSITIVE = re.compile(r"\[|\\[0-9xu]|\(\?(?![:=!]|<[=!])")


def _lower_twin(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """`regex` without IGNORECASE, matching lower-cased ASCII text exactly where `regex` matches the
    text itself, or None when that cannot be told from the pattern.

    Without IGNORECASE the engine compares characters instead of their folded cases, which makes a
    scan about a third faster. An ASCII pattern without capitals (so \\W, \\S, \\B, named groups are
    refused too) compares every ASCII letter through its lower case either way.
    """
    pattern = regex.pattern
    if not regex.flags & re.IGNORECASE or not pattern.isascii() or pattern != pattern.lower():
        return None
    if _CASE_SENSITIVE.search(pattern):
        return None
    return re.compile(pattern, regex.flags & ~re.IGNORECASE)


def _joined_patterns(regexes: Sequence[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One pattern that matches somewhere exactly when one of `regexes` does; None when there are
    fewer than two, or when joining could change what they match (groups, whose numbers and
    back-references would shift, or differing flags)."""
    if len(regexes) < 2 or any(r.groups for r in regexes) or len({r.flags for r in regexes}) > 1:
        return None
    return re.compile("|".join(f"(?:{r.pattern})" for r in regexes), regexes[0].flags)


def _compile(theme_id: str, patterns: tuple[str, ...], origin: str) -> re.Pattern[str] | None:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ThemeLexiconError(
                f"Theme {theme_id!r} in {origin} has a bad pattern {pattern!r}: {exc}.",
                "Fix the regular expression or remove it.",
            ) from None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def _strings(value: Any, field: str, theme_id: str, origin: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ThemeLexiconError(
            f"Theme {theme_id!r} in {origin}: `{field}` must be a list of non-empty strings.",
            f'Write it as {field} = ["…", "…"].',
        )
    return tuple(value)


def _text(entry: dict[str, Any], field: str, pattern: re.Pattern[str] | None, origin: str) -> str:
    value = entry.get(field)
    if not isinstance(value, str) or not value.strip() or (pattern and not pattern.fullmatch(value)):
        shown = entry.get("id", "?")
        raise ThemeLexiconError(
            f"Theme {shown!r} in {origin} has a missing or bad `{field}`: {value!r}.",
            "Each theme needs id (a-z, 0-9, hyphens), label, and colour as #rrggbb.",
        )
    return value


def _theme(entry: Any, origin: str) -> Theme:
    if not isinstance(entry, dict):
        raise ThemeLexiconError(f"{origin}: every [[theme]] must be a table.", "See the shipped themes.toml.")
    theme_id = _text(entry, "id", _ID_RE, origin)
    label = _text(entry, "label", None, origin)
    colour = _text(entry, "colour", _COLOUR_RE, origin)
    terms = _strings(entry.get("terms", []), "terms", theme_id, origin)
    patterns = _strings(entry.get("patterns", []), "patterns", theme_id, origin)
    if not terms and not patterns:
        raise ThemeLexiconError(
            f"Theme {theme_id!r} in {origin} has no terms and no patterns.", "Add at least one."
        )
    try:
        words = tuple(w for term in terms for w in term_words(term))
    except ValueError as exc:
        raise ThemeLexiconError(f"Theme {theme_id!r} in {origin}: {exc}.", "Give each term a word.") from None
    return Theme(theme_id, label, colour, terms, patterns, _compile(theme_id, patterns, origin), words)


def _entries(path: Path) -> list[Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ThemeLexiconError(
            f"The theme lexicon {path} is not valid TOML: {exc}.", "Fix the file."
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ThemeLexiconError(
            f"The theme lexicon {path} cannot be read: {exc}.", "Check the file."
        ) from None
    entries = data.get("theme", [])
    if not isinstance(entries, list):
        raise ThemeLexiconError(
            f"{path}: themes must be written as [[theme]] tables.", "See the shipped file."
        )
    return entries


def parse_lexicon(path: Path, base: Lexicon | None = None) -> Lexicon:
    """The themes of `path`, laid over `base`: same id replaces, new id appends, enabled=false drops."""
    themes = {t.id: t for t in base.themes} if base else {}
    seen: set[str] = set()
    for entry in _entries(path):
        if isinstance(entry, dict) and entry.get("enabled", True) is False:
            themes.pop(str(entry.get("id", "")), None)
            continue
        theme = _theme(entry, str(path))
        if theme.id in seen:
            raise ThemeLexiconError(f"{path} defines theme {theme.id!r} twice.", "Keep one of them.")
        seen.add(theme.id)
        themes[theme.id] = theme
    return Lexicon(tuple(themes.values()))


def shipped_lexicon_path() -> Path:
    return resources_dir() / LEXICON_FILE


@lru_cache(maxsize=4)
def _parsed_file(path: str, stamp: tuple[int, int]) -> Lexicon:
    # Keyed on modification time and size, so an edited file is read again and an unchanged one
    # is not parsed on every comparison (it costs about as much as the word diffs of a whole text).
    del stamp
    return parse_lexicon(Path(path))


def load_lexicon(data_dir: Path | None = None) -> Lexicon:
    """The shipped lexicon, overlaid with `data_dir/themes.toml` when that file exists."""
    shipped = shipped_lexicon_path()
    try:
        stat = shipped.stat()
    except OSError:
        return parse_lexicon(shipped)  # raises the lexicon's own error with a hint
    lexicon = _parsed_file(str(shipped), (stat.st_mtime_ns, stat.st_size))
    if data_dir is not None and (data_dir / LEXICON_FILE).is_file():
        lexicon = parse_lexicon(data_dir / LEXICON_FILE, base=lexicon)
    return lexicon


def clear_cache() -> None:
    """Forget the word forms remembered between comparisons (benchmarks time a cold run)."""
    _forms.cache_clear()


@dataclass(frozen=True, slots=True)
class ThemeTally:
    """How much of one text carries a theme: units and their words, and how many units are linked.

    `unmatched` counts units without a counterpart: removed ones in the older text, added ones in the
    newer text.
    """

    units: int = 0
    words: int = 0
    linked: int = 0
    unmatched: int = 0


@dataclass(frozen=True, slots=True)
class ThemeSummary:
    """One theme across both texts."""

    theme_id: str
    label: str
    colour: str
    old: ThemeTally
    new: ThemeTally


def _tallies(
    lexicon: Lexicon,
    document: Document,
    unit_themes: dict[str, tuple[str, ...]],
    linked: frozenset[str],
    unmatched: frozenset[str],
) -> dict[str, ThemeTally]:
    # One pass over the units, each adding to the themes it carries.
    counts = {t.id: [0, 0, 0, 0] for t in lexicon.themes}
    for unit in document.units:
        themes = unit_themes.get(unit.id, ())
        if not themes:
            continue
        words = word_count(unit.text)
        for theme_id in themes:
            tally = counts.get(theme_id)
            if tally is not None:
                tally[0] += 1
                tally[1] += words
                tally[2] += unit.id in linked
                tally[3] += unit.id in unmatched
    return {theme_id: ThemeTally(*values) for theme_id, values in counts.items()}


def summarise_themes(
    lexicon: Lexicon,
    *,
    old: Document,
    new: Document,
    old_themes: dict[str, tuple[str, ...]],
    new_themes: dict[str, tuple[str, ...]],
    alignment: Alignment,
) -> tuple[ThemeSummary, ...]:
    """Per theme, what each text gives it and how much of that is linked, added or removed."""
    removed, added = frozenset(alignment.removed), frozenset(alignment.added)
    old_linked = frozenset(i for link in alignment.links for i in link.old)
    new_linked = frozenset(i for link in alignment.links for i in link.new)
    old_tallies = _tallies(lexicon, old, old_themes, old_linked, removed)
    new_tallies = _tallies(lexicon, new, new_themes, new_linked, added)
    return tuple(
        ThemeSummary(t.id, t.label, t.colour, old_tallies[t.id], new_tallies[t.id]) for t in lexicon.themes
    )
