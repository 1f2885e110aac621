"""Production settings: absolute URLs from the environment, Atom feeds on.

Used by ``invoke preview`` and the nightly deploy; everything else comes from
pelicanconf.py.
"""

import logging
import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *

logger = logging.getLogger(__name__)

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL:
    SITEURL = "http://localhost:8000"
    logger.warning(
        "publishconf: SITEURL is not set in the environment; using %s. "
        "Set SITEURL=https://your-domain before deploying.",
        SITEURL,
    )
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/semua.atom.xml"
CATEGORY_FEED_ATOM = "feeds/kategori/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/topik/{slug}.atom.xml"
FEED_MAX_ITEMS = 50

DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION = [".git"]
