"""The URL rules: what a browser would follow, and what it would run."""

from __future__ import annotations

import pytest

from pelita.core.settings import SAFETY
from pelita.core.urlsafety import (
    content_path_problem,
    image_problem,
    is_script_url,
    scheme_of,
    video_hosts,
    video_problem,
    web_url_problem,
)

HOSTILE = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\u200bscript:alert(1)",
    "jav&#x61;script:alert(1)",
    "javascript&#58;alert(1)",
    "javascript&colon;alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
    "&amp;#106;avascript:alert(1)",
    "\x01javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_script_urls_are_seen_through_entities_and_invisible_characters(value):
    assert is_script_url(value), value
    found = web_url_problem(value)
    assert found is not None
    assert "skrip" in found.message


@pytest.mark.parametrize(
    "value",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "http://semarangkota.go.id/berita/1",
        "https://jdih.semarangkota.go.id/perwal/2024/12.pdf?unduh=1#hal-2",
        "https://semarangkota.go.id:8443/",
        "https://bücher.example/",
    ],
)
def test_plain_web_addresses_pass(value):
    assert web_url_problem(value) is None


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("//evil.example/x", "https:"),
        ("https://youtube.com@evil.example/", "@"),
        ("https://user:pw@evil.example/", "@"),
        ("https:\\\\evil.example", "garis miring terbalik"),
        ("https://evil.example\\@youtube.com/", "garis miring terbalik"),
        ("https://semarang kota.go.id/", "spasi"),
        ("https://semarangkota.go.id/\u202egnp.exe", "tak terlihat"),
        ("ftp://files.example/a", "skema ftp"),
        ("file:///etc/passwd", "skema file"),
        ("https:evil.example", "tidak diawali"),
        ("https:///evil.example", "nama situs"),
        ("https://localhost/", "nama situs"),
        ("https://[::1]/", "nama situs"),
        ("https://evil.example:99999/", "port"),
        ("semarangkota.go.id/berita", "https://semarangkota.go.id/berita"),
        ("lihat di sini", "bukan alamat web"),
    ],
)
def test_what_is_refused_and_why(value, words):
    found = web_url_problem(value)
    assert found is not None, value
    assert words in found.message + " " + found.suggestion


def test_schemes_are_read_as_a_browser_reads_them():
    assert scheme_of(" \tHTTPS://x.example") == "https"
    assert scheme_of("/images/a.jpg") is None
    assert scheme_of("jav&#x09;ascript:x") == "javascript"


def test_video_only_on_the_allowed_hosts():
    hosts = video_hosts({})
    assert hosts == frozenset(SAFETY.defaults()["video_hosts"])
    assert video_problem("https://youtu.be/dQw4w9WgXcQ", hosts) is None
    assert video_problem("https://www.youtube.com/watch?v=x", hosts) is None
    for value in (
        "https://youtube.com.evil.example/watch",
        "https://evil.example/youtube.com",
        "https://www.youtube.com@evil.example/",
    ):
        assert video_problem(value, hosts) is not None, value
    found = video_problem("https://vimeo.com/1", hosts)
    assert found is not None
    assert "vimeo.com" in found.message
    assert "youtube.com" in found.suggestion
    assert (
        video_problem(
            "https://vimeo.com/1",
            video_hosts({"SAFETY": {"video_hosts": ["Vimeo.com."]}}),
        )
        is None
    )


def test_an_unknown_safety_setting_names_the_allowed_keys():
    with pytest.raises(ValueError, match="video_hosts"):
        video_hosts({"SAFETY": {"video_host": []}})


@pytest.mark.parametrize(
    "value",
    [
        "images/2025/foto.jpg",
        "/images/a b.jpg",
        "{static}/images/a.jpg",
        "images/imported/ab.webp",
    ],
)
def test_paths_inside_content_pass(value):
    assert content_path_problem(value) is None
    assert image_problem(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "../../.git/config",
        "images/../../secret.jpg",
        "{static}../x.jpg",
        "{static}javascript:alert(1)",
        "//evil.example/pixel.gif",
        "C:\\Users\\foto.jpg",
        "images\\foto.jpg",
        "file:///etc/passwd",
        "images/foto.jpg\u200b",
        "images/\tfoto.jpg",
        "javascript:alert(1)",
    ],
)
def test_paths_out_of_content_or_with_schemes_are_refused(value):
    assert image_problem(value) is not None, value


def test_remote_images_follow_the_web_rules():
    assert image_problem("https://cdn.example/a.jpg") is None
    assert image_problem("https://user@cdn.example/a.jpg") is not None
