#!/usr/bin/env bash
# CI: build the Linux bundle with PyInstaller and smoke-test the built executable.
#
#   bash packaging/ci_build_and_smoke.sh            # uses .venv (made by `python3 tasks.py test`)
#   PYTHON=/path/to/python bash packaging/ci_build_and_smoke.sh
#
# Takes about 2 minutes on a 2-core machine. Prints the build time, the bundle's size and each
# smoke check; exits non-zero if the build or any check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
export QT_QPA_PLATFORM=offscreen
export PIP_DISABLE_PIP_VERSION_CHECK=1

# binutils: PyInstaller reads libraries with objdump. desktop-file-utils and appstream validate the
# desktop entry and AppStream record. The X11 libraries are the ones Qt's xcb platform plugin links
# to; they must be on the build machine to be copied into the bundle, or the window would not open
# on a desktop that lacks them (the offscreen smoke test cannot notice).
if command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    binutils desktop-file-utils appstream \
    libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 \
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 \
    libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 >/dev/null
fi

"$PYTHON" -m pip install --quiet -r packaging/requirements-build.txt

started=$(date +%s)
"$PYTHON" packaging/build.py --dist dist --work build/pyinstaller --archive
built=$(date +%s)
# The menu entry and the software-centre record as the desktop tools read them.
if command -v desktop-file-validate >/dev/null 2>&1 && command -v appstreamcli >/dev/null 2>&1; then
  desktop-file-validate dist/kyoto-desk/share/applications/*.desktop
  appstreamcli validate --no-net dist/kyoto-desk/share/metainfo/*.metainfo.xml
fi
"$PYTHON" packaging/smoke_test.py dist/kyoto-desk
finished=$(date +%s)
echo "packaging: build $((built - started)) s, smoke test $((finished - built)) s"
