"""Smoke-test a built bundle: `python packaging/smoke_test.py [dist/kyoto-desk]`.

Runs the built executable as a user would, with no Python of the build around it:
the window starts offscreen and quits cleanly; `--version`, `parse kyoto`, `compare` (Kyoto against
a generated SYNTHETIC revision) and, when bundled, `briefing` work; user data lands in the platform's
data directory and nothing is written into the bundle. Logs each check and the bundle's size;
exits 1 if any check failed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bundle_size import folder_size, human_size, largest_files  # noqa: E402
from synthetic_revision import write_synthetic_revision  # noqa: E402

log = logging.getLogger("smoke")
TIMEOUT = 180  # seconds for one command; the first start of a cold bundle on CI can be slow
KYOTO_UNITS = 101  # pp1-pp4 and paragraphs 1-97 of the annexed declaration


class SmokeCheckError(Exception):
    """A check of the built bundle failed."""


@dataclass
class Bundle:
    folder: Path
    scratch: Path

    @property
    def gui(self) -> Path:
        return self.folder / ("kyoto-desk.exe" if os.name == "nt" else "kyoto-desk")

    @property
    def cli(self) -> Path:
        # On Windows the window exe has no console; the headless commands use the console twin.
        return self.folder / ("kyoto-desk-cli.exe" if os.name == "nt" else "kyoto-desk")

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KYOTO_DESK"))}
        # Data and Qt settings go to the scratch folder, so the run neither reads nor touches the
        # CI user's own (a remembered document pair would change what the window opens).
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["KYOTO_DESK_DATA"] = str(self.scratch / "data")
        env["XDG_CONFIG_HOME"] = str(self.scratch / "config")
        env.update(extra)
        return env

    def run(self, *args: str, exe: Path | None = None, env: dict[str, str] | None = None) -> str:
        command = [str(exe or self.cli), *args]
        result = subprocess.run(
            command,
            check=False,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT,
            env=env or self.env(),
        )
        if result.returncode != 0 or "Traceback" in result.stderr:
            raise SmokeCheckError(
                f"{' '.join(args) or 'window'} exited {result.returncode}: {result.stderr[-2000:]}"
            )
        return result.stdout


def check_version(bundle: Bundle) -> str:
    from kyoto_desk import __version__

    out = bundle.run("--version").strip()
    if out != f"kyoto-desk {__version__}":
        raise SmokeCheckError(f"--version said {out!r}, the source says {__version__}")
    return out


def check_parse_kyoto(bundle: Bundle) -> str:
    parsed = json.loads(bundle.run("parse", "kyoto", "--part", "declaration", "--format", "json"))
    units = parsed["units"]
    if len(units) != KYOTO_UNITS or units[-1]["label"] != "97.":
        raise SmokeCheckError(f"parse kyoto found {len(units)} units ending with {units[-1]['label']!r}")
    return f"{len(units)} units, pp1 to 97."


def check_compare(bundle: Bundle) -> str:
    revision = write_synthetic_revision(bundle.scratch / "synthetic-revision-of-kyoto.txt")
    out = bundle.run("compare", "kyoto", str(revision))
    if not out.strip():
        raise SmokeCheckError("compare printed nothing")
    return f"kyoto vs {revision.name}: {len(out.splitlines())} lines of output"


def check_briefing(bundle: Bundle) -> str:
    if "briefing" not in bundle.run("--help"):
        return "not in this build (skipped)"
    revision = write_synthetic_revision(bundle.scratch / "synthetic-revision-of-kyoto.txt")
    target = bundle.scratch / "briefing.docx"
    bundle.run("briefing", "kyoto", str(revision), "-o", str(target))
    if not target.is_file() or target.read_bytes()[:2] != b"PK":
        raise SmokeCheckError("briefing wrote no .docx")
    return f"{target.name}: {target.stat().st_size} bytes"


def check_window(bundle: Bundle) -> str:
    bundle.run(exe=bundle.gui, env=bundle.env(KYOTO_DESK_SMOKE_SECONDS="4"))
    log_text = (bundle.scratch / "data" / "kyoto-desk.log").read_text(encoding="utf-8", errors="replace")
    if "Traceback" in log_text or " ERROR " in log_text or " CRITICAL " in log_text:
        raise SmokeCheckError(f"the window logged an error:\n{log_text[-2000:]}")
    return f"started offscreen, {_opened_kyoto(bundle)}, quit with exit code 0"


def _opened_kyoto(bundle: Bundle) -> str:
    """The window remembers what it opened in its Qt settings (an INI file on Linux)."""
    if not sys.platform.startswith("linux"):
        return "opened documents not checked on this platform"
    settings = list((bundle.scratch / "config").rglob("*.conf"))
    if not any("old=kyoto" in p.read_text(encoding="utf-8", errors="replace") for p in settings):
        raise SmokeCheckError("the window did not open the Kyoto text (no old=kyoto in its settings)")
    return "opened the Kyoto text"


def _wait_for(path: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not path.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            raise SmokeCheckError(f"the first window never created {path.name}")
        time.sleep(0.2)


def check_second_start(bundle: Bundle) -> str:
    """A second window on the same data directory while the first runs: nothing breaks or corrupts."""
    data = bundle.scratch / "shared-data"
    database = data / "kyoto-desk.sqlite3"
    first = subprocess.Popen(
        [str(bundle.gui)],
        env=bundle.env(KYOTO_DESK_DATA=str(data), KYOTO_DESK_SMOKE_SECONDS="15"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(database, first)
        second = subprocess.run(
            [str(bundle.gui)],
            env=bundle.env(KYOTO_DESK_DATA=str(data), KYOTO_DESK_SMOKE_SECONDS="3"),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    finally:
        _, first_err = first.communicate(timeout=TIMEOUT)
    if first.returncode != 0 or "Traceback" in first_err + second.stderr:
        raise SmokeCheckError(
            f"first window exited {first.returncode}: {(first_err + second.stderr)[-2000:]}"
        )
    with closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)) as connection:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
    if verdict != "ok":
        raise SmokeCheckError(f"the database is damaged after two windows: {verdict}")
    told = " (told that the data directory is in use)" if second.returncode == 2 else ""
    return f"second window exited {second.returncode}{told}; database integrity ok"


def _platform_data_dir(scratch: Path) -> Path:
    """Where platformdirs puts the data for the environment `check_platform_data_dir` sets up."""
    if sys.platform == "win32":  # the known folder comes from the Windows API, not the environment
        import platformdirs

        return Path(platformdirs.user_data_dir("Kyoto Desk", appauthor=False))
    if sys.platform == "darwin":
        return scratch / "home" / "Library" / "Application Support" / "Kyoto Desk"
    return scratch / "xdg" / "Kyoto Desk"


def check_platform_data_dir(bundle: Bundle) -> str:
    """Without --data-dir or $KYOTO_DESK_DATA the data goes to the platform's folder, not the bundle."""
    env = bundle.env(XDG_DATA_HOME=str(bundle.scratch / "xdg"), HOME=str(bundle.scratch / "home"))
    env.pop("KYOTO_DESK_DATA")
    started = time.time()
    bundle.run("parse", "kyoto", "--format", "text", env=env)
    log_path = _platform_data_dir(bundle.scratch) / "kyoto-desk.log"
    if not log_path.is_file() or log_path.stat().st_mtime < started - 1:
        raise SmokeCheckError(f"no fresh log file at {log_path}")
    return f"log at {log_path}"


