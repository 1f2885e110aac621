"""The exact facts rewrites share: quotations and specific numbers."""

import datetime as dt

import pytest
from storykit import CITY, load_pairs, places, story_post, when

from pelita.core.stories import StoryText, Vocabulary, compare, features
from pelita.core.stories.anchors import numbers, quoted_shingles, quoted_spans
from pelita.core.stories.similarity import LATE_REWRITE, shared_anchors
from pelita.core.stories.text import unpack

REWRITES = {p["id"]: p for p in load_pairs("pairs-rewrites.yml")}


QUOTATIONS = [
    (
        'Ia berkata, "Ayo kita rawat kampung ini bersama."',
        ["Ayo kita rawat kampung ini bersama."],
    ),
    (
        "\u201cAyo kita rawat kampung,\u201d katanya. \u201cMulai dari selokan.\u201d",
        ["Ayo kita rawat kampung,", "Mulai dari selokan."],
    ),
    (
        "\u2018\u2019Ayo kita rawat kampung ini,\u2019\u2019 ujarnya.",
        ["Ayo kita rawat kampung ini,"],
    ),
    (
        "'Ayo kita rawat kampung ini,' ujar Lurah pada Jum'at pagi.",
        ["Ayo kita rawat kampung ini,"],
    ),
    ('Nilai "followers" naik.', []),
    (
        '"Kalimat tanpa penutup di sini\nParagraf berikut "tetap terbaca sebagai '
        'kutipan" ya',
        ["Kalimat tanpa penutup di sini", "tetap terbaca sebagai kutipan"],
    ),
]


@pytest.mark.parametrize(("text", "spans"), QUOTATIONS)
def test_quotations_are_read_per_paragraph_whatever_the_marks(text, spans):
    assert [" ".join(s.split()) for s in quoted_spans(text)] == spans


def test_quoted_runs_never_cross_two_quotations():
    one = '"Satu dua tiga empat lima." Lalu "enam tujuh delapan sembilan sepuluh."'
    joined = '"Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh."'
    assert len(unpack(quoted_shingles(one))) == 2
    assert len(unpack(quoted_shingles(joined))) == 6
    assert not unpack(quoted_shingles(one)) - unpack(quoted_shingles(joined))


NUMBERS = [
    (
        "Hubungi 0821-9999-6148, 0821 9999 6148 atau +62 821 9999 6148.",
        {"082199996148"},
    ),
    ("Telepon (024) 3544000 atau 112.", {"0243544000", "112"}),
    ("Sebanyak 1.200 warga dan 2.500 lowongan", {"1200", "2500"}),
    (
        "Rp2,5 miliar, Rp50 juta, Rp4.000 dan 10,4 persen",
        {"2500000000", "50000000", "4000", "10,4"},
    ),
    ("Pukul 08.00 WIB tahun 2026 di 16 kecamatan, RW 04, (27/1/2026)", set()),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_specific_numbers_are_normalized_and_the_common_kinds_left_out(text, expected):
    assert numbers(text) == expected


def other_news(start):
    """A week of unrelated posts: the original labelled pairs, all decided."""
    return [
        story_post(f"{p['id']}/{s}", {**p[s], "channel": f"x{n}"}, start, story="-")
        for n, p in enumerate(load_pairs())
        for s in "ab"
    ]


def late_pair(pair_id, hours):
    """Both posts of a tuning pair, ``hours`` apart, with a week's vocabulary."""
    pair = REWRITES[pair_id]
    start = when(pair["a"]["date"])
    a = story_post("a", pair["a"], start, pending=True)
    b = story_post("b", pair["b"], start + dt.timedelta(hours=hours), pending=True)
    return a, b, Vocabulary(p.features for p in [a, b, *other_news(start)])


def test_a_late_rewrite_sharing_a_quotation_and_numbers_is_the_same_story():
    a, b, vocabulary = late_pair("r-s01-admin-medsos-kelurahan", 42)
    verdict = compare(a.features, b.features, vocabulary, 42)
    assert verdict.lead < LATE_REWRITE  # the wording alone would not do
    assert verdict.same
    assert verdict.anchors.quote_runs >= 5
    assert "212" in verdict.anchors.numbers
    assert verdict.reason.endswith(
        "and the same quotation and numbers 082199996148, 212"
    )


def test_the_same_programme_a_day_later_shares_no_anchor():
    a, b, vocabulary = late_pair("r-d01-bimtek-medsos-dua-angkatan", 42)
    verdict = compare(a.features, b.features, vocabulary, 42)
    assert not verdict.same
    assert not shared_anchors(a.features, b.features, vocabulary)


def test_a_number_most_posts_print_is_no_anchor():
    hotline = "Aduan lewat Savira di 0821-9999-6148 dan Lapor Semar 0811-2700-2021."
    text = StoryText("Kabar", "", hotline)
    common = [features(StoryText(f"Kabar {n}", "", hotline)) for n in range(40)]
    vocabulary = Vocabulary(common)
    one, two = features(text), features(text)
    assert shared_anchors(one, two, vocabulary).numbers == ()
    assert shared_anchors(one, two, Vocabulary([one, two])).numbers == (
        "081127002021", "082199996148",
    )  # fmt: skip


def test_anchors_are_computed_once_with_the_features():
    post = features(
        StoryText(
            "Judul",
            "",
            '"Satu dua tiga empat lima enam," kata 212 orang 0821-1111-2222.',
        ),
        places(),
        CITY,
    )
    assert post.numbers == {"212", "082111112222"}
    assert len(unpack(post.quotes)) == 2
