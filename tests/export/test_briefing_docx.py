"""The saved briefing, read back with python-docx: rows, redline runs, comments, positions, fields."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from kyoto_desk.core.compare import Comparison
from kyoto_desk.core.model import Document
from kyoto_desk.core.themes import word_count
from kyoto_desk.export.briefing import export_briefing
from kyoto_desk.export.briefing_options import ALL_SECTIONS, BriefingOptions, Scope, Section
from tests.export.conftest import quote_annotation
from tests.export.docx_reading import (
    comment_anchors,
    is_deleted,
    is_inserted,
    is_shaded,
    reopen,
    table_with_header,
    vertically_merged,
)

OLDER = "Older text"


def _export(
    tmp_path: Path, comparison: Comparison, options: BriefingOptions | None = None, annotations=()
) -> Path:
    target = tmp_path / "briefing.docx"
    export_briefing(comparison, target, options=options, annotations=annotations)
    return target


def _row_texts(path: Path) -> list[tuple[str, str, str]]:
    table = table_with_header(reopen(path), OLDER)
    return [tuple(c.text for c in row.cells) for row in table.rows[1:]]  # type: ignore[misc]


def test_synoptic_rows_follow_the_newer_text_with_split_added_and_dropped(tmp_path, small_comparison) -> None:
    rows = _row_texts(_export(tmp_path, small_comparison))
    changes = [row[2].split("\n")[0].split(" ·")[0] for row in rows]
    # pp1, 1, 2, old 3 dropped after its predecessor, old 4 split into new 3 and 4 (two rows), new 5
    assert changes == ["Continued", "Reworded", "Continued", "Dropped", "Split", "Split", "New"]
    assert rows[0][0].startswith("PP1 Recalling")
    assert rows[3][0].startswith("3. We will review progress in cybercrime")
    assert rows[4][1].startswith("3. We encourage research")
    assert rows[5][1].startswith("4. ")
    assert rows[6][0] == "" and rows[6][1].startswith("5. We will hold an expert meeting")


def test_split_row_spans_the_old_cell_over_both_new_rows(tmp_path, small_comparison) -> None:
    table = table_with_header(reopen(_export(tmp_path, small_comparison)), OLDER)
    first, second = table.rows[5]._tr.tc_lst[0], table.rows[6]._tr.tc_lst[0]
    assert vertically_merged(first) == "restart"
    assert vertically_merged(second) == "continue"
    assert vertically_merged(table.rows[5]._tr.tc_lst[1]) is None  # each new unit has its own cell


def test_redline_runs_are_struck_and_underlined_where_the_diff_says(tmp_path, small_comparison) -> None:
    table = table_with_header(reopen(_export(tmp_path, small_comparison)), OLDER)
    runs = table.rows[2].cells[1].paragraphs[0].runs
    inserted = "".join(r.text for r in runs if is_inserted(r))
    deleted = "".join(r.text for r in runs if is_deleted(r))
    assert inserted == "further strengthening international"
    assert deleted == "strengthening"
    plain = [r for r in runs if not is_inserted(r) and not is_deleted(r)]
    assert (
        "".join(r.text for r in plain) == "1. We commit to  cooperation against corruption in all its forms."
    )
    assert {r.style.name for r in runs if is_inserted(r)} == {"Redline Insertion"}


def test_added_paragraph_is_all_inserted_and_dropped_one_all_struck(tmp_path, small_comparison) -> None:
    table = table_with_header(reopen(_export(tmp_path, small_comparison)), OLDER)
    dropped = [r for r in table.rows[4].cells[1].paragraphs[0].runs if r.text.strip() != "3."]
    added = [r for r in table.rows[7].cells[1].paragraphs[0].runs if r.text.strip() != "5."]
    assert dropped and all(is_deleted(r) for r in dropped)
    assert added and all(is_inserted(r) for r in added)


def test_agreed_language_is_shaded_only_when_asked(tmp_path, small_comparison) -> None:
    shaded = table_with_header(reopen(_export(tmp_path, small_comparison)), OLDER)
    assert any(is_shaded(r) for r in shaded.rows[3].cells[1].paragraphs[0].runs)
    plain = table_with_header(
        reopen(_export(tmp_path, small_comparison, BriefingOptions(shade_agreed=False))), OLDER
    )
    assert not any(
        is_shaded(r) for row in plain.rows for c in row.cells for p in c.paragraphs for r in p.runs
    )


def test_themes_are_listed_per_row(tmp_path, small_comparison) -> None:
    rows = _row_texts(_export(tmp_path, small_comparison))
    assert "Themes: Corruption" in rows[1][2]
    assert "Firearms" in rows[6][2]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (BriefingOptions(scope=Scope.CHANGED), ["Reworded", "Dropped", "Split", "Split", "New"]),
        (BriefingOptions(themes=("firearms",)), ["New"]),
        (BriefingOptions(themes=("Corruption", "cybercrime")), ["Reworded", "Dropped"]),
    ],
)
def test_scope_and_theme_filters_choose_the_rows(tmp_path, small_comparison, options, expected) -> None:
    rows = _row_texts(_export(tmp_path, small_comparison, options))
    assert [row[2].split("\n")[0].split(" ·")[0] for row in rows] == expected


def test_annotated_scope_keeps_only_annotated_rows(tmp_path, small_comparison, small_pair) -> None:
    old, new = small_pair
    notes = [quote_annotation(new, "2", "victims of crime"), quote_annotation(old, "3", "cybercrime")]
    rows = _row_texts(_export(tmp_path, small_comparison, BriefingOptions(scope=Scope.ANNOTATED), notes))
    assert [row[2].split("\n")[0] for row in rows] == ["Continued", "Dropped"]


def test_comments_are_anchored_on_the_quoted_words(tmp_path, small_comparison, small_pair) -> None:
    old, new = small_pair
    notes = [
        quote_annotation(
            new, "1", "further strengthening", note="Too weak.", stance="amend", author="Ana Bell"
        ),
        quote_annotation(new, "5", "firearms trafficking", note="Welcome."),
        quote_annotation(old, "3", "review progress", note="Dropped: why?", stance="question"),
    ]
    document = reopen(_export(tmp_path, small_comparison, annotations=notes))
    comments = {c.comment_id: c for c in document.comments}
    anchors = comment_anchors(document)
    by_text = {anchors[i]: comments[i] for i in anchors}
    # "further strengthening" stands inside an insertion that follows the struck "strengthening":
    # the comment covers exactly the quoted words.
    assert set(by_text) == {"further strengthening", "firearms trafficking", "review progress"}
    assert "Too weak." in by_text["further strengthening"].text
    assert by_text["further strengthening"].author == "Ana Bell"
    assert by_text["further strengthening"].initials == "AB"
    assert "[question] Dropped: why?" in by_text["review progress"].text


def test_comments_can_be_left_out(tmp_path, small_comparison, small_pair) -> None:
    notes = [quote_annotation(small_pair[1], "1", "further strengthening")]
    options = BriefingOptions(sections=ALL_SECTIONS - {Section.COMMENTS})
    document = reopen(_export(tmp_path, small_comparison, options, notes))
    assert len(document.comments) == 0
    assert len(table_with_header(document, "Paragraph").rows) == 2  # the position is still listed


def test_positions_table_lists_each_annotation(tmp_path, small_comparison, small_pair) -> None:
    new = small_pair[1]
    notes = [
        quote_annotation(
            new, "1", "international cooperation", note="Support.", stance="support", author="B"
        ),
        quote_annotation(
            new,
            "5",
            "firearms",
            note="Add ammunition.",
            amendment="firearms and ammunition",
            stance="amend",
            author="C",
        ),
    ]
    table = table_with_header(reopen(_export(tmp_path, small_comparison, annotations=notes)), "Paragraph")
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Paragraph", "Stance", "Note", "Proposed amendment", "Author"]
    body = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert body == [
        ["1 (newer)\n“international cooperation”", "support", "Support.", "", "B"],
        ["5 (newer)\n“firearms”", "amend", "Add ammunition.", "firearms and ammunition", "C"],
    ]


def test_amendment_is_a_redline_of_the_current_text(tmp_path, small_comparison, small_pair) -> None:
    new = small_pair[1]
    notes = [
        quote_annotation(
            new, "5", "firearms trafficking", amendment="trafficking in firearms", stance="amend"
        )
    ]
    document = reopen(_export(tmp_path, small_comparison, annotations=notes))
    heading = next(i for i, p in enumerate(document.paragraphs) if p.text.startswith("Paragraph 5 (newer)"))
    runs = document.paragraphs[heading + 1].runs
    assert [r.text for r in runs if is_deleted(r)] == ["firearms trafficking"]
    assert [r.text.strip() for r in runs if is_inserted(r)] == ["trafficking in firearms"]
    assert document.paragraphs[heading + 1].text.startswith("5. We will hold an expert meeting on firearms")


def test_summary_counts_and_theme_table(tmp_path, small_comparison) -> None:
    document = reopen(_export(tmp_path, small_comparison))
    counts = {r.cells[0].text: r.cells[1].text for r in table_with_header(document, "Paragraphs").rows[1:]}
    assert counts["Continued unchanged"] == "2"
    assert counts["Reworded"] == "1"
    assert counts["Split into several"] == "1"
    assert counts["New"] == "1" and counts["Dropped"] == "1"
    themes = {
        r.cells[0].text: [c.text for c in r.cells[1:]] for r in table_with_header(document, "Theme").rows[1:]
    }
    firearms_words = str(word_count(small_comparison.new.unit("5").text))
    assert themes["Firearms"] == ["0", "1", "0", firearms_words, "0", "1", "0"]
    assert themes["Cybercrime"][:2] == ["1", "0"] and themes["Cybercrime"][-1] == "1"
    assert len(document.inline_shapes) == 1  # the chart


def test_footer_carries_page_number_fields_and_marking(tmp_path, small_comparison) -> None:
    document = reopen(_export(tmp_path, small_comparison, BriefingOptions(confidentiality="Restricted")))
    footer = document.sections[0].footer._element
    instructions = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = [c.get(qn("w:fldCharType")) for c in footer.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    assert "RESTRICTED" in document.sections[0].header.paragraphs[0].text
    assert "RESTRICTED" in document.sections[0].footer.paragraphs[0].text


def test_every_table_repeats_its_header_row(tmp_path, small_comparison, small_pair) -> None:
    notes = [quote_annotation(small_pair[1], "2", "victims")]
    document = reopen(_export(tmp_path, small_comparison, annotations=notes))
    assert len(document.tables) == 4  # counts, themes, synoptic, positions
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(
            row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:]
        )


def test_landscape_puts_the_synoptic_table_in_its_own_section(tmp_path, small_comparison) -> None:
    document = reopen(_export(tmp_path, small_comparison, BriefingOptions(landscape=True)))
    orientations = [s.orientation for s in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    landscape = document.sections[1]
    assert landscape.page_width > landscape.page_height
    assert all(s.footer.is_linked_to_previous for s in document.sections[1:])


def test_named_styles_carry_the_formatting(tmp_path, small_comparison) -> None:
    document = reopen(_export(tmp_path, small_comparison))
    names = {s.name for s in document.styles}
    assert {"Briefing Title", "Briefing Cell", "Redline Insertion", "Redline Deletion"} <= names
    assert document.styles["Redline Deletion"].font.strike is True
    cover = [p for p in document.paragraphs if p.style.name == "Briefing Title"]
    assert [p.text for p in cover] == [BriefingOptions().title]


def test_cover_names_both_documents_and_the_scope(tmp_path, small_comparison) -> None:
    options = BriefingOptions(title="Test brief", author="Delegation of Testland", scope=Scope.CHANGED)
    text = "\n".join(p.text for p in reopen(_export(tmp_path, small_comparison, options)).paragraphs[:12])
    assert "Test brief" in text and "Delegation of Testland" in text
    assert "SYNTHETIC TEST TEXT old · SYN/OLD" in text and "SYN/NEW" in text
    assert "Scope: changed paragraphs only" in text


def test_sections_can_be_left_out(tmp_path, small_comparison) -> None:
    options = BriefingOptions(sections=frozenset({Section.SYNOPTIC}))
    document = reopen(_export(tmp_path, small_comparison, options))
    assert len(document.tables) == 1
    assert not any(p.style.name == "Briefing Title" for p in document.paragraphs)


def test_full_kyoto_briefing_keeps_every_annotation(tmp_path, kyoto_comparison, kyoto_annotations) -> None:
    target = tmp_path / "kyoto.docx"
    result = export_briefing(kyoto_comparison, target, annotations=kyoto_annotations)
    document = reopen(target)
    assert result.comments == len(kyoto_annotations) == len(document.comments)
    anchors = comment_anchors(document)
    assert sorted(anchors.values()) == sorted(a.quote.exact for a in kyoto_annotations)
    counts = kyoto_comparison.counts()
    groups = counts.continued + counts.added + counts.removed
    assert result.rows == groups


def test_options_round_trip_through_a_dict() -> None:
    options = BriefingOptions(
        title="T",
        scope=Scope.ANNOTATED,
        themes=("corruption",),
        landscape=True,
        sections=frozenset({Section.COVER}),
        confidentiality="Secret",
    )
    assert BriefingOptions.from_dict(options.to_dict()) == options
    assert BriefingOptions.from_dict({"scope": "nonsense", "date": "not a date", "sections": ["x"]}) == (
        BriefingOptions(sections=frozenset())
    )


def test_unplaced_annotation_is_listed_not_lost(
    tmp_path, small_comparison, small_pair, kyoto: Document
) -> None:
    stray = quote_annotation(kyoto, "pp2", "Taking stock")
    document = reopen(_export(tmp_path, small_comparison, annotations=[stray]))
    # Its key names neither text and neither has its paragraph: it is listed, not placed as a comment.
    table = table_with_header(document, "Paragraph")
    assert table.rows[1].cells[0].text == "pp2 (in neither text)\n“Taking stock”"
    assert len(document.comments) == 0


def test_control_characters_from_pasted_notes_do_not_break_the_export(
    tmp_path, small_comparison, small_pair
) -> None:
    notes = [quote_annotation(small_pair[1], "2", "victims", note="Pasted\x0bfrom\x00mail", author="X\x1f")]
    options = BriefingOptions(title="Brief\x0c", confidentiality="Restricted\x07")
    document = reopen(_export(tmp_path, small_comparison, options, notes))
    assert [c.text for c in document.comments] == ["[note] Pasted from mail"]
    assert table_with_header(document, "Paragraph").rows[1].cells[2].text == "Pasted from mail"


def test_section_headings_of_the_newer_text_head_their_rows(tmp_path, kyoto_comparison) -> None:
    target = tmp_path / "kyoto.docx"
    export_briefing(kyoto_comparison, target)
    table = table_with_header(reopen(target), OLDER)
    headings = [
        (row.cells[0].paragraphs[0].style.name, row.cells[0].text)
        for row in table.rows[1:]
        if len(row._tr.tc_lst) == 1  # one cell spanning the three columns
    ]
    assert headings[:3] == [
        ("Briefing Table Section", "Advancing crime prevention"),
        ("Briefing Table Subsection", "Addressing the causes, including the root causes, of crime"),
        ("Briefing Table Subsection", "Evidence-based crime prevention"),
    ]
    sections = [text for style, text in headings if style == "Briefing Table Section"]
    assert sections[:3] == [
        "Advancing crime prevention",
        "Advancing the criminal justice system",
        "Promoting the rule of law",
    ]


def test_an_empty_scope_says_so_instead_of_an_empty_table(tmp_path, small_comparison) -> None:
    document = reopen(_export(tmp_path, small_comparison, BriefingOptions(scope=Scope.ANNOTATED)))
    assert not any(t.rows[0].cells[0].text.startswith(OLDER) for t in document.tables)
    assert any(p.text.startswith("No paragraph falls within the scope") for p in document.paragraphs)


def test_orphaned_annotation_is_anchored_on_its_whole_paragraph(
    tmp_path, small_comparison, small_pair
) -> None:
    new = small_pair[1]
    lost = replace(quote_annotation(new, "2", "victims of crime", note="Where did it go?"), orphaned=True)
    document = reopen(_export(tmp_path, small_comparison, annotations=[lost]))
    (anchor,) = comment_anchors(document).values()
    assert anchor == new.unit("2").text
    assert "no longer in this paragraph" in document.comments.get(0).text
