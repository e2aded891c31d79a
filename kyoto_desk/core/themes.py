"""The theme lexicon: which themes (corruption, cybercrime, ...) each unit speaks of.

The lexicon ships as `resources/themes.toml`; a `themes.toml` in the user's data directory replaces
shipped themes by id, adds new ones, or drops one with `enabled = false`. Matching is deterministic:
whole words, case ignored, plurals and hyphen/space variants of each term accepted.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kyoto_desk.core.links import Alignment
from kyoto_desk.core.model import Document, Unit
from kyoto_desk.errors import KyotoDeskError
from kyoto_desk.paths import resources_dir

LEXICON_FILE = "themes.toml"
_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COLOUR_RE = re.compile(r"#[0-9a-fA-F]{6}")
_WORD_RE = re.compile(r"\w+")
# Between the words of a term: a space run, a hyphen (or its typographic twins) or nothing at all.
_JOINER = r"(?:\s+|\s*[-‐‑–]\s*)?"


class ThemeLexiconError(KyotoDeskError):
    """A theme lexicon file cannot be read: bad TOML, a missing field, or a bad pattern."""


@dataclass(frozen=True, slots=True)
class Theme:
    """One theme: id, label and colour for display, and what it matches."""

    id: str
    label: str
    colour: str
    terms: tuple[str, ...]
    patterns: tuple[str, ...]
    regex: re.Pattern[str]

    def spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """Where the theme is mentioned in `text` (non-overlapping, in order)."""
        return tuple(m.span() for m in self.regex.finditer(text))

    def mentioned_in(self, text: str) -> bool:
        return self.regex.search(text) is not None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The themes in display order."""

    themes: tuple[Theme, ...]

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def themes_of(self, text: str) -> tuple[str, ...]:
        """Ids of the themes `text` mentions, in lexicon order."""
        return tuple(t.id for t in self.themes if t.mentioned_in(text))

    def unit_themes(self, units: Iterable[Unit]) -> dict[str, tuple[str, ...]]:
        """Theme ids per unit id."""
        return {u.id: self.themes_of(u.text) for u in units}


def _word_pattern(word: str, last: bool) -> str:
    escaped = re.escape(word)
    if not last or not word[-1:].isalpha():
        return escaped
    lower = word.lower()
    # Terms are written in the singular; accept the regular plural forms.
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies)"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return escaped + "(?:es)?"
    return escaped + "s?"


def term_pattern(term: str) -> str:
    """The regular expression matching `term` with its plural and hyphen/space variants."""
    words = [w for w in re.split(r"[\s\-‐‑–]+", term.strip()) if w]
    if not words:
        raise ValueError("empty term")
    body = _JOINER.join(_word_pattern(w, i == len(words) - 1) for i, w in enumerate(words))
    return rf"(?<!\w){body}(?!\w)"


def _compile(
    theme_id: str, terms: tuple[str, ...], patterns: tuple[str, ...], origin: str
) -> re.Pattern[str]:
    # Longest terms first, so that "rule of law" wins over a shorter term starting the same way.
    parts = [term_pattern(t) for t in sorted(terms, key=len, reverse=True)]
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ThemeLexiconError(
                f"Theme {theme_id!r} in {origin} has a bad pattern {pattern!r}: {exc}.",
                "Fix the regular expression or remove it.",
            ) from None
        parts.append(f"(?:{pattern})")
    return re.compile("|".join(parts), re.IGNORECASE)


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
    return Theme(theme_id, label, colour, terms, patterns, _compile(theme_id, terms, patterns, origin))


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


def load_lexicon(data_dir: Path | None = None) -> Lexicon:
    """The shipped lexicon, overlaid with `data_dir/themes.toml` when that file exists."""
    lexicon = parse_lexicon(shipped_lexicon_path())
    if data_dir is not None and (data_dir / LEXICON_FILE).is_file():
        lexicon = parse_lexicon(data_dir / LEXICON_FILE, base=lexicon)
    return lexicon


def word_count(text: str) -> int:
    return len(_WORD_RE.findall(text))


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


def _tally(
    document: Document,
    unit_themes: dict[str, tuple[str, ...]],
    theme_id: str,
    linked: frozenset[str],
    unmatched: frozenset[str],
) -> ThemeTally:
    carrying = [u for u in document.units if theme_id in unit_themes.get(u.id, ())]
    return ThemeTally(
        units=len(carrying),
        words=sum(word_count(u.text) for u in carrying),
        linked=sum(1 for u in carrying if u.id in linked),
        unmatched=sum(1 for u in carrying if u.id in unmatched),
    )


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
    return tuple(
        ThemeSummary(
            t.id,
            t.label,
            t.colour,
            _tally(old, old_themes, t.id, old_linked, removed),
            _tally(new, new_themes, t.id, new_linked, added),
        )
        for t in lexicon.themes
    )
