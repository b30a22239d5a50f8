#!/usr/bin/env bash
# Install what the browser tests (tests/browser/) need: Debian's headless Chromium, the matching
# chromedriver, and the Selenium client library. Nothing else is downloaded: Selenium is pointed at
# /usr/bin/chromium and /usr/bin/chromedriver, so it never fetches a browser build of its own.
#
# Usage: bash scripts/install-browser.sh [PYTHON]   (PYTHON defaults to .venv/bin/python)
set -euo pipefail

PYTHON="${1:-.venv/bin/python}"
SUDO=""
if [ "$(id -u)" != "0" ]; then
    SUDO="sudo"
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends \
        chromium chromium-driver fonts-dejavu-core
fi
"$PYTHON" -m pip install "selenium==4.51.0"
chromium --version
chromedriver --version
