#!/usr/bin/env bash
# Start CoCrea Desktop from this checkout: set up .venv on first use, then open the window.
# With no process yet, the program creates and opens a demo process.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/cocrea ] || [ pyproject.toml -nt .venv/.installed ]; then
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e .
  touch .venv/.installed
fi
exec .venv/bin/cocrea "$@"
