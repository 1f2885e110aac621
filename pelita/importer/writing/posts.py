"""An entry of a channel as a post: its metadata header, path and body.

The metadata are the shared contract (docs/writing.md's reference table): ``Title``
(HTML-escaped plain text, as Pelican treats titles as HTML), ``Date`` and
``Modified`` in ISO 8601 with offset, ``Slug``, ``Category``, ``Tags``,
``Summary`` (Markdown-escaped: Pelican renders it as Markdown), ``Author``,
the channel's ``Kecamatan``/``Kelurahan``/``OPD``, ``Channel``, ``Source``,
``Image``/``Image_alt``, ``Video``, the story grouping's ``Story``,
``Duplicate_of`` and ``Story_reason`` (kept from the file when an entry is
rewritten), and the identity ``Import_id``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pelita.core.htmlsafety import escape_text
from pelita.importer.feeds.mdtext import escape_markdown
from pelita.importer.model import Channel, Entry, Post

from .metadata import ID_KEY, render_document

STORY_KEYS = ("Story", "Duplicate_of", "Story_reason")


@dataclass(frozen=True)
class PostPlan:
    """Where and when a post goes: decided by identity and the existing file.

    ``story`` holds the story lines already in the file, kept as they are.
    """

    identity: str
    slug: str
    path: str
    published: dt.datetime
    modified: dt.datetime | None
    link_key: str | None = None
    story: tuple[tuple[str, str], ...] = ()


def story_lines(header: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The ``Story``/``Duplicate_of``/``Story_reason`` lines of a file's header."""
    return tuple(
        (key, header[key.lower()]) for key in STORY_KEYS if header.get(key.lower())
    )


def relative_path(channel: Channel, published: dt.datetime, slug: str) -> str:
    """``<channel-id>/<yyyy>/<slug>.md`` under the importer's content folder."""
    return f"{channel.id}/{published:%Y}/{slug}.md"


def _tags(channel: Channel, entry: Entry) -> str:
    merged: dict[str, str] = {}
    for tag in (*channel.tags, *entry.tags):
        merged.setdefault(tag.casefold(), tag)
    return ", ".join(escape_text(t) for t in merged.values())


def post_metadata(
    channel: Channel, entry: Entry, plan: PostPlan, default_category: str
) -> tuple[tuple[str, str], ...]:
    """The header lines of a post, in the order admins read them."""
    image = entry.image
    fields = [
        ("Title", escape_text(entry.title)),
        ("Date", plan.published.isoformat()),
        ("Modified", plan.modified.isoformat() if plan.modified else ""),
        ("Slug", plan.slug),
        ("Category", channel.category or default_category),
        ("Tags", _tags(channel, entry)),
        ("Summary", escape_markdown(entry.summary)),
        ("Author", escape_text(entry.author or "")),
        ("Kecamatan", channel.kecamatan or ""),
        ("Kelurahan", channel.kelurahan or ""),
        ("OPD", channel.opd or ""),
        ("Channel", channel.id),
        ("Source", entry.link or ""),
        ("Image", image.url if image else ""),
        ("Image_alt", escape_text(image.alt) if image else ""),
        ("Video", entry.video_url or ""),
        *plan.story,
        (ID_KEY, plan.identity),
    ]
    return tuple((key, value) for key, value in fields if value)


def build_post(
    channel: Channel, entry: Entry, plan: PostPlan, default_category: str
) -> Post:
    """The post for ``entry`` placed by ``plan``."""
    return Post(
        channel_id=channel.id,
        identity=plan.identity,
        path=plan.path,
        slug=plan.slug,
        metadata=post_metadata(channel, entry, plan, default_category),
        body=entry.body or escape_markdown(entry.summary) + "\n",
        link_key=plan.link_key,
    )


def post_text(post: Post) -> str:
    """The file's text without its ``Import_hash`` line."""
    return render_document(post.metadata, post.body)
