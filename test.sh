#!/usr/bin/env bash
# Run the whole test suite (offscreen Qt): set up .venv from requirements/test.txt first.
set -euo pipefail
cd "$(dirname "$0")"
scripts/venv.sh test
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
