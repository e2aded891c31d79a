"""Regenerate the sample briefing and its page images: `python docs/briefing/make_sample.py`.

The Kyoto Declaration against a SYNTHETIC revision of it (kyoto_desk.export.sample), with generated
annotations; converted to PDF by LibreOffice and to PNG pages by poppler's pdftoppm (-r 60).
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from kyoto_desk.core.compare import compare_documents
from kyoto_desk.export.briefing import export_briefing
from kyoto_desk.export.briefing_options import BriefingOptions
from kyoto_desk.export.sample import sample_annotations, synthetic_revision
from kyoto_desk.sources.bundled import load_bundled

HERE = Path(__file__).resolve().parent
log = logging.getLogger("make_sample")


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=300)


def _pages(pdf: Path, stem: str, pages: list[int]) -> None:
    for page in pages:
        _run(
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(HERE / f"{stem}-page-{page:02d}"),
        )


def _pdf(docx_path: Path, work: Path) -> Path:
    profile = (work / "lo-profile").as_uri()
    _run(
        "soffice",
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work),
        str(docx_path),
    )
    return work / (docx_path.stem + ".pdf")


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    if shutil.which("soffice") is None or shutil.which("pdftoppm") is None:
        log.error("needs LibreOffice (soffice) and poppler-utils (pdftoppm)")
        return 1
    old = load_bundled("kyoto").declaration()
    new = synthetic_revision(old)
    comparison = compare_documents(old, new)
    annotations = sample_annotations(new, 40)
    base = BriefingOptions(
        title="Sample briefing: Kyoto Declaration and a SYNTHETIC revision",
        author="Delegation of Testland (fictional)",
        date=dt.date(2026, 1, 15),
        confidentiality="Restricted",
    )
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        portrait = HERE / "sample-briefing.docx"
        export_briefing(comparison, portrait, options=base, annotations=annotations)
        pdf = _pdf(portrait, work)
        shutil.copy(pdf, HERE / "sample-briefing.pdf")
        _pages(pdf, "portrait", [1, 2, 3, 6, 7, 22, 24])
        landscape = work / "landscape.docx"
        export_briefing(comparison, landscape, options=replace(base, landscape=True), annotations=annotations)
        _pages(_pdf(landscape, work), "landscape", [5])
    log.info("wrote the sample briefing and page images to %s", HERE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
