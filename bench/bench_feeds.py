"""Deterministic WordPress-like feeds for the import benchmark.

Each entry has the size and shape of a city department's press release:
paragraphs with links and emphasis, a lazy-loaded figure with a caption, a
list, categories, an author and a GUID, about 3 KB of HTML.
"""

from __future__ import annotations

import datetime as dt
import random

WORDS = (
    "warga",
    "kota",
    "semarang",
    "kelurahan",
    "kecamatan",
    "layanan",
    "program",
    "pelatihan",
    "dinas",
    "pemerintah",
    "kegiatan",
    "masyarakat",
    "pembangunan",
    "jalan",
    "taman",
    "sekolah",
    "kesehatan",
    "puskesmas",
    "pasar",
    "umkm",
    "wisata",
    "budaya",
    "festival",
    "lingkungan",
    "sampah",
    "banjir",
    "prestasi",
    "penghargaan",
    "nasional",
    "provinsi",
    "inovasi",
    "digital",
    "data",
    "terbuka",
)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _content(rng: random.Random, channel: int, entry: int) -> str:
    host = f"https://c{channel:03d}.bench.test"
    paragraphs = []
    for index in range(6):
        sentence = " ".join(_sentence(rng, rng.randint(10, 18)) for _ in range(3))
        paragraphs.append(
            f'<p>{sentence} Baca <a href="{host}/berita/{entry}-{index}/">'
            f"kabar terkait</a> dan <strong>{rng.choice(WORDS)}</strong> "
            f"<em>{rng.choice(WORDS)}</em>.</p>"
        )
    figure = (
        '<figure class="wp-block-image"><img src="data:image/gif;base64,R0lGODlh" '
        f'data-src="/wp-content/uploads/2024/10/foto-{entry}.jpg" alt="Foto '
        f'{rng.choice(WORDS)}" width="1024" height="683"><figcaption>'
        f"{_sentence(rng, 8)}</figcaption></figure>"
    )
    items = "".join(f"<li>{_sentence(rng, 5)}</li>" for _ in range(4))
    return "\n".join([paragraphs[0], figure, *paragraphs[1:4], f"<ul>{items}</ul>",
                      *paragraphs[4:]])  # fmt: skip


def feed_document(channel: int, entries: int) -> bytes:
    """The RSS 2.0 feed of one channel."""
    rng = random.Random(channel)
    host = f"https://c{channel:03d}.bench.test"
    start = dt.datetime(2024, 10, 1, 8, tzinfo=dt.UTC)
    items = []
    for entry in range(entries):
        when = start - dt.timedelta(hours=6 * entry + channel)
        title = _sentence(rng, rng.randint(5, 10)).rstrip(".")
        items.append(
            f"<item><title>{title}</title>"
            f"<link>{host}/{when:%Y/%m}/berita-{entry}/</link>"
            f"<dc:creator><![CDATA[Admin {channel}]]></dc:creator>"
            f"<pubDate>{when:%a, %d %b %Y %H:%M:%S} +0000</pubDate>"
            f"<category><![CDATA[{rng.choice(WORDS).title()}]]></category>"
            f'<guid isPermaLink="false">{host}/?p={1000 + entry}</guid>'
            f"<description><![CDATA[{_sentence(rng, 20)} [&#8230;]]]></description>"
            f"<content:encoded><![CDATA[{_content(rng, channel, entry)}]]>"
            "</content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>Kanal {channel}</title><link>{host}</link>"
        f"<description>Kanal {channel}</description>{''.join(items)}"
        "</channel></rss>"
    ).encode()
