"""The comparison's outputs: JSON contract, text report and standalone HTML redline."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from kyoto_desk.core.build import UnitSpec, build_document
from kyoto_desk.core.compare import Comparison, compare_documents
from kyoto_desk.core.model import DocumentInfo
from kyoto_desk.core.report import comparison_dict, redline
from kyoto_desk.core.report_html import render_html
from kyoto_desk.core.report_text import render_text
from kyoto_desk.core.themes import load_lexicon

OLD = (
    "We undertake to promote the rule of law at the national and international levels.",
    "We will combat corruption, in particular bribery.",
    "We will protect the victims of crime.",
    "This paragraph about <script>alert('x')</script> & co is dropped.",
)
NEW = (
    "We commit to promote the rule of law at the national and international levels.",
    "We will combat corruption; in particular bribery.",
    "We will protect the victims of crime.",
    "A new paragraph on cybercrime & <i>data</i> appears here.",
)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    def doc(texts: tuple[str, ...], title: str) -> build_document:  # type: ignore[valid-type]
        return build_document(
            [UnitSpec(str(i + 1), t) for i, t in enumerate(texts)], DocumentInfo(title=title)
        )

    old = doc(OLD, "SYNTHETIC TEST TEXT <old> & co")
    new = doc(NEW, "SYNTHETIC TEST TEXT (revised)")
    return compare_documents(old, new, lexicon=load_lexicon())


def test_json_contract(comparison: Comparison) -> None:
    data = json.loads(json.dumps(comparison_dict(comparison)))
    assert {"old", "new", "links", "added", "removed", "agreed", "themes", "counts"} <= set(data)
    assert data["old"]["title"] == "SYNTHETIC TEST TEXT <old> & co"
    assert [u["id"] for u in data["new"]["units"]] == ["1", "2", "3", "4"]
    assert data["added"] == ["4"] and data["removed"] == ["4"]
    for link in data["links"]:
        assert {"old", "new", "kind", "similarity", "reason", "diff"} <= set(link)
        assert link["kind"] in {"identical", "modified", "moved", "split", "merged"}
        assert 0.0 <= link["similarity"] <= 1.0
    assert {"old", "new", "text"} <= set(data["agreed"][0])
    assert set(data["themes"]) == {t.id for t in comparison.lexicon.themes}
    assert data["themes"]["corruption"]["old"] == {"units": 1, "words": 7, "linked": 1, "removed": 0}
    assert data["themes"]["cybercrime"]["new"]["added"] == 1


def test_json_diff_rebuilds_each_new_unit(comparison: Comparison) -> None:
    data = comparison_dict(comparison)
    texts = {u["id"]: u["text"] for u in data["new"]["units"]}
    for link in data["links"]:
        for unit_id in link["new"]:
            pieces = [s for s in link["diff"] if s["new"] and s["new"]["unit"] == unit_id]
            assert "".join(s["text"] for s in pieces) == texts[unit_id]
            assert all(texts[unit_id][s["new"]["start"] : s["new"]["end"]] == s["text"] for s in pieces)


def test_minor_changes_are_flagged_in_json(comparison: Comparison) -> None:
    link = next(lk for lk in comparison_dict(comparison)["links"] if lk["old"] == ["2"])
    changes = [s for s in link["diff"] if s["op"] != "equal"]
    assert changes and all(s["minor"] and s["nature"] == "punctuation" for s in changes)


def test_text_report(comparison: Comparison) -> None:
    text = render_text(comparison)
    assert "[-undertake-]{+commit+}" in text
    assert "[added] 4" in text and "[removed] 4" in text
    assert "REMOVED FROM THE OLDER TEXT" in text and "THEMES" in text
    assert "[-,-]{+;+}" in text
    assert "[-,-]" not in render_text(comparison, show_minor=False)


def test_redline_merges_hidden_minor_changes(comparison: Comparison) -> None:
    index = comparison.link_index_for_old("2")
    assert index is not None
    pieces = redline(comparison.diffs[index], show_minor=False)
    assert pieces == [("equal", "We will combat corruption; in particular bribery.")]


class _Checker(HTMLParser):
    """Collects tags and checks that every opened element is closed in order."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()


def test_html_is_standalone_escaped_and_balanced(comparison: Comparison) -> None:
    page = render_html(comparison)
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.stack == []
    assert "script" not in checker.tags and "i" not in checker.tags  # document text stays text
    assert "&lt;script&gt;" in page and "&lt;i&gt;data&lt;/i&gt;" in page
    assert not any(name in {"src", "href"} for name, _ in checker.attributes)
    assert "<del>undertake</del><ins>commit</ins>" in page
    assert "<style>" in page and page.startswith("<!DOCTYPE html>")
