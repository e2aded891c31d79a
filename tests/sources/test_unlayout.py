"""UN layout clean-up, table by table: furniture, headers, footnotes, paragraphs, italics."""

from __future__ import annotations

import pytest

from kyoto_desk.sources.unlayout import (
    body_paragraphs,
    clean_pages,
    document_symbols,
    is_furniture,
    mark_inline_footnotes,
    parse_footnotes,
    place_footnotes,
    relocate_footnotes,
    split_footnotes,
    strip_running_lines,
    tidy_italics,
)

SYMBOLS = frozenset({"A/RES/70/174"})


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("3/12", True),
        ("12/12", True),
        ("Page 3/12", True),
        ("15-22011 (E)", True),
        ("15-22011 (E)    040116    050116", True),
        ("*1522011*", True),
        ("Please recycle", True),
        ("♲ Please recycle", True),
        ("*1522011* Please recycle", True),
        ("A/RES/70/174", True),
        ("- 4 -", True),
        ("70/174. Thirteenth United Nations Congress", False),
        ("Distr.: General 25 January 2016", False),
        ("resolution 70/174 of 17 December 2015", False),
        ("2021 session", False),
        ("1. Welcomes the report;", False),
    ],
)
def test_is_furniture(line: str, furniture: bool) -> None:
    assert is_furniture(line, SYMBOLS) is furniture


def test_document_symbols_reads_header_lines_only() -> None:
    pages = [
        ["A/RES/70/174", "", "General Assembly", "text", "¹ A/CONF.222/17."],
        ["A/RES/70/174   Thirteenth Congress", "more text", "2/3"],
        ["Thirteenth Congress   A/RES/70/174", "end", "3/3"],
    ]
    assert document_symbols(pages) == ("A/RES/70/174",)


def test_strip_running_lines_removes_headers_footers_and_repeats() -> None:
    pages = [
        ["A/RES/70/174", "General Assembly", "First page text", "15-22011 (E)", "*1522011* Please recycle"],
        ["A/RES/70/174   Doha Declaration", "Second page text", "2/3"],
        ["Doha Declaration   A/RES/70/174", "Third page text", "Rule of Law", "3/3"],
    ]
    cleaned = strip_running_lines(pages, SYMBOLS)
    assert cleaned == [
        ["General Assembly", "First page text"],
        ["Second page text"],
        ["Third page text", "Rule of Law"],
    ]


def test_first_page_keeps_the_organ_printed_beside_the_symbol() -> None:
    pages = [["General Assembly   A/RES/70/174", "Distr.: General", "text"], ["A/RES/70/174", "more"]]
    assert strip_running_lines(pages, SYMBOLS) == [["General Assembly", "Distr.: General", "text"], ["more"]]


def test_strip_running_lines_removes_a_short_title_repeated_in_headers() -> None:
    pages = [["Doha Declaration", "one", "two", "three"], ["Doha Declaration", "four", "five", "six"]]
    assert strip_running_lines(pages, frozenset()) == [["one", "two", "three"], ["four", "five", "six"]]


def test_strip_running_lines_keeps_paragraph_numbers_repeated_at_page_edges() -> None:
    pages = [
        ["Header", "a", "b", "c", "12."],
        ["Header", "14.", "d", "e", "f"],
        ["Header", "15.", "g", "h", "12."],
    ]
    assert strip_running_lines(pages, frozenset()) == [
        ["a", "b", "c", "12."],
        ["14.", "d", "e", "f"],
        ["15.", "g", "h", "12."],
    ]


@pytest.mark.parametrize(
    ("page", "body", "notes"),
    [
        (["a", "b", "__________", "¹ note"], ["a", "b"], ["¹ note"]),
        (["a", "————————", "¹ one", "continued", "² two"], ["a"], ["¹ one", "continued", "² two"]),
        (["a", "b"], ["a", "b"], []),
        (["a", "__________", "", "¹ x"], ["a"], ["¹ x"]),
    ],
)
def test_split_footnotes(page: list[str], body: list[str], notes: list[str]) -> None:
    assert split_footnotes(page) == (body, notes)


def test_parse_footnotes_with_plain_numbers_in_sequence() -> None:
    notes: list[tuple[int, str]] = []
    parse_footnotes(["4 General Assembly resolution 70/1, on the", "2030 Agenda.", "5 Ibid."], notes)
    assert notes == [(4, "General Assembly resolution 70/1, on the 2030 Agenda."), (5, "Ibid.")]


