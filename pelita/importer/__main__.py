"""``python -m pelita.importer``: see ``pelita.importer.cli``."""

import sys

from pelita.importer.cli import main

if __name__ == "__main__":
    sys.exit(main())
