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

# A nightly build redoes only what changed since the last one: the parsed
# posts come from Pelican's content cache (checked by file hash, since a fresh
# checkout changes every mtime) and unchanged article pages from the page cache
# (pelita/build/buildspeed); both live in CACHE_PATH, which the nightly workflow
# keeps between runs. Either is thrown away when the settings, packages, theme
# or plugins change. bench/README.md has the figures.
# A production site always has its web editor at /admin/: a missing bundle
# (admin/node_modules, from npm ci) fails the build instead of deploying a
# site without it.
EDITOR = {**EDITOR, "require_bundle": True}

CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "md5"
BUILDSPEED = {"page_cache": True}

# Where `invoke deploy` publishes: merged over the defaults in
# pelita/tools/deploy/config.py (unknown keys are errors). PELITA_DEPLOY_TARGET and
# PELITA_DEPLOY_<TARGET>_<KEY> variables override single values; secrets (SSH
# key, S3 keys) come only from the environment. See "Deploy and nightly" in
# the README.
DEPLOY = {
    "target": "rsync",
    "rsync": {"host": "", "user": "deploy", "path": "/var/www/pelita"},
    "ghpages": {"remote": "origin", "branch": "gh-pages"},
    "s3": {"bucket": "", "region": "", "endpoint_url": ""},
}
