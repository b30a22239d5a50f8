#!/usr/bin/env bash
# Set up the development environment and run the checks and the test suite.
# Tests that need ../shared/data skip with a reason when it is absent; browser tests skip
# when Chromium cannot be installed (set PRESSLENS_NO_BROWSER=1 to skip installing it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
if [ -z "${PRESSLENS_NO_BROWSER:-}" ]; then
    bash scripts/install-browser.sh .venv/bin/python >/dev/null 2>&1 \
        || echo "note: Chromium could not be installed; browser tests will be skipped" >&2
fi
.venv/bin/ruff check src tests bench
.venv/bin/mypy
.venv/bin/python -m pytest -q -rs -p no:cacheprovider "$@"
