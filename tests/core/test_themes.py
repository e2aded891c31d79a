"""The theme lexicon: shipped file, user overrides, matching rules, per-theme summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyoto_desk.core.build import UnitSpec, build_document
from kyoto_desk.core.links import Alignment, Link, LinkKind
from kyoto_desk.core.themes import (
    Lexicon,
    Theme,
    ThemeLexiconError,
    ThemeTally,
    load_lexicon,
    parse_lexicon,
    summarise_themes,
    term_words,
)
from kyoto_desk.errors import KyotoDeskError

REQUIRED = (
    "corruption",
    "cybercrime",
    "terrorism",
    "trafficking-in-persons",
    "smuggling-of-migrants",
    "firearms",
    "drugs",
    "environmental-crime",
    "cultural-property",
    "money-laundering",
    "victims-and-witnesses",
    "gender",
    "children-and-youth",
    "prisons-and-rehabilitation",
    "legal-aid-and-access-to-justice",
    "rule-of-law",
    "international-cooperation",
    "technical-assistance",
    "data-and-evidence",
    "technology",
    "covid-19",
    "sustainable-development",
)


def test_shipped_lexicon_has_the_themes_the_issue_names() -> None:
    lexicon = load_lexicon()
    ids = [t.id for t in lexicon.themes]
    assert set(REQUIRED) <= set(ids)
    assert len(ids) == len(set(ids)) >= 20
    assert all(t.colour.startswith("#") and t.label and (t.terms or t.patterns) for t in lexicon.themes)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("We will combat cyber-crime together", "cybercrime"),
        ("We will combat cyber crime together", "cybercrime"),
        ("We will combat cybercrimes together", "cybercrime"),
        ("the fight against money laundering", "money-laundering"),
        ("the fight against Money-Laundering", "money-laundering"),
        ("the laundering of proceeds", "money-laundering"),
        ("independent courts and judges", "rule-of-law"),
        ("build national capacities", "technical-assistance"),
        ("the COVID-19 pandemic", "covid-19"),
        ("the 2030 Agenda for Sustainable Development", "sustainable-development"),
        ("victims of trafficking in persons", "trafficking-in-persons"),
        ("ANTI-CORRUPTION BODIES", "corruption"),
        ("mutual legal assistance and extradition", "international-cooperation"),
    ],
)
def test_terms_match_plurals_hyphens_and_case(text: str, theme: str) -> None:
    assert theme in load_lexicon().themes_of(text)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("druggist", "drugs"),  # word boundaries: no match inside a longer word
        ("the gendered lens", "gender"),
        ("a new courtyard", "rule-of-law"),
        ("the pandemonium", "covid-19"),
    ],
)
def test_terms_do_not_match_inside_words(text: str, theme: str) -> None:
    assert theme not in load_lexicon().themes_of(text)


def test_theme_spans_point_at_the_mention() -> None:
    theme = load_lexicon().theme("corruption")
    text = "Preventing corruption and bribery."
    assert [text[s:e] for s, e in theme.spans(text)] == ["corruption", "bribery"]


@pytest.mark.parametrize(
    ("term", "plural"), [("capacity", "capacities"), ("witness", "witnesses"), ("court", "courts")]
)
def test_terms_accept_plurals(term: str, plural: str) -> None:
    theme = Theme("t", "T", "#000000", (term,), (), None, term_words(term))
    assert Lexicon((theme,)).themes_of(f"The {plural.upper()} here") == ("t",)
    assert theme.spans(f"Two {plural}.") == ((4, 4 + len(plural)),)


USER_FILE = """
[[theme]]
id = "corruption"
label = "Integrity"
colour = "#000000"
terms = ["integrity"]

[[theme]]
id = "ocean"
label = "Ocean"
colour = "#0000ff"
terms = ["sea", "maritime piracy"]
patterns = ['\\bharbou?rs?\\b']

[[theme]]
id = "drugs"
enabled = false
"""


def test_user_file_overrides_adds_and_drops(tmp_path: Path) -> None:
    (tmp_path / "themes.toml").write_text(USER_FILE, encoding="utf-8")
    lexicon = load_lexicon(tmp_path)
    ids = [t.id for t in lexicon.themes]
    assert lexicon.theme("corruption").label == "Integrity"
    assert ids[-1] == "ocean" and "drugs" not in ids
    assert lexicon.themes_of("Maritime piracy at sea and in harbours") == ("ocean",)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[[theme]\nid = 1", "not valid TOML"),
        ('[[theme]]\nid = "Bad Id"\nlabel = "x"\ncolour = "#000000"\nterms = ["x"]', "`id`"),
        ('[[theme]]\nid = "x"\nlabel = "x"\ncolour = "red"\nterms = ["x"]', "`colour`"),
        ('[[theme]]\nid = "x"\nlabel = "x"\ncolour = "#000000"\nterms = "x"', "`terms`"),
        ('[[theme]]\nid = "x"\nlabel = "x"\ncolour = "#000000"\npatterns = ["(unclosed"]', "bad pattern"),
        ('[[theme]]\nid = "x"\nlabel = "x"\ncolour = "#000000"', "no terms"),
        ('theme = "x"', "[[theme]] tables"),
        ('[[theme]]\nid = "x"\nlabel = "x"\ncolour = "#000000"\nterms = ["--"]', "no words"),
    ],
)
def test_bad_lexicon_files_give_clear_errors(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "themes.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ThemeLexiconError) as caught:
        parse_lexicon(path)
    assert isinstance(caught.value, KyotoDeskError)
    assert words in caught.value.message and caught.value.hint


def test_summary_counts_units_words_linked_added_removed() -> None:
    old = build_document(
        [
            UnitSpec("1", "Combat corruption and bribery."),
            UnitSpec("2", "Prevent corruption in the police."),
            UnitSpec("3", "Protect children."),
        ]
    )
    new = build_document([UnitSpec("1", "Combat corruption."), UnitSpec("2", "Counter terrorism.")])
    alignment = Alignment(
        links=(Link(("1",), ("1",), LinkKind.MODIFIED, 0.8, "test"),), added=("2",), removed=("2", "3")
    )
    lexicon = load_lexicon()
    summary = {
        s.theme_id: s
        for s in summarise_themes(
            lexicon,
            old=old,
            new=new,
            old_themes=lexicon.unit_themes(old.units),
            new_themes=lexicon.unit_themes(new.units),
            alignment=alignment,
        )
    }
    assert summary["corruption"].old == ThemeTally(units=2, words=9, linked=1, unmatched=1)
    assert summary["corruption"].new == ThemeTally(units=1, words=2, linked=1, unmatched=0)
    assert summary["terrorism"].new == ThemeTally(units=1, words=2, linked=0, unmatched=1)
    assert summary["children-and-youth"].old.unmatched == 1
