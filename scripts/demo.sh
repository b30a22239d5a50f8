#!/usr/bin/env bash
# Set up presslens and analyse the example column (a text we wrote; see examples/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/presslens analyze --published 2025-07-14 examples/raid-column.txt
