"""A small importer for feeds stored as files next to the channel registry."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from pathlib import Path
from typing import Any

import feedparser
import markdownify
import nh3
import yaml
from pelican.utils import slugify

logger = logging.getLogger(__name__)


def _entry_date(entry: Any) -> dt.datetime:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return dt.datetime(*parsed[:6], tzinfo=dt.UTC).astimezone(
            dt.timezone(dt.timedelta(hours=7))
        )
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=7)))


def _body(entry: Any) -> str:
    html = entry.get("content", [{}])[0].get("value") or entry.get("summary", "")
    return markdownify.markdownify(nh3.clean(html), heading_style="ATX").strip()


def _write_entry(channel: dict, entry: Any, content_dir: Path) -> bool:
    date = _entry_date(entry)
    title = re.sub(r"\s+", " ", entry.get("title", "")).strip() or "Tanpa judul"
    slug = slugify(title, regex_subs=[(r"[^\w\s-]", ""), (r"[-\s]+", "-")])[:80]
    path = content_dir / channel["id"] / f"{date:%Y}" / f"{slug}.md"
    if path.exists():
        return False
    meta = {
        "Title": title,
        "Date": date.isoformat(),
        "Slug": f"{channel['id']}-{slug}"[:100],
        "Category": channel.get("category", "Berita"),
        "Channel": channel["id"],
        "Source": entry.get("link", ""),
    }
    for key in ("kecamatan", "kelurahan", "opd"):
        if channel.get(key):
            meta[key.capitalize() if key != "opd" else "OPD"] = channel[key]
    header = "\n".join(f"{k}: {v}" for k, v in meta.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{header}\n\n{_body(entry)}\n", encoding="utf-8")
    return True


def run_import(settings: dict, **options: Any) -> int:
    """Import every enabled channel whose ``url`` is a file path; return exit code."""
    conf = settings["IMPORTER"]
    registry = Path(options.get("channels") or conf["channels_file"])
    content_dir = Path(options.get("content") or conf["content_dir"])
    channels = yaml.safe_load(registry.read_text(encoding="utf-8"))["channels"]
    written = 0
    for channel in channels:
        if options.get("only") and channel["id"] != options["only"]:
            continue
        if not channel.get("enabled", True) or "://" in channel["url"]:
            continue
        data = (registry.parent / channel["url"]).read_bytes()
        feed = feedparser.parse(data)
        for entry in feed.entries:
            if not options.get("dry_run"):
                written += _write_entry(channel, entry, content_dir)
        digest = hashlib.sha256(data).hexdigest()[:12]
        logger.info("importer: %s (%s) read", channel["id"], digest)
    logger.info("importer: %d new posts", written)
    return 0
