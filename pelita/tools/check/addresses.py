"""Web addresses and file paths in the metadata: the same rule as the build.

Every URL-valued key of the post schema (``Video``, ``Bukti``, ``Source``,
and any key added to the schema later) must be a plain http(s) address,
``Video`` one on the video hosts of ``SAFETY['video_hosts']``, and
``Image`` such an address or a path inside ``content/``. The rules are
:mod:`pelita.core.urlsafety`'s; the build guard holds back a post that
breaks them with these same messages.
"""

from __future__ import annotations

from collections.abc import Iterator

from pelita.core.schema import URL_KEYS, spelt
from pelita.core.urlsafety import (
    UrlProblem,
    image_problem,
    video_hosts,
    video_problem,
    web_url_problem,
)

from .context import ERROR, CheckContext, problem
from .model import Problem
from .source import SourceFile


def check_addresses(source: SourceFile, ctx: CheckContext) -> Iterator[Problem]:
    """Every unsafe or unusable address in the header of ``source``."""
    hosts = video_hosts(ctx.settings)
    for entry in source.header:
        if entry.continued or not entry.value:
            continue
        found = address_problem(entry.key, entry.value, hosts)
        if found is not None:
            yield problem(
                source,
                entry.line,
                ERROR,
                code_of(entry.key, entry.value),
                f'{spelt(entry.key)} "{entry.value}" {found.message}',
                found.suggestion,
            )


def address_problem(key: str, value: str, hosts: frozenset[str]) -> UrlProblem | None:
    """The rule for metadata ``key`` (lower case) applied to ``value``."""
    if key == "video":
        return video_problem(value, hosts)
    if key == "image":
        return image_problem(value)
    if key in URL_KEYS:
        return web_url_problem(value)
    return None


def code_of(key: str, value: str) -> str:
    """``bukti`` and ``video`` have codes of their own; other keys share one."""
    if key == "bukti":
        return "bukti"
    if key == "video" and web_url_problem(value) is None:
        return "video"  # an address, on a host that is not allowed
    return "tautan-metadata"
