#!/usr/bin/env bash
# Create .venv and install presslens with its pinned, hash-checked dependencies.
#   bash scripts/setup.sh        runtime only (requirements/run.lock)
#   bash scripts/setup.sh dev    plus training and test tools (requirements/dev.lock)
# Everything comes from PyPI; no model is downloaded at run time (the models ship in the package).
set -euo pipefail
cd "$(dirname "$0")/.."
LOCK="requirements/${1:-run}.lock"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "$LOCK"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
