"""Kit cards: dimensions, weight, and text that fits at a legible size."""

import io
from dataclasses import replace

import pytest
from PIL import Image

from pelita.build.ogcard.card import encode_png
from pelita.build.sharekit import FORMATS, LINK, PORTRAIT, STORY, compose, render
from pelita.core.schema import VERDICTS

from .kittest import (
    ACHIEVEMENT,
    CLARIFICATION,
    LONG_WORD,
    PALETTE,
    TITLE_200,
    assert_fits,
    lead,
    with_lead,
)

MAX_BYTES = 300_000
SIZES = {"portrait": (1080, 1350), "story": (1080, 1920), "link": (1200, 630)}


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
@pytest.mark.parametrize(
    "facts", [ACHIEVEMENT, CLARIFICATION], ids=["prestasi", "hoaks"]
)
def test_every_card_has_its_size_and_stays_under_300_kb(fmt, facts):
    data = encode_png(render(compose(facts, fmt, PALETTE), PALETTE))
    assert len(data) < MAX_BYTES
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG"
        assert image.size == SIZES[fmt.name]


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_real_posts_fit_without_losing_a_word(fmt):
    for facts in (ACHIEVEMENT, CLARIFICATION):
        composition = compose(facts, fmt, PALETTE)
        # Only the link card's teaser of the facts may end in "…".
        teaser = fmt is LINK and facts.is_clarification
        assert_fits(composition, lead(facts, fmt), may_shorten=teaser)


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_a_200_character_title_fits_whole_and_legible(fmt):
    assert len(TITLE_200) == 200
    for facts in (ACHIEVEMENT, CLARIFICATION, replace(ACHIEVEMENT, award="")):
        composition = compose(with_lead(facts, TITLE_200), fmt, PALETTE)
        assert_fits(composition, TITLE_200, may_shorten=True)
    for facts in (ACHIEVEMENT, replace(ACHIEVEMENT, award="")):
        # A long headline with a usual award: nothing needs to be shortened.
        composition = compose(replace(facts, title=TITLE_200), fmt, PALETTE)
        assert_fits(composition, facts.award if fmt is LINK and facts.award else "")


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_a_40_character_word_is_broken_not_clipped(fmt):
    title = f"Kelurahan Meteseh Raih Penghargaan {LONG_WORD} Tingkat Nasional"
    assert len(LONG_WORD) == 40
    for facts in (ACHIEVEMENT, CLARIFICATION):
        teaser = fmt is LINK and facts.is_clarification
        composition = compose(with_lead(facts, title), fmt, PALETTE)
        assert_fits(composition, title, may_shorten=teaser)


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_long_award_fields_and_a_long_url_still_fit(fmt):
    facts = replace(
        ACHIEVEMENT,
        title=TITLE_200,
        award="Penghargaan Gerakan Menuju Kota Cerdas, Kategori Tata Kelola Cerdas "
        * 2,
        recipient="Dinas Komunikasi, Informatika, Statistik dan Persandian",
        giver="Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan",
        short_url="kabar.semarangkota.go.id/prestasi/" + "judul-yang-panjang-" * 4,
    )
    composition = compose(facts, fmt, PALETTE)
    assert_fits(composition, facts.award if fmt is LINK else TITLE_200, True)
    assert_fits(composition, facts.short_url, may_shorten=True)


def drawn_text(composition) -> str:
    """Every text and label drawn on a card, in drawing order."""
    return " ".join(
        " ".join(item.lines) if hasattr(item, "lines") else item.pill.text
        for laid_out in composition.stacks
        for item in laid_out.items
        if hasattr(item, "lines") or hasattr(item, "pill")
    )


def test_the_cards_show_the_award_recipient_giver_date_site_and_url():
    drawn = drawn_text(compose(ACHIEVEMENT, PORTRAIT, PALETTE))
    for text in ("Anugerah Adipura", "Dinas Lingkungan Hidup", "TINGKAT NASIONAL",
                 "Kementerian Lingkungan Hidup", "Rabu, 18 Juni 2025",
                 "Pelita Semarang"):  # fmt: skip
        assert text in drawn
    assert "".join(ACHIEVEMENT.short_url.split()) in drawn.replace(" ", "")


def test_a_clarification_card_shows_the_claim_verdict_facts_and_source():
    composition = compose(CLARIFICATION, STORY, PALETTE)
    drawn = " ".join(
        " ".join(item.lines) for s in composition.stacks for item in s.texts
    )
    pills = [
        i.pill.text for s in composition.stacks for i in s.items if hasattr(i, "pill")
    ]
    assert pills[0] == "HOAKS"
    assert "Faktanya".upper() in drawn
    assert "Wali" not in drawn
    assert "Pemkot Semarang tidak pernah" in drawn
    assert "Sumber: Dinas Komunikasi" in drawn


def test_the_verdict_stamp_is_drawn_in_the_verdicts_colour():
    for verdict in VERDICTS:  # every verdict of the post schema has its own stamp
        colour = PALETTE.verdicts[verdict.casefold()]
        image = render(compose(replace(CLARIFICATION, verdict=verdict), LINK, PALETTE),
                       PALETTE)  # fmt: skip
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert rgb in {c for _, c in image.getcolors(1_000_000)}


def test_a_clarification_without_claim_or_summary_shows_its_title():
    bare = replace(CLARIFICATION, claim="", summary="", verdict="")
    for fmt in FORMATS:
        assert_fits(compose(bare, fmt, PALETTE), bare.title)


def test_an_achievement_without_award_fields_shows_its_title():
    bare = replace(ACHIEVEMENT, award="", level="", recipient="", giver="")
    for fmt in FORMATS:
        assert_fits(compose(bare, fmt, PALETTE), bare.title)


def test_a_clarification_card_is_labelled_with_the_site_s_own_category_name():
    """A city that names its clarifications "Cek Fakta" gets that on the cards."""
    renamed = replace(CLARIFICATION, category="Cek Fakta")
    pills = [
        i.pill.text
        for s in compose(renamed, STORY, PALETTE).stacks
        for i in s.items
        if hasattr(i, "pill")
    ]
    assert "CEK FAKTA" in pills
    assert "KLARIFIKASI" not in pills
