#!/bin/sh
# Install this Kyoto Desk folder for the current user, without administrator rights.
#
#   ./install-user.sh            # into ~/.local (program in ~/.local/opt/kyoto-desk)
#   PREFIX=/some/where ./install-user.sh
#
# Adds the menu entry and icon; user data stays in ~/.local/share/Kyoto Desk, outside the program.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix="${PREFIX:-$HOME/.local}"
dest="$prefix/opt/kyoto-desk"
app_id="io.github.kyotodesk.KyotoDesk"

mkdir -p "$prefix/opt" "$prefix/bin" "$prefix/share/applications"
if [ "$here" != "$dest" ]; then
  rm -rf "$dest"
  cp -a "$here" "$dest"
fi
ln -sf "$dest/kyoto-desk" "$prefix/bin/kyoto-desk"
cp -a "$dest/share/." "$prefix/share/"
# The menu entry names the program by its full path: ~/.local/bin is not on every desktop's PATH.
sed -e "s|^Exec=kyoto-desk|Exec=$dest/kyoto-desk|" -e "s|^TryExec=kyoto-desk|TryExec=$dest/kyoto-desk|" \
  "$dest/share/applications/$app_id.desktop" > "$prefix/share/applications/$app_id.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
echo "Kyoto Desk installed in $dest; start it from the menu or with $prefix/bin/kyoto-desk"
