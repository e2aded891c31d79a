"""A file named like a PDF or Word document whose bytes are something else gets a message that says so."""

from __future__ import annotations

import os

import pytest

from kyoto_desk.errors import ImportFailedError
from kyoto_desk.sources.importer import read_bytes


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("declaration.docx", os.urandom(3000), "a Word document"),
        ("declaration.PDF", b"<html><body>Not found</body></html>", "a PDF"),
        ("declaration.pdf", b"1. We undertake to act;\n", "a PDF"),
    ],
)
def test_contents_that_do_not_match_the_name_are_named_as_damaged(name: str, data: bytes, said: str) -> None:
    with pytest.raises(ImportFailedError) as info:
        read_bytes(data, name=name)
    assert f"named like {said}" in str(info.value)
    assert "Download the file again" in info.value.hint


def test_a_text_file_is_still_read_as_text() -> None:
    assert read_bytes(b"1. We undertake to act;\n", name="draft.txt").format == "text"
