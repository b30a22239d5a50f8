"""``python -m presslens`` runs the command-line interface."""

import sys

from presslens.cli import main

sys.exit(main())
