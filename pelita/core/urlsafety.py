r"""Web addresses from metadata and Markdown: which ones may reach a page.

A post's ``Video``, ``Bukti``, ``Source`` (every URL-valued key of the post
schema) and ``Image`` end up in ``href`` and ``src`` attributes. Escaping
keeps such a value inside its attribute, but only the scheme decides what a
click does, so a value is judged the way a browser reads it: after HTML
entities are decoded (``javascript&#58;``), with tabs, new lines and other
invisible characters that browsers drop from a scheme (``java\tscript:``),
with backslashes, which browsers read as slashes (``https:\\evil``, ``/\evil``),
and with user names before the host (``https://youtube.com@evil.example``).
An address passes only as an absolute ``http(s)://host/...`` with none of
these; everything else is refused, whatever the scheme's spelling.

``invoke check``, the build guard, new-post and the web editor all ask this
module, so each says the same thing about the same value.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from pelita.core.settings import SAFETY, merge_settings

WEB_SCHEMES = frozenset({"http", "https"})
# Schemes that run code or carry a document of their own when followed.
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "data", "livescript"})
MAX_URL_LENGTH = 2048
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_LEADING_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_DOMAIN_LIKE = re.compile(r"^[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$")
_PELICAN_LINK = re.compile(r"^\{(?:static|attach|filename)\}")


@dataclass(frozen=True)
class UrlProblem:
    """Why a value may not be used as an address, and what to write instead."""

    message: str
    suggestion: str


def safety_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The ``SAFETY`` setting merged over its defaults (unknown keys fail).

    Declared in :mod:`pelita.core.settings` (``docs/settings.md``).
    """
    return merge_settings(settings, SAFETY)


def video_hosts(settings: Mapping[str, Any]) -> frozenset[str]:
    """The host names a ``Video`` may point to (``SAFETY['video_hosts']``)."""
    hosts = safety_settings(settings)["video_hosts"]
    return frozenset(str(host).strip().lower().rstrip(".") for host in hosts)


def _invisible(char: str) -> bool:
    """Characters a browser drops or that hide what the address is."""
    return unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"}


def decoded(value: str) -> str:
    """``value`` with HTML entities decoded until nothing changes (at most 3x).

    ``&amp;#106;`` becomes ``&#106;`` and then ``j``: whichever layer of
    escaping a template or Markdown removes, the check sees the end result.
    """
    for _ in range(3):
        unescaped = html.unescape(value)
        if unescaped == value:
            break
        value = unescaped
    return value


def scheme_of(value: str) -> str | None:
    """The scheme a browser would see in ``value`` (lower case), or None.

    Entities are decoded and every whitespace, control and invisible
    character is dropped first, as the URL parser of a browser does.
    """
    text = "".join(
        ch for ch in decoded(str(value)) if not (ch.isspace() or _invisible(ch))
    )
    found = _LEADING_SCHEME.match(text.lower())
    return found.group(1) if found else None


def is_script_url(value: str) -> bool:
    """Whether following ``value`` would run script (``javascript:`` and kin)."""
    return scheme_of(value) in SCRIPT_SCHEMES


def web_url_problem(value: str) -> UrlProblem | None:
    """None when ``value`` is a plain absolute http(s) address, else why not."""
    value = str(value)
    if not value.strip():
        return UrlProblem("kosong", "tulis alamat lengkap yang diawali https://")
    for text in dict.fromkeys((value, decoded(value))):
        found = _problem(text)
        if found is not None:
            return found
    return None


def _problem(text: str) -> UrlProblem | None:
    scheme = scheme_of(text)
    if scheme in SCRIPT_SCHEMES:
        return UrlProblem(
            f"memakai skema {scheme}: yang menjalankan skrip atau membawa berkas",
            "tautkan ke alamat https:// biasa",
        )
    if len(text) > MAX_URL_LENGTH:
        return UrlProblem(
            f"terlalu panjang ({len(text)} karakter)",
            f"pakai alamat yang lebih pendek (paling banyak {MAX_URL_LENGTH})",
        )
    if scheme is None or scheme not in WEB_SCHEMES:
        return _not_web(text, scheme)
    if any(ch.isspace() or _invisible(ch) for ch in text):
        return UrlProblem(
            "memuat spasi atau karakter tak terlihat",
            "salin ulang alamatnya dari bilah alamat peramban",
        )
    if "\\" in text:
        return UrlProblem(
            "memuat garis miring terbalik (\\)", "pakai garis miring biasa (/)"
        )
    return _authority_problem(text)


def _not_web(text: str, scheme: str | None) -> UrlProblem:
    if text.startswith("//"):
        return UrlProblem("tidak menyebut https:", f"tulis lengkap: https:{text}")
    if scheme is None and _DOMAIN_LIKE.match(text):
        return UrlProblem("tidak diawali https://", f"tulis lengkap: https://{text}")
    shown = f"skema {scheme}:" if scheme else "bukan alamat web"
    return UrlProblem(
        f"{shown}; hanya http:// dan https:// yang diizinkan",
        "tulis alamat lengkap yang diawali https://",
    )