def test_parse_footnotes_continues_unnumbered_lines_and_across_pages() -> None:
    notes: list[tuple[int, str]] = []
    parse_footnotes(["¹ General Assembly resolu-", "tion 70/1.", "²Ibid."], notes)
    parse_footnotes(["para. 4."], notes)
    assert notes == [(1, "General Assembly resolution 70/1."), (2, "Ibid. para. 4.")]


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        # a paragraph cut by the page break goes on (no final punctuation)
        ([["1. We express deep", "concern about"], ["crime;"]], ["1. We express deep concern about crime;"]),
        # a comma ends a preambular paragraph unless the next page starts in lower case
        ([["Recalling its resolution,"], ["Noting also,"]], ["Recalling its resolution,", "Noting also,"]),
        (
            [["Recalling its resolution 70/1,"], ["in which it decided,"]],
            ["Recalling its resolution 70/1, in which it decided,"],
        ),
        # a semicolon ends a paragraph
        ([["1. Welcomes;"], ["2. Requests;"]], ["1. Welcomes;", "2. Requests;"]),
        # paragraph numbers printed apart from their text
        ([["12.", "", "Invites Member States;"]], ["12. Invites Member States;"]),
        ([["(a)", "Legislative assistance;"]], ["(a) Legislative assistance;"]),
        ([["12."], ["Invites Member States;"]], ["12. Invites Member States;"]),
        # a numbered paragraph after a finished one starts anew even without a printed gap
        (
            [["1. First paragraph;", "2. Second paragraph:", "(a) Item;"]],
            ["1. First paragraph;", "2. Second paragraph:", "(a) Item;"],
        ),
        ([["as set out in paragraph", "12. of the annex;"]], ["as set out in paragraph 12. of the annex;"]),
        # headings stand alone
        ([["I. Preventing crime", "", "3. Encourages;"]], ["I. Preventing crime", "3. Encourages;"]),
    ],
)
def test_body_paragraphs(pages: list[list[str]], expected: list[str]) -> None:
    assert [" ".join(p.lines) for p in body_paragraphs(pages)] == expected


@pytest.mark.parametrize(
    ("paragraphs", "numbers", "expected"),
    [
        (["the Thirteenth Congress,3 in which"], [3], ["the Thirteenth Congress,³ in which"]),
        (["Criminal Justice1 and"], [1], ["Criminal Justice¹ and"]),
        (["resolution 70/174, annex"], [174], ["resolution 70/174, annex"]),
        (["Agenda item 19 (c)"], [19], ["Agenda item 19 (c)"]),
        (["already marked¹ here", "a later word,1 too"], [1], ["already marked¹ here", "a later word,1 too"]),
        # once only, and not before the previous footnote's paragraph
        (["early word,2 here", "Congress¹ and", "Crime,2 then", "again,2"], [1, 2],
         ["early word,2 here", "Congress¹ and", "Crime,² then", "again,2"]),
    ],
)  # fmt: skip
def test_mark_inline_footnotes(paragraphs: list[str], numbers: list[int], expected: list[str]) -> None:
    assert mark_inline_footnotes(paragraphs, numbers) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("*Recalling *its resolution", "*Recalling* its resolution"),
        ("* Noting* the", "*Noting* the"),
        ("*Expresses its* *satisfaction* with", "*Expresses its satisfaction* with"),
        ("See *Ibid.*, para. 2", "See *Ibid.*, para. 2"),
        ("an unbalanced * mark", "an unbalanced * mark"),
    ],
)
def test_tidy_italics(text: str, expected: str) -> None:
    assert tidy_italics(text) == expected


def test_place_footnotes_after_marker_paragraph_and_keeps_unplaced() -> None:
    text = place_footnotes(["A¹ and B²", "C³"], [(1, "one"), (2, "two"), (3, "three"), (9, "lost")])
    assert text == "A¹ and B²\n\n¹ one\n\n² two\n\nC³\n\n³ three\n\n⁹ lost\n"


def test_place_footnotes_does_not_take_marker_1_for_marker_12_or_21() -> None:
    text = place_footnotes(["A¹²", "B²¹", "C¹", "D²"], [(1, "one"), (2, "two"), (12, "twelve"), (21, "x")])
    assert text == "A¹²\n\n¹² twelve\n\nB²¹\n\n²¹ x\n\nC¹\n\n¹ one\n\nD²\n\n² two\n"


def test_relocate_footnotes_moves_end_notes_and_spells_ligatures() -> None:
    text = relocate_footnotes(["1. Reaﬃrms the ﬁrst report;¹", "2. Requests;", "¹ A/70/1."])
    assert text == "1. Reaffirms the first report;¹\n\n¹ A/70/1.\n\n2. Requests;\n"


def test_clean_pages_end_to_end() -> None:
    pages = [
        [
            "A/RES/70/174",
            "",
            "General Assembly",
            "",
            "*Recalling* the Secre-",
            "tary-General's report on money-",
            "laundering,¹",
            "",
            "1. *Welcomes* the report on money-laundering and the work of",
            "__________",
            "¹ A/70/90.",
            "15-22011 (E)",
            "*1522011*",
            "Please recycle",
        ],
        [
            "A/RES/70/174   Doha",
            "the Secretariat;",
            "",
            "2. Requests the Secretary-General to re-",
            "port;",
            "2/2",
        ],
    ]
    assert clean_pages(pages) == (
        "General Assembly\n\n"
        "*Recalling* the Secretary-General's report on money-laundering,¹\n\n"
        "¹ A/70/90.\n\n"
        "1. *Welcomes* the report on money-laundering and the work of the Secretariat;\n\n"
        "2. Requests the Secretary-General to report;\n"
    )
