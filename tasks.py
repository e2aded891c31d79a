"""One-command set-up for Kyoto Desk: `python tasks.py run` or `python tasks.py test`.

Creates `.venv` beside this file (once), installs the project and its dependencies into it, then
launches the app or runs the whole test suite. Needs only Python 3.11+ on Windows, macOS or Linux.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MIN_PYTHON = (3, 11)


def _venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _ensure_env(extra: str) -> Path:
    python = _venv_python()
    if not python.exists():
        sys.stderr.write(f"Creating {VENV} ...\n")
        venv.EnvBuilder(with_pip=True).create(VENV)
    spec = f".[{extra}]" if extra else "."
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True, cwd=ROOT)
    subprocess.run([python, "-m", "pip", "install", "--quiet", "-e", spec], check=True, cwd=ROOT)
    return python


def main(argv: list[str]) -> int:
    if sys.version_info < MIN_PYTHON:
        sys.stderr.write("Kyoto Desk needs Python 3.11 or newer.\n")
        return 2
    command, rest = (argv[0], argv[1:]) if argv else ("run", [])
    if command == "run":
        python = _ensure_env("")
        return subprocess.call([python, "-m", "kyoto_desk", *rest], cwd=ROOT)
    if command == "test":
        python = _ensure_env("test")
        return subprocess.call([python, "-m", "pytest", *rest], cwd=ROOT)
    if command == "lint":
        python = _ensure_env("test")
        paths = ["kyoto_desk", "tests", "bench", "packaging", "tasks.py"]
        checks = [
            [python, "-m", "ruff", "check", *paths],
            [python, "-m", "ruff", "format", "--check", *paths],
            [python, "-m", "mypy"],
        ]
        return max(subprocess.call(c, cwd=ROOT) for c in checks)
    sys.stderr.write("usage: python tasks.py [run|test|lint] [arguments ...]\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