def check_no_test_suite(bundle: Bundle) -> str:
    """Neither the project's tests nor the test tools are in the bundle, as modules or as files."""
    from PyInstaller.archive.readers import CArchiveReader  # type: ignore[import-untyped]

    forbidden = {"tests", "pytest", "_pytest", "pytestqt", "hypothesis", "reportlab", "mypy", "ruff"}
    modules = set(CArchiveReader(str(bundle.gui)).open_embedded_archive("PYZ.pyz").toc)
    found = sorted({name for name in modules if name.split(".")[0] in forbidden})
    found += sorted(
        str(p.relative_to(bundle.folder)) for p in bundle.folder.rglob("*") if p.name in forbidden
    )
    if found:
        raise SmokeCheckError(f"test code in the bundle: {found[:10]}")
    return f"{len(modules)} bundled modules, none of them tests or test tools"


def snapshot(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def run_checks(bundle: Bundle) -> int:
    checks: list[tuple[str, Callable[[Bundle], str]]] = [
        ("version", check_version),
        ("no test suite", check_no_test_suite),
        ("parse kyoto", check_parse_kyoto),
        ("compare", check_compare),
        ("briefing", check_briefing),
        ("window", check_window),
        ("second start", check_second_start),
        ("platform data dir", check_platform_data_dir),
    ]
    before = snapshot(bundle.folder)
    failed = 0
    for name, check in checks:
        try:
            log.info("ok   %-18s %s", name, check(bundle))
        except (
            SmokeCheckError,
            subprocess.TimeoutExpired,
            OSError,
            ValueError,
            KeyError,
            sqlite3.Error,
        ) as exc:
            failed += 1
            log.error("FAIL %-18s %s", name, exc)
    added = sorted(snapshot(bundle.folder) - before)
    if added:
        failed += 1
        log.error("FAIL %-18s the bundle folder gained files: %s", "read-only bundle", added[:10])
    else:
        log.info("ok   %-18s nothing written next to the executable", "read-only bundle")
    return failed


def report_size(folder: Path) -> None:
    size = folder_size(folder)
    log.info("bundle size: %s (%d bytes) in %s", human_size(size), size, folder)
    for count, name in largest_files(folder, 8):
        log.info("  %8.1f MB  %s", count / 1_000_000, name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "kyoto-desk")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    folder = args.bundle.resolve()
    with tempfile.TemporaryDirectory(prefix="kyoto-desk-smoke-") as scratch:
        failed = run_checks(Bundle(folder, Path(scratch)))
    report_size(folder)
    if failed:
        log.error("smoke test of %s: %d check(s) failed", folder, failed)
        return 1
    log.info("smoke test of %s: every check passed", folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
