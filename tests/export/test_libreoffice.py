"""The full Kyoto-versus-revision briefing converts to PDF with LibreOffice (skipped only without it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kyoto_desk.core.annotation import Annotation
from kyoto_desk.core.compare import Comparison
from kyoto_desk.export.briefing import export_briefing
from kyoto_desk.export.briefing_options import BriefingOptions

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    """Convert with a private LibreOffice profile, so that a running LibreOffice does not interfere."""
    assert SOFFICE is not None
    profile = (out_dir / "lo-profile").as_uri()
    completed = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return out_dir / (docx_path.stem + ".pdf")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_full_briefing_converts_to_pdf(
    tmp_path: Path, kyoto_comparison: Comparison, kyoto_annotations: list[Annotation]
) -> None:
    target = tmp_path / "kyoto-vs-synthetic.docx"
    options = BriefingOptions(title="SYNTHETIC TEST briefing", confidentiality="Restricted", landscape=True)
    export_briefing(kyoto_comparison, target, options=options, annotations=kyoto_annotations)
    pdf = convert_to_pdf(target, tmp_path)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None:
        text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Synoptic table" in text
        assert "Positions" in text
        assert "Page 1 of" in text  # the fields were computed by LibreOffice
        assert "RESTRICTED" in text
