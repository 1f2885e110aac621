"""Which posts get a kit, and what their cards say, from article-like objects."""

import datetime as dt
from types import SimpleNamespace

from pelita.build.sharekit.facts import (
    Site,
    kit_articles,
    kit_facts,
    kit_kind,
    plain,
    post_url,
)
from pelita.core.prestasi.model import Award

WIB = dt.timezone(dt.timedelta(hours=7))
SITE = Site(
    name="Pelita Semarang", url="https://www.kabar.example.id", city="Kota Semarang",
    timezone="Asia/Jakarta", clarification_category="Klarifikasi",
    hashtags=("SemarangHebat",), category_hashtags={"Klarifikasi": ["CekFakta"]},
    opd_suffix="KotaSemarang", max_hashtags=8,
    opd_name=lambda v: {"dlh": "Dinas Lingkungan Hidup"}.get(v, v),
    opd_short=lambda v: {"dlh": "DLH"}.get(v, v),
)  # fmt: skip


META = {"duplicate_of", "story", "summary", "penghargaan", "pemberi", "tingkat",
        "penerima"}  # fmt: skip


def post(slug="x", category="Berita", day=1, **extra):
    """An article as Pelican gives it: metadata keys, and attributes."""
    metadata = {k: v for k, v in extra.items() if k in META}
    fields = {"tags": [], **{k: v for k, v in extra.items() if k not in META}}
    return SimpleNamespace(
        slug=slug, url=f"{category.casefold()}/{slug}/", title=f"Judul {slug}",
        category=category, date=dt.datetime(2026, 11, day, 9, tzinfo=WIB),
        metadata=metadata, **fields,
    )  # fmt: skip


AWARD = Award(name="Anugerah Adipura", giver="KLH", level="nasional",
              recipient="Dinas Lingkungan Hidup", kecamatan=("Tembalang",))  # fmt: skip


def test_kinds_duplicates_and_the_admins_override():
    assert kit_kind(post(category="Klarifikasi"), "Klarifikasi") == "klarifikasi"
    assert kit_kind(post(prestasi=AWARD, award=AWARD), "Klarifikasi") == "prestasi"
    assert kit_kind(post(prestasi=None, award=None), "Klarifikasi") is None
    assert kit_kind(post(prestasi=AWARD, duplicate_of="y"), "Klarifikasi") is None
    # Without the prestasi plugin: the theme's rule on the metadata.
    assert kit_kind(post(category="Prestasi"), "Klarifikasi") == "prestasi"
    assert kit_kind(post(category="Prestasi", prestasi="tidak"), "Klarifikasi") is None
    assert kit_kind(post(prestasi="ya"), "Klarifikasi") == "prestasi"
    assert kit_kind(post(), "Klarifikasi") is None


def test_without_the_prestasi_plugin_the_award_comes_from_metadata():
    article = post(category="Prestasi", penghargaan="Adipura", tingkat="Nasional",
                   pemberi="KLH", penerima="DLH")  # fmt: skip
    facts = kit_facts(article, "prestasi", SITE)
    assert (facts.award, facts.level, facts.giver, facts.recipient) == (
        "Adipura", "Nasional", "KLH", "DLH",
    )  # fmt: skip


def test_only_the_walls_achievements_and_the_first_clarification_of_a_story():
    shown, hidden = post("a", prestasi=AWARD), post("b", prestasi=AWARD)
    first = post("c", "Klarifikasi", day=2, story="s1")
    later = post("d", "Klarifikasi", day=5, story="s1")
    alone = post("e", "Klarifikasi", day=3)
    chosen = kit_articles([later, shown, hidden, first, alone], [shown], "Klarifikasi")
    assert [a.slug for a, _ in chosen] == ["a", "c", "e"]


def test_canonical_and_short_urls():
    assert post_url(post("adipura", "Prestasi"), SITE) == (
        "https://www.kabar.example.id/prestasi/adipura/",
        "kabar.example.id/prestasi/adipura",
    )
    relative = Site(**{**SITE.__dict__, "url": ""})
    assert post_url(post("a"), relative) == ("/berita/a/", "/berita/a")


def test_hashtags_from_kecamatan_opd_category_and_tags():
    article = post("a", "Prestasi", prestasi=AWARD, opd="dlh",
                   tags=["kampung hijau", "Tembalang"])  # fmt: skip
    facts = kit_facts(article, "prestasi", SITE)
    assert facts.hashtags == (
        "#SemarangHebat", "#Tembalang", "#DLHKotaSemarang", "#Prestasi",
        "#KampungHijau",
    )  # fmt: skip
    assert facts.date == "Minggu, 1 November 2026"
    assert facts.level == "Nasional"


def test_a_clarification_names_its_opd_as_source_and_reads_plain_text():
    article = post("h", "Klarifikasi", opd="dlh", klaim="Klaim <b>palsu</b> &amp; lain",
                   putusan="Hoaks", summary="Faktanya begini.")  # fmt: skip
    facts = kit_facts(article, "klarifikasi", SITE)
    assert facts.claim == "Klaim palsu & lain"
    assert facts.source == "Dinas Lingkungan Hidup"
    assert facts.summary == "Faktanya begini."
    assert facts.hashtags == ("#SemarangHebat", "#DLHKotaSemarang", "#CekFakta")
    assert plain("a\n  <i>b</i> &lt;c&gt;") == "a b <c>"


def test_entities_are_decoded_once_with_or_without_tags():
    """A post about ``&amp;`` itself keeps that text on its card and caption."""
    assert plain("<b>Kode</b> &amp;amp; artinya") == "Kode &amp; artinya"
    assert plain("Kode &amp;amp; artinya") == "Kode &amp; artinya"
    assert plain("<p>Satu</p><p>Dua</p>") == "Satu Dua"
