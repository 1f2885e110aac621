"""Captions: Indonesian text, the link, clean hashtags; within X's limit."""

from dataclasses import replace
from urllib.parse import unquote

from pelita.build.sharekit import captions, hashtag, hashtags, whatsapp_url
from pelita.build.sharekit.captions import X_LIMIT, x_length

from .kittest import ACHIEVEMENT, CLARIFICATION, TITLE_200


def test_hashtags_are_letters_and_digits_in_camel_case():
    assert hashtag("kampung hijau") == "KampungHijau"
    assert hashtag("DLH Kota Semarang") == "DLHKotaSemarang"
    assert hashtag("Semarang Tengah") == "SemarangTengah"
    assert hashtag("Jum'at Bersih") == "JumatBersih"
    assert hashtag("Rp2,5 juta #bansos!") == "Rp25JutaBansos"
    assert hashtag("17 Agustus") == "17Agustus"


def test_tags_without_a_letter_or_too_long_are_left_out():
    assert hashtag("2025") == ""
    assert hashtag("  -- ") == ""
    assert hashtag("🏆✨") == ""
    assert hashtag("kata " * 12) == ""


def test_hashtags_have_no_duplicates_whatever_the_case_and_respect_the_limit():
    found = hashtags(
        ["SemarangHebat", "Tembalang", "", "UMKM", "umkm", "2025", "Umkm", "Kuliner",
         "Wisata", "Batik"],
        limit=5,
    )  # fmt: skip
    assert found == ("#SemarangHebat", "#Tembalang", "#UMKM", "#Kuliner", "#Wisata")


def test_the_feed_caption_has_the_title_award_link_and_hashtags():
    text = captions(ACHIEVEMENT)["portrait"]
    assert text.startswith(ACHIEVEMENT.title + "\n\n")
    assert "Penghargaan: Anugerah Adipura" in text
    assert "Penerima: Dinas Lingkungan Hidup" in text
    assert "Pemberi: Kementerian Lingkungan Hidup" in text
    assert f"Selengkapnya: {ACHIEVEMENT.url}" in text
    assert text.endswith("#SemarangHebat #DLHKotaSemarang #Prestasi")
    assert "\n\n\n" not in text


def test_without_a_summary_the_award_becomes_a_sentence():
    text = captions(replace(ACHIEVEMENT, summary=""))["portrait"]
    assert (
        "Dinas Lingkungan Hidup meraih Anugerah Adipura dari Kementerian "
        "Lingkungan Hidup (tingkat nasional)." in text
    )


def test_a_clarification_caption_labels_the_verdict_and_gives_the_facts():
    feed = captions(CLARIFICATION)["portrait"]
    assert feed.startswith("[HOAKS] ")
    assert f"Klaim: {CLARIFICATION.claim}" in feed
    assert f"Faktanya: {CLARIFICATION.summary}" in feed
    assert CLARIFICATION.url in feed
    link = captions(CLARIFICATION)["link"]
    assert link.startswith("*[HOAKS]* ")
    assert "*Faktanya:*" in link


def test_the_status_caption_is_short_with_three_hashtags():
    text = captions(ACHIEVEMENT)["story"]
    assert ACHIEVEMENT.url in text
    assert text.count("#") == 3
    assert len(text) < 250


def test_the_link_caption_fits_x_even_for_long_text():
    long = replace(ACHIEVEMENT, title=TITLE_200, summary=TITLE_200 * 2)
    for facts in (ACHIEVEMENT, long, replace(CLARIFICATION, claim=TITLE_200 * 3)):
        text = captions(facts)["link"]
        assert x_length(text) <= X_LIMIT, text
        assert facts.url in text


def test_the_whatsapp_link_carries_the_caption_and_canonical_url():
    link = whatsapp_url(captions(ACHIEVEMENT)["link"])
    assert link.startswith("https://wa.me/?text=")
    assert ACHIEVEMENT.url in unquote(link)
    assert " " not in link
    assert "\n" not in link
