#!/usr/bin/env bash
# Install the one-folder build for the current user (no root): ~/.local/opt/cocrea,
# a `cocrea` command in ~/.local/bin, the menu entry, the icon and the file types.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SRC="${1:-$HERE/../../dist/cocrea}"
PREFIX="${XDG_DATA_HOME:-$HOME/.local/share}"
OPT="$HOME/.local/opt/cocrea"
mkdir -p "$OPT" "$HOME/.local/bin" "$PREFIX/applications" "$PREFIX/icons/hicolor/256x256/apps" \
         "$PREFIX/mime/packages"
cp -a "$SRC/." "$OPT/"
ln -sf "$OPT/cocrea" "$HOME/.local/bin/cocrea"
cp "$HERE/cocrea.desktop" "$PREFIX/applications/cocrea.desktop"
cp "$HERE/../../resources/icons/cocrea-256.png" "$PREFIX/icons/hicolor/256x256/apps/cocrea.png"
cp "$HERE/cocrea-mime.xml" "$PREFIX/mime/packages/cocrea.xml"
command -v update-mime-database >/dev/null && update-mime-database "$PREFIX/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$PREFIX/applications" || true
echo "CoCrea instalado en $OPT"
