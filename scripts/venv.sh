#!/usr/bin/env bash
# Set up .venv from a lock file, exactly: scripts/venv.sh app|test|dev
# Installs the pinned, hash-checked packages of requirements/NAME.txt, then this project
# itself without touching them. Re-runs only when the lock or pyproject.toml is newer.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-app}
lock="requirements/$which.txt"
stamp=".venv/.installed-$which"
if [ -x .venv/bin/python ] && [ -f "$stamp" ] && [ ! "$lock" -nt "$stamp" ] \
   && [ ! pyproject.toml -nt "$stamp" ]; then
  exit 0
fi
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv || {
    echo "No se pudo crear el entorno de Python (.venv). En Debian o Ubuntu instale:" >&2
    echo "  sudo apt-get install python3-venv" >&2
    exit 1
  }
fi
echo "Instalando las dependencias fijadas en $lock ..." >&2
.venv/bin/python -m pip install -q --require-hashes --no-deps -r "$lock" 2> >(grep -v "is ignored: it is neither" >&2)
.venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
rm -f .venv/.installed-*
touch "$stamp"
