#!/usr/bin/env bash
# Build the Linux one-folder program into dist/cocrea (needs the project's .venv).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/venv.sh dev  # the locked packages, PyInstaller included (requirements/dev.txt)
. .venv/bin/activate
.venv/bin/python scripts/forms.py  # the Designer forms, when a ui/*.ui is newer
pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/cocrea.spec
du -sh dist/cocrea
