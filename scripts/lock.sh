#!/usr/bin/env bash
# Refresh the lock files from pyproject.toml: the one deliberate way to upgrade dependencies.
# Usage: scripts/lock.sh [--upgrade | --upgrade-package NAME ...]
# Needs uv (pip install uv). Then run ./test.sh: an upgrade lands only with a passing suite.
set -euo pipefail
cd "$(dirname "$0")/.."
uv=${UV:-uv}
common=(--universal --generate-hashes --python-version 3.11 --quiet
        --custom-compile-command "scripts/lock.sh")
# The widest set first; the others are cut from it, so every lock pins the same versions.
"$uv" pip compile pyproject.toml requirements/build.in --extra test --extra dev \
  --extra packaging "${common[@]}" "$@" -o requirements/dev.txt
"$uv" pip compile pyproject.toml requirements/build.in "${common[@]}" \
  --constraint requirements/dev.txt -o requirements/app.txt
"$uv" pip compile pyproject.toml requirements/build.in --extra test "${common[@]}" \
  --constraint requirements/dev.txt -o requirements/test.txt
echo "Locks refreshed: requirements/*.txt"
