"""Shared helpers for the share kit tests: facts, the palette, fit checks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pelita.build.ogcard.textfit import load_font
from pelita.build.sharekit import LINK, STORY, CardFormat, KitFacts, load_palette
from pelita.build.sharekit.design import SIZES, Composition

REPO = Path(__file__).resolve().parents[2]
THEME = REPO / "theme"
PALETTE = load_palette(
    THEME / "static/css/tokens.css",
    str(THEME / "fonts/NotoSans-Bold.ttf"),
    str(THEME / "fonts/NotoSans-Regular.ttf"),
)

ACHIEVEMENT = KitFacts(
    kind="prestasi",
    title="Kota Semarang Raih Adipura, Pengelolaan Sampah dari Kampung Jadi Penentu",
    date="Rabu, 18 Juni 2025",
    site="Pelita Semarang",
    url="https://pelita.example/prestasi/adipura-kota-semarang/",
    short_url="pelita.example/prestasi/adipura-kota-semarang",
    summary="Pengelolaan sampah berbasis kampung mengantar Semarang meraih Adipura.",
    award="Anugerah Adipura",
    level="Nasional",
    recipient="Dinas Lingkungan Hidup",
    giver="Kementerian Lingkungan Hidup",
    hashtags=("#SemarangHebat", "#DLHKotaSemarang", "#Prestasi"),
)
CLARIFICATION = KitFacts(
    kind="klarifikasi",
    title="Pesan Berantai Bantuan Tunai Rp2,5 Juta dari Pemkot Semarang Adalah Hoaks",
    date="Selasa, 12 Maret 2024",
    site="Pelita Semarang",
    url="https://pelita.example/klarifikasi/hoaks-bantuan-tunai-tautan-whatsapp/",
    short_url="pelita.example/klarifikasi/hoaks-bantuan-tunai-tautan-whatsapp",
    summary=(
        "Pemkot Semarang tidak pernah membuka pendaftaran bantuan lewat tautan "
        "di pesan berantai. Formulir itu meminta data pribadi dan kode OTP."
    ),
    claim=(
        "Pemerintah Kota Semarang membagikan bantuan tunai Rp2,5 juta kepada "
        "warga yang mengisi formulir di tautan yang disebar lewat WhatsApp."
    ),
    verdict="Hoaks",
    source="Dinas Komunikasi, Informatika, Statistik dan Persandian",
    hashtags=("#SemarangHebat", "#CekFakta", "#LawanHoaks"),
)

# 200 characters of a real-looking Indonesian headline.
TITLE_200 = (
    "Pemerintah Kota Semarang Meraih Penghargaan Pembangunan Daerah Terbaik "
    "Tingkat Provinsi Jawa Tengah untuk Ketiga Kalinya Berturut-turut berkat "
    "Inovasi Layanan Publik Digital di Enam Belas Kecamatan Kota"
)[:200]
# A 40-character word (a compound, a tag, a code) in a title.
LONG_WORD = "Penyelenggaraanpemerintahanberkelanjutan"


def with_lead(facts: KitFacts, text: str) -> KitFacts:
    """``facts`` whose every card leads with ``text``.

    The headline, and what a card shows instead of it: the claim of a
    clarification, the award of an achievement (on the link card).
    """
    if facts.is_clarification:
        return replace(facts, title=text, claim=text)
    return replace(facts, title=text, award=text if facts.award else "")


def lead(facts: KitFacts, fmt: CardFormat) -> str:
    """What a card leads with: the claim, the award on a link card, the headline."""
    if facts.is_clarification:
        return facts.claim or facts.title
    return facts.award if fmt is LINK and facts.award else facts.title


def squeezed(text: str) -> str:
    """Text without spaces, to compare what was drawn with what was asked."""
    return "".join(text.split())


def assert_fits(
    composition: Composition, must_show: str = "", may_shorten: bool = False
) -> None:
    """Every text inside the canvas, at a legible size, nothing cut.

    ``must_show`` must appear whole (every character, in order) in one text;
    other texts may lose words (with "…") only when ``may_shorten``.
    """
    fmt = composition.format
    # A story keeps its text out of the bands Instagram and WhatsApp cover.
    safe = SIZES[fmt.name].top if fmt is STORY else 0
    texts = [item for laid_out in composition.stacks for item in laid_out.texts]
    for item in texts:
        font = load_font(item.font, item.size)
        assert item.size >= fmt.min_text, (fmt.name, item.lines, item.size)
        assert item.x >= 0
        assert item.y >= safe
        assert item.y + item.height <= fmt.height - safe, (fmt.name, item.lines)
        assert may_shorten or not item.shortened, (fmt.name, item.lines)
        for line in item.lines:
            assert item.x + font.getlength(line) <= fmt.width, (fmt.name, line)
    if must_show:
        drawn = [squeezed("".join(item.lines)) for item in texts]
        assert any(squeezed(must_show) in text for text in drawn), (fmt.name, drawn)
        shown = [i for i in texts if squeezed(must_show) in squeezed("".join(i.lines))]
        assert not shown[0].shortened
