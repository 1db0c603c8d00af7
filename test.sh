#!/usr/bin/env bash
# Run the whole test suite (offscreen Qt): set up .venv from requirements/test.txt first.
set -euo pipefail
cd "$(dirname "$0")"
scripts/venv.sh test
# The Designer forms (ui/*.ui) compiled into cocrea_desktop/ui/forms/, when one is newer.
.venv/bin/python scripts/forms.py
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
