"""Pure provenance rules, testable without Pelican."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote


@dataclass(frozen=True)
class Provenance:
    """What the article page says about a post's origin."""

    source_name: str
    source_url: str | None
    history_url: str | None


def history_url(
    repository_url: str | None,
    branch: str,
    content_path: str,
    relative_source_path: str,
    untracked: Sequence[str] = (),
) -> str | None:
    """Commits touching the post's file, or None when it is not in the repo.

    ``relative_source_path`` is relative to the content folder; files under
    an ``untracked`` prefix (the demo import) are never committed, nor are
    pages the build makes outside the content folder.
    """
    if not repository_url or not relative_source_path:
        return None
    path = relative_source_path.replace("\\", "/").lstrip("/")
    if path == ".." or path.startswith("../"):
        return None  # made by the build (the about page), not a file of the repo
    if any(path.startswith(prefix) for prefix in untracked):
        return None
    full = f"{content_path.strip('/')}/{path}" if content_path else path
    return f"{repository_url.rstrip('/')}/commits/{quote(branch)}/{quote(full)}"


def _channel_name(article: Any) -> str | None:
    info = getattr(article, "channel_info", None)
    name = getattr(info, "name", None) if info is not None else None
    return str(name) if name else None


def provenance_of(
    article: Any,
    opd_name: Any,
    history: str | None,
    channel_names: Mapping[str, str] | None = None,
) -> Provenance:
    """Name and link of a post's source; hand-written posts name their writer.

    Imported posts carry ``Source`` (the original URL) and ``Channel``; the
    importer may add ``channel_info`` with the channel's display name, else
    the name comes from the channel registry (``channel_names``).
    """
    source = str(getattr(article, "source", "") or "").strip()
    url = source if source.startswith(("https://", "http://")) else None
    name = _channel_name(article)
    channel = str(getattr(article, "channel", "") or "")
    if not name and channel:
        name = (channel_names or {}).get(channel) or (channel if url else None)
    if not name and getattr(article, "opd", None):
        name = opd_name(article.opd)
    if not name:
        name = str(getattr(article, "author", "") or "")
    return Provenance(source_name=name, source_url=url, history_url=history)
