"""``python -m importer``: see ``importer.cli``."""

import sys

from importer.cli import main

if __name__ == "__main__":
    sys.exit(main())
