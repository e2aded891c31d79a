"""Build the Kyoto Desk bundle for this platform: `python packaging/build.py [--dist DIR] [--archive]`.

Runs PyInstaller on packaging/kyoto_desk.spec, then on Linux adds the desktop entry, AppStream
metainfo and icons under share/ so the folder can be installed as is, and checks that no kept
library needs one the bundle lacks. Logs the time and the size.
"""

from __future__ import annotations

import argparse
import logging
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from bundle_size import folder_size, human_size  # noqa: E402
from elf_deps import check_bundle  # noqa: E402
from linux_files import install_linux_files  # noqa: E402

log = logging.getLogger("build")


def run_pyinstaller(dist: Path, work: Path) -> None:
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(HERE / "kyoto_desk.spec"),
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT)


def make_archive(dist: Path, bundle: Path) -> Path:
    """The file a delegate downloads: tar.gz on Linux (keeps symlinks), zip elsewhere."""
    from kyoto_desk import __version__

    machine = platform.machine().lower() or "unknown"
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, "linux")
    base = dist / f"kyoto-desk-{__version__}-{system}-{machine}"
    if system == "macos":
        # ditto keeps the .app's symlinks and extended attributes (a plain zip breaks the signature).
        app = dist / "Kyoto Desk.app"
        target = base.with_suffix(".zip")
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(app), str(target)], check=True)
        return target
    kind = "zip" if system == "windows" else "gztar"
    return Path(shutil.make_archive(str(base), kind, root_dir=dist, base_dir=bundle.name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="scratch folder")
    parser.add_argument("--archive", action="store_true", help="also pack the bundle for download")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    started = time.monotonic()
    run_pyinstaller(args.dist.resolve(), args.work.resolve())
    bundle = args.dist.resolve() / "kyoto-desk"
    if sys.platform.startswith("linux"):
        install_linux_files(bundle, ROOT)
        missing = check_bundle(bundle)
        for name, users in missing.items():
            log.error("%s is needed by %s but is not in the bundle", name, ", ".join(users[:3]))
        if missing:
            return 1
    elapsed = time.monotonic() - started
    size = folder_size(bundle)
    log.info("built %s in %.0f s; size %s (%d bytes)", bundle, elapsed, human_size(size), size)
    if args.archive:
        archive = make_archive(args.dist.resolve(), bundle)
        log.info("archive %s: %s", archive.name, human_size(archive.stat().st_size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
