"""A fetched web page as BeautifulSoup, and where its links may lead.

Shared by the listing and article readers of HTML channels. Pages are parsed
with Python's own ``html.parser`` (no extra dependency; a press-release page
is small), decoded as the server declared, else as the page's ``<meta
charset>`` says (BeautifulSoup's detection).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup

from pelita.importer.model import FetchResult

_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_NOT_PAGES = ("javascript:", "mailto:", "tel:", "data:", "#")
_IP_HOST = re.compile(r"^[\d.]+$|:")  # an IPv4 or IPv6 address, not a name


def soup_of(result: FetchResult) -> BeautifulSoup:
    """The page parsed, in the encoding its server declared if it declared one."""
    match = _CHARSET.search(result.header("content-type") or "")
    return BeautifulSoup(
        result.body, "html.parser", from_encoding=match.group(1) if match else None
    )


def page_base(soup: BeautifulSoup, final_url: str) -> str:
    """What the page's relative links resolve against (``<base href>``)."""
    declared = soup.find("base", href=True)
    if declared is None:
        return final_url
    return urljoin(final_url, str(declared["href"]).strip())


def _site_of(url: str) -> tuple[str, int] | None:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".").removeprefix("www.")
    return host, port or _DEFAULT_PORTS[scheme]


def same_site(url: str, reference: str, file_root: str | None = None) -> bool:
    """Whether ``url`` is on ``reference``'s site (``www.`` and http/https aside).

    A demo page's links stay "on the site" while they are files under
    ``file_root`` (the registry's folder).
    """
    if file_root is not None and reference.startswith("file:"):
        return url.startswith(file_root)
    site = _site_of(url)
    return site is not None and site == _site_of(reference)


_SECOND_LEVEL = frozenset({"go", "co", "ac", "or", "sch", "web", "my", "net", "com"})


def site_domain(host: str) -> str:
    """The site a host belongs to: ``nasional.example.com`` -> ``example.com``.

    Two labels, three under a country's second level (``kota.go.id``); a
    host of two labels (or three under such a level) is its own site.
    """
    labels = host.lower().rstrip(".").removeprefix("www.").split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def sibling_site(url: str, reference: str) -> bool:
    """Whether ``url`` is on another subdomain of ``reference``'s site.

    Same scheme family and port, hosts under one ``site_domain``: a portal's
    index at ``indeks.example.com`` links articles at ``nasional.example.com``.
    """
    a, b = _site_of(url), _site_of(reference)
    if a is None or b is None or a[1] != b[1]:
        return False
    if _IP_HOST.match(a[0]) or _IP_HOST.match(b[0]):
        return False
    return site_domain(a[0]) == site_domain(b[0])


def on_site(
    url: str, reference: str, subdomains: bool, file_root: str | None = None
) -> bool:
    """``same_site``, or with ``subdomains`` a sibling subdomain of the site."""
    return same_site(url, reference, file_root) or (
        subdomains and sibling_site(url, reference)
    )


def resolve_link(href: str | None, base: str) -> str | None:
    """An ``href`` made absolute, without its fragment; None for non-pages."""
    if not href or not href.strip() or href.strip().lower().startswith(_NOT_PAGES):
        return None
    try:
        parts = urlsplit(urljoin(base, href.strip()))
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "file"):
        return None
    return urlunsplit(parts._replace(fragment=""))


def link_of(element: Any) -> str | None:
    """The ``href`` an element is, or holds (its first ``<a href>``)."""
    if element.name == "a" and element.get("href"):
        return str(element["href"])
    inner = element.find("a", href=True)
    return str(inner["href"]) if inner is not None else None


def text_of(element: Any) -> str:
    """An element's visible text on one line."""
    return " ".join(element.get_text(" ").split())


def head_of(soup: BeautifulSoup) -> Any:
    """Where a page's ``<meta>`` and ``<link>`` are: its head, else the page."""
    return soup.head or soup


def meta_content(soup: BeautifulSoup, *selectors: str) -> str | None:
    """The ``content`` of the first matching ``<meta>`` that has one."""
    head = head_of(soup)
    for selector in selectors:
        for element in head.select(selector, limit=5):
            value = str(element.get("content") or "").strip()
            if value:
                return value
    return None


_TITLE_SEPARATORS = re.compile("\\s+[|\u2013\u2014\u00bb-]\\s+")  # | en/em dash » -


def strip_site_suffix(title: str, site_name: str | None = None) -> str:
    """A page title without the site's name after it (" | Republika Online").

    ``og:title`` and ``<title>`` often end with the site's name. The last part
    after a separator is dropped when it is the site's name, or when it is
    short (four words at most) and the part before it two words longer: a headline
    with a dash inside ("Banjir - Warga Mengungsi") keeps both halves.
    """
    title = " ".join(title.split())
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    last = parts[-1].strip()
    head = title[: title.rfind(last)].rstrip(" |\u2013\u2014\u00bb-")
    named = site_name and last.casefold() == " ".join(site_name.split()).casefold()
    if named or (len(last.split()) <= 4 and len(head.split()) >= len(last.split()) + 2):
        return head.strip() or title
    return title