def _authority_problem(text: str) -> UrlProblem | None:
    if not re.match(r"^https?://", text, re.IGNORECASE):
        return UrlProblem(
            "tidak diawali http:// atau https://",
            "tulis alamat lengkap yang diawali https://",
        )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return UrlProblem("nama situs atau portnya tidak terbaca", _FULL)
    if "@" in parts.netloc:
        return UrlProblem(
            "memuat nama pengguna sebelum nama situs (tanda @), cara lama "
            "menyamarkan situs tujuan",
            "hapus bagian sampai tanda @; tulis https:// lalu nama situsnya",
        )
    host = (parts.hostname or "").rstrip(".")
    if not host or not _valid_host(host):
        return UrlProblem(f'nama situs "{parts.netloc}" tidak sah', _FULL)
    if port is not None and port == 0:
        return UrlProblem("port 0 tidak sah", _FULL)
    return None


_FULL = "tulis alamat lengkap, misalnya https://semarangkota.go.id/…"


def _valid_host(host: str) -> bool:
    if host.startswith("[") or ":" in host:  # an IPv6 literal
        return False
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return False
    labels = ascii_host.split(".")
    return len(labels) >= 2 and all(_HOST_LABEL.match(label) for label in labels)


def host_of(url: str) -> str:
    """The lower-case host name of a valid web address."""
    return (urlsplit(url).hostname or "").rstrip(".").lower()


def video_problem(value: str, hosts: Iterable[str]) -> UrlProblem | None:
    """None when ``value`` is a web address on one of the video ``hosts``."""
    found = web_url_problem(value)
    if found is not None:
        return found
    allowed = sorted(hosts)
    if host_of(value) in allowed:
        return None
    return UrlProblem(
        f"mengarah ke {host_of(value)}, bukan situs video yang diizinkan",
        "unggah videonya ke kanal YouTube resmi lalu tulis tautannya, mis. "
        "https://www.youtube.com/watch?v=…; situs yang diizinkan: "
        + ", ".join(allowed),
    )


def content_path_problem(value: str) -> UrlProblem | None:
    """None when ``value`` names a file inside content/ (``images/2025/a.jpg``).

    A leading ``/`` or ``{static}`` is allowed; a scheme, ``//host``, a
    backslash, a ``..`` step out of the folder or an invisible character is
    not, so no metadata path can reach a file outside ``content/``.
    """
    text = decoded(str(value).strip())
    if not text:
        return UrlProblem("kosong", "tulis jalur berkas, mis. images/2025/foto.jpg")
    path = _PELICAN_LINK.sub("", text)
    scheme = scheme_of(path)
    if scheme in SCRIPT_SCHEMES:
        return _problem(path)
    if any((ch.isspace() and ch != " ") or _invisible(ch) for ch in text):
        return UrlProblem("memuat karakter tak terlihat", "tulis ulang jalurnya")
    if "\\" in path or path.startswith("//") or scheme is not None:
        return UrlProblem(
            "bukan jalur di dalam folder content/",
            "tulis jalur dari folder content/, mis. images/2025/foto.jpg",
        )
    if ".." in path.split("/"):
        return UrlProblem(
            "keluar dari folder content/ (..)",
            "tulis jalur dari folder content/, mis. images/2025/foto.jpg",
        )
    return None


def image_problem(value: str) -> UrlProblem | None:
    """``Image``: a web address (the rules above) or a path inside content/."""
    text = str(value).strip()
    if re.match(r"^\s*https?:", decoded(text), re.IGNORECASE) or text.startswith("//"):
        return web_url_problem(text)
    return content_path_problem(text)


def unsafe_address_keys(
    metadata: Mapping[str, Any], url_keys: Iterable[str]
) -> list[str]:
    """The keys of ``metadata`` whose address must not reach an attribute.

    ``url_keys`` are the post schema's URL-valued keys; ``image`` is judged
    as a web address or a path inside content/. The build's sanitizing
    plugins blank these values, so even a post that reached the templates
    unchecked cannot print a script link.
    """
    keys = set(url_keys)
    unsafe = []
    for key, value in metadata.items():
        if not isinstance(value, str) or not value:
            continue
        if key == "image":
            found = image_problem(value)
        elif key in keys:
            found = web_url_problem(value)
        else:
            continue
        if found is not None:
            unsafe.append(key)
    return unsafe


def blank_unsafe_addresses(item: Any, url_keys: Iterable[str]) -> list[str]:
    """Blank, on a Pelican article or page, every unsafe address; say which."""
    unsafe = unsafe_address_keys(item.metadata, url_keys)
    for key in unsafe:
        item.metadata[key] = ""
        setattr(item, key, "")
    return unsafe
