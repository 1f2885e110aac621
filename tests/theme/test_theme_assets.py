"""The published hub's theme files: one fingerprinted stylesheet per page,
holding every rule the page's classes need."""

from __future__ import annotations

import re
from pathlib import Path

from pelita.tools.sitecheck.budgets import html_pages

from .conftest import Site

REPO = Path(__file__).resolve().parents[2]
FINGERPRINTED = re.compile(r"[a-z-]+\.[0-9a-f]{10}\.(css|js|svg)")
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
_CLASS_SELECTOR = re.compile(r"\.([a-zA-Z][\w-]*)")
_NOT_SELECTORS = re.compile(r"/\*.*?\*/|url\([^)]*\)", re.S)


def classes_styled_by(css: str) -> set[str]:
    """Class names that appear in the selectors of ``css``."""
    return set(_CLASS_SELECTOR.findall(_NOT_SELECTORS.sub("", css)))


def test_every_theme_file_is_published_under_a_fingerprinted_name(published: Site):
    files = [p for p in (published.output / "theme").rglob("*") if p.is_file()]
    assert files
    for path in files:
        assert FINGERPRINTED.fullmatch(path.name), path
    assert not list((published.output / "theme").rglob("parts"))


def test_each_page_blocks_on_one_stylesheet_with_every_rule_its_classes_need(
    published: Site,
):
    theme_css = REPO / "theme" / "static" / "css"
    styled = set()
    for path in theme_css.rglob("*.css"):
        styled |= classes_styled_by(path.read_text(encoding="utf-8"))
    sheets: dict[str, set[str]] = {}
    missing: dict[str, set[str]] = {}
    pages = html_pages(published.output)
    for page in pages:
        html = (published.output / page).read_text(encoding="utf-8")
        links = _STYLESHEET.findall(html)
        assert len(links) == 1, (page, links)
        url = links[0].removeprefix(published.url + "/")
        if url not in sheets:
            sheets[url] = classes_styled_by(
                (published.output / url).read_text(encoding="utf-8")
            )
        used = set()
        for value in re.findall(r'class="([^"]*)"', html):
            used |= set(value.split())
        lacking = (used & styled) - sheets[url]
        if lacking:
            missing[page] = lacking
    assert missing == {}
    assert len(sheets) >= 8  # one per page type, not one for all
    assert len(pages) > 100
