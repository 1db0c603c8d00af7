#!/usr/bin/env bash
# Start CoCrea Desktop from this checkout: set up .venv from requirements/app.txt on first
# use, check that the window can open here, then open it. With no process yet, the program
# creates and opens a demo process.
set -euo pipefail
cd "$(dirname "$0")"
scripts/venv.sh app
# The Designer forms (ui/*.ui) compiled into cocrea_desktop/ui/forms/, when one is newer.
.venv/bin/python scripts/forms.py
# On Linux, say in Spanish which system packages the window needs, instead of Qt's
# English error (python -m cocrea_desktop.platform_check).
if [ "$(uname -s)" = "Linux" ] && [ -z "${COCREA_SKIP_PLATFORM_CHECK:-}" ]; then
  .venv/bin/python -m cocrea_desktop.platform_check || exit 1
fi
exec .venv/bin/cocrea "$@"
