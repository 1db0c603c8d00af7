#!/usr/bin/env bash
# Build the Linux one-folder program into dist/cocrea (needs the project's .venv).
set -euo pipefail
cd "$(dirname "$0")/.."
. .venv/bin/activate
python -m pip install -q "pyinstaller>=6.0"
pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/cocrea.spec
du -sh dist/cocrea
