"""The demo hub: a kit for every achievement and clarification, and nothing else."""

import datetime as dt
import io
import json
import re
from html import unescape

import pytest
from PIL import Image

from pelita.build.sharekit import FORMATS, LINK, compose

from .kittest import ACHIEVEMENT, CLARIFICATION, PALETTE, assert_fits, with_lead

SIZES = {"portrait": (1080, 1350), "story": (1080, 1920), "link": (1200, 630)}
CARD = re.compile(r'href="([^"]+-(portrait|story|link)\.png)" download=')


def kit_posts(output) -> dict[str, dt.date]:
    """The awards wall's posts and every clarification, with their dates."""
    wall = json.loads((output / "prestasi/prestasi.json").read_text())
    posts = {
        row["url"].lstrip("/"): dt.date.fromisoformat(row["tanggal"])
        for row in wall["prestasi"]
    }
    for page in (output / "klarifikasi").glob("*/index.html"):
        stamp = re.search(r'<time datetime="([^"]+)"', page.read_text()).group(1)
        posts[f"klarifikasi/{page.parent.name}/"] = dt.date.fromisoformat(stamp[:10])
    return posts


def article_pages(output) -> dict[str, str]:
    pages = {}
    for page in output.glob("*/*/index.html"):
        html = page.read_text(encoding="utf-8")
        if 'property="og:type" content="article"' in html:
            pages[f"{page.parent.parent.name}/{page.parent.name}/"] = html
    return pages


def test_every_achievement_and_clarification_has_a_kit_and_nothing_else(demo_output):
    expected = kit_posts(demo_output)
    assert len(expected) >= 20
    pages = article_pages(demo_output)
    with_kit = {path for path, html in pages.items() if 'id="bagikan"' in html}
    assert with_kit == set(expected)
    for path in expected:
        cards = CARD.findall(pages[path])
        assert [kind for _, kind in cards] == ["portrait", "story", "link"], path
        for href, kind in cards:
            target = (demo_output / path / href).resolve()
            data = target.read_bytes()
            assert len(data) < 300_000
            with Image.open(io.BytesIO(data)) as image:
                assert image.size == SIZES[kind]


def test_the_longest_demo_title_fits_every_card(demo_output):
    titles = [
        unescape(re.search(r"<h1>(.*?)</h1>", html, re.S).group(1))
        for html in article_pages(demo_output).values()
    ]
    longest = max(titles, key=len)
    assert len(longest) > 80
    for fmt in FORMATS:
        for facts in (ACHIEVEMENT, CLARIFICATION):
            teaser = fmt is LINK and facts.is_clarification
            composition = compose(with_lead(facts, longest), fmt, PALETTE)
            assert_fits(composition, longest, may_shorten=teaser)


def test_bagikan_lists_the_kits_since_the_day_it_names(demo_output):
    html = (demo_output / "bagikan/index.html").read_text(encoding="utf-8")
    since = dt.date.fromisoformat(
        re.search(r'data-since="([^"]+)"', html).group(1)[:10]
    )
    expected = {p for p, day in kit_posts(demo_output).items() if day >= since}
    listed = re.findall(r'<h2><a href="\.\./([^"#]+)#bagikan">', html)
    assert sorted(listed) == sorted(expected)
    if not expected:
        assert "Belum ada prestasi atau klarifikasi" in html


@pytest.mark.parametrize("kind", ["portrait", "story", "link"])
def test_cards_are_named_by_content_hash(demo_output, kind):
    names = [p.name for p in (demo_output / "bagikan").rglob(f"*-{kind}.png")]
    assert len(names) >= 20
    assert all(re.fullmatch(rf"[0-9a-f]{{16}}-{kind}\.png", name) for name in names)
