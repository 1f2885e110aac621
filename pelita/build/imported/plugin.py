"""Build-time half of the importer: re-sanitize imported posts, expose channels.

Imported posts (those with ``Channel`` metadata, or under the importer's
content folder) are cleaned again after Pelican renders them, with the same
nh3 allow-list the importer used: whatever the Markdown round trip or a hand
edit produced, no script, event handler or ``javascript:`` URL reaches the
page. Their text fields get the same plain-text rules. Templates get
``article.channel_info`` (the registry's ``ChannelRecord``: id, name, kind,
url, homepage, opd, kecamatan, kelurahan) and ``article.channel_name``.

This runs in ``article_generator_pretaxonomy``, so it happens on every build,
also when Pelican's content cache skipped the reader; the registry is read
once per build and kept on the generator, never between builds.
"""

from __future__ import annotations

import functools
import html
import logging
from functools import partial
from pathlib import Path
from typing import Any

from pelican import signals

from pelita.build.buildspeed.memo import PostMemo
from pelita.core.htmlsafety import (
    escape_text,
    html_to_text,
    plain_text,
    sanitize_imported,
)
from pelita.core.registries import ChannelRecord, site_channels
from pelita.core.schema import URL_KEYS
from pelita.core.urlsafety import blank_unsafe_addresses
from pelita.importer.errors import ImporterConfigError
from pelita.importer.feeds.clean import absolute_url
from pelita.importer.settings import load_config

logger = logging.getLogger(__name__)

# Every URL-valued key of the post schema, made absolute and http(s) only.
_URL_FIELDS = tuple(sorted(URL_KEYS))


def _registry(generator: Any) -> dict[str, ChannelRecord]:
    registry = site_channels(generator.settings, who="importer")
    return {channel.id: channel for channel in registry.channels}


def imported_folders(generator: Any) -> tuple[Path, ...]:
    """The configured import folder, and the default ``content/imported``.

    A demo build's settings point elsewhere, but the city's imported posts
    are imported posts all the same.
    """
    content = Path(generator.settings.get("PATH") or "content")
    folders = {(content / "imported").resolve()}
    try:
        folders.add(load_config(generator.settings).content_dir.resolve())
    except (ImporterConfigError, ValueError):
        logger.warning("importer: IMPORTER setting unusable; using content/imported")
    return tuple(sorted(folders))


def is_imported(article: Any, folders: tuple[Path, ...]) -> bool:
    """Whether a post came from the importer (by metadata or by place)."""
    if article.metadata.get("channel"):
        return True
    source = Path(getattr(article, "source_path", "") or "")
    folder = _resolved_folder(str(source.parent)) / source.name
    return any(folder.is_relative_to(imported) for imported in folders)


@functools.lru_cache(maxsize=4096)
def _resolved_folder(folder: str) -> Path:
    """A post's folder with links resolved, once per folder (not per post)."""
    return Path(folder).resolve()


def _plain(value: str) -> str:
    """A text field (HTML in Pelican's eyes) reduced to escaped plain text."""
    return escape_text(plain_text(html_to_text(value)))


def cleaned_fields(article: Any) -> dict[str, str]:
    """An imported article's content and text fields, re-sanitized."""
    fields = {"_content": sanitize_imported(article._content or "")}
    if "summary" in article.metadata:
        fields["summary"] = _plain(article.metadata["summary"])
    if hasattr(article, "title"):
        fields["title"] = _plain(str(article.title))
    if "image_alt" in article.metadata:
        fields["image_alt"] = _plain(article.image_alt)
    for key in _URL_FIELDS:
        value = article.metadata.get(key)
        if value is not None:
            safe = absolute_url(html.unescape(str(value)), None) or ""
            fields[key] = safe if safe.startswith(("http://", "https://")) else ""
    return fields


def clean_article(article: Any, fields: dict[str, str] | None = None) -> None:
    """Re-sanitize one imported article's content and text fields in place.

    ``fields``: the result of :func:`cleaned_fields` for it, when known.
    """
    fields = cleaned_fields(article) if fields is None else fields
    article._content = fields["_content"]
    if "summary" in fields:
        article.metadata["summary"] = article._summary = fields["summary"]
    for key, value in fields.items():
        if key not in {"_content", "summary"}:
            article.metadata[key] = value
            setattr(article, key, value)
    blank_unsafe_addresses(article, URL_KEYS)  # what the loop lets by, and Image


def _articles(generator: Any) -> list[Any]:
    groups = ("articles", "translations", "drafts", "drafts_translations",
              "hidden_articles", "hidden_translations")  # fmt: skip
    return [a for name in groups for a in getattr(generator, name, [])]


def on_articles(generator: Any) -> None:
    """Clean imported articles and attach their channels."""
    channels = _registry(generator)
    folders = imported_folders(generator)
    memo = PostMemo(generator.settings, "imported")
    for article in _articles(generator):
        if not is_imported(article, folders):
            continue
        clean_article(article, memo.get(article, partial(cleaned_fields, article)))
        ident = str(article.metadata.get("channel", ""))
        channel = channels.get(ident)
        article.channel_info = channel
        article.channel_name = channel.name if channel else ident or None
    memo.save()


def connect() -> None:
    """Connect the handlers to Pelican's signals."""
    signals.article_generator_pretaxonomy.connect(on_articles)
