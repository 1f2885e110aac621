"""Every verdict of the post schema has its colour, class and rating in the theme."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from pelita.build.ogcard.tokens import style_from_tokens
from pelita.build.seo.jsonld import SiteInfo, claim_review
from pelita.build.themecontext.selection import verdict_is_true, verdict_slug
from pelita.core.schema import VERDICT_SET, VERDICTS, verdict_of
from pelita.core.themeassets import collect_assets

REPO = Path(__file__).resolve().parents[2]
STATIC = REPO / "theme" / "static"
TOKENS = (STATIC / "css" / "tokens.css").read_text(encoding="utf-8")


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def token(name: str) -> str:
    found = re.search(rf"--color-{re.escape(name)}:\s*(#[0-9a-fA-F]{{6}})\s*;", TOKENS)
    assert found, f"tokens.css lacks --color-{name}"
    return found.group(1)


def test_the_fact_checkers_verdicts_are_there_from_false_to_true():
    assert {"Hoaks", "Disinformasi", "Misinformasi", "Menyesatkan"} <= set(VERDICTS)
    assert {"Tidak Tepat", "Sebagian Benar", "Benar"} <= set(VERDICTS)
    ratings = [v.rating for v in VERDICT_SET]
    assert ratings == sorted(ratings)  # listed from false to true, as the select shows
    assert len({v.slug for v in VERDICT_SET}) == len(VERDICT_SET)
    assert verdict_of("  sebagian   BENAR ").name == "Sebagian Benar"
    assert verdict_of("Palsu") is None


@pytest.mark.parametrize("verdict", VERDICT_SET, ids=lambda v: v.slug)
def test_each_verdict_has_a_readable_colour_and_a_class_in_every_sheet(verdict):
    colour = token(verdict.token)
    white = 1.0
    contrast = (white + 0.05) / (luminance(colour) + 0.05)
    assert contrast >= 4.5, (verdict.name, colour, round(contrast, 2))
    assert verdict_slug(verdict.name) == verdict.slug
    rule = f".verdict--{verdict.slug}{{--verdict:var(--color-{verdict.token})}}"
    sheets = collect_assets(STATIC)
    for page in ("article", "home", "list", "bagikan"):
        css = sheets[f"css/pages/{page}.css"].data.decode()
        assert rule in css, (page, rule)
    # The share cards and link cards draw the stamp in the same colour.
    style = style_from_tokens(STATIC / "css" / "tokens.css", "bold", "regular")
    assert style.verdict_colors[verdict.name.casefold()] == colour


def test_the_colours_of_the_verdicts_tell_them_apart():
    colours = [token(v.token) for v in VERDICT_SET]
    assert len(set(colours)) == len(colours)


@pytest.mark.parametrize("verdict", VERDICT_SET, ids=lambda v: v.slug)
def test_claim_review_rates_each_verdict(verdict):
    article = SimpleNamespace(
        klaim="Klaim yang beredar.",
        putusan=verdict.name.upper(),
        url="klarifikasi/x/",
        date=datetime(2026, 1, 2, 9, tzinfo=ZoneInfo("Asia/Jakarta")),
    )
    site = SiteInfo(
        url="https://pelita.example", name="Pelita", publisher="Pemkot",
        language="id", timezone="Asia/Jakarta",
    )  # fmt: skip
    rating = claim_review(article, site)["reviewRating"]
    assert rating["ratingValue"] == verdict.rating
    assert rating["worstRating"] == 1 and rating["bestRating"] == 5
    assert verdict_is_true(verdict.name) == (verdict.name == "Benar")
