#!/usr/bin/env bash
# Smoke-test the frozen program in dist/cocrea: it starts its window offscreen, creates
# a process, prints ballots, exports and verifies a bundle, and exits 0. Every step that
# the installed program offers from its command line is tried on a throw-away folder.
set -euo pipefail
cd "$(dirname "$0")/.."
APP="$PWD/dist/cocrea/cocrea"
WORK=$(mktemp -d)
export COCREA_DATA_DIR="$WORK/data" QT_QPA_PLATFORM=offscreen
trap 'rm -rf "$WORK"' EXIT

step() { echo "smoke: $*"; }
step "version";          "$APP" --version
step "init";             "$APP" init "$WORK/pal" --name "PAL de prueba" --municipality "Teotitlán"
DB="$WORK/pal.cocrea.db"
step "session add";      SID=$("$APP" session add "$DB" --method nominal_group \
                              --question "¿Qué necesita la comunidad?" --json \
                              | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
step "ideas import";     printf 'texto\nAgua potable todos los días\nAlumbrado en la calle principal\nUna clínica abierta de noche\n' > "$WORK/ideas.csv"
                         "$APP" ideas import "$DB" "$SID" "$WORK/ideas.csv"
step "verify";           "$APP" verify "$DB"
if "$APP" ballots print --help >/dev/null 2>&1; then
  step "ballots print";  "$APP" ballots print "$DB" "$SID" --count 8 -o "$WORK/boletas.pdf"
  test -s "$WORK/boletas.pdf"
fi
if "$APP" bundle export --help >/dev/null 2>&1; then
  step "bundle export";  "$APP" bundle export "$DB" -o "$WORK/paquete.cocrea"
  step "bundle verify";  "$APP" bundle verify "$WORK/paquete.cocrea"
fi
step "window";           COCREA_EXIT_AFTER_SHOW=1 "$APP" gui "$DB"
step "ok"
