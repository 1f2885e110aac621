"""The pure tagger against the hazards of real text (no Pelican here)."""

import pytest

from pelita.core.wilayah import match_wilayah
from pelita.core.wilayah.text import prepare

from .conftest import kecamatan_names, kelurahan_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BANYUMANIK GELAR PASAR MURAH", ["Banyumanik"]),
        ("layanan di kec. tembalang dibuka", ["Tembalang"]),
        ("Posyandu Kel. Tanjung Mas juara", ["Semarang Utara"]),
        ("Warga Tanjungmas terima pompa", ["Semarang Utara"]),
        ("Jembatan Gunung Pati selesai", ["Gunungpati"]),
        ("Lomba mural di Gajah Mungkur", ["Gajahmungkur"]),
        ("Genangan di Kedung Mundu", ["Tembalang"]),
        ("Durian Pudak-Payung", ["Banyumanik"]),
        ("Kecamatan  Semarang\nTengah", ["Semarang Tengah"]),
        ("Mugassari dan Bendan Duwur", ["Semarang Selatan", "Gajahmungkur"]),
        (
            "Wonotinggal, Kelurahan Beringin, Tawang Mas",
            ["Candisari", "Ngaliyan", "Semarang Barat"],
        ),
    ],
)
def test_case_spacing_and_other_spellings(tagger, text, expected):
    assert kecamatan_names(match_wilayah(text, tagger)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gubernur Jawa Tengah meresmikan gedung baru",
        "Pemkot Semarang Tengah Siapkan Anggaran Banjir",
        "Kota Semarang tengah bersiap menghadapi musim hujan",
        "Kota Semarang.\n\nTengah malam nanti jalan ditutup",
        "Semarang, Jawa Tengah",
        "Wali Kota Semarang membuka festival",
    ],
)
def test_jawa_tengah_and_the_city_are_not_semarang_tengah(tagger, text):
    assert match_wilayah(text, tagger) == []


@pytest.mark.parametrize(
    "text",
    [
        "Wisatawan padati Bandungan, Ambarawa dan Ungaran",
        "Kecamatan Bringin Kabupaten Semarang panen raya",
        "Bringin, Kabupaten Semarang",
        "Sekolah di Kranggan Ambarawa terendam",
        "Kelurahan Genuk, Ungaran Barat, gelar festival kopi",
        "Desa Kembangarum Mranggen gelar sedekah bumi",
        "Longsor di Kecamatan Sukorejo Kendal",
        "Kelurahan Kauman, Kota Kudus",
        "Warga Mijen Demak terdampak banjir",
        "Studi banding ke Kabupaten Karanganyar",
    ],
)
def test_places_outside_the_city_do_not_match(tagger, text):
    assert match_wilayah(text, tagger) == []


def test_an_ordinary_word_after_a_name_is_not_an_outside_place(tagger):
    assert kecamatan_names(match_wilayah("petani Ngijo, jambu kristal", tagger)) == [
        "Gunungpati"
    ]
    assert kecamatan_names(match_wilayah("Kauman, Kota Semarang", tagger)) == [
        "Semarang Tengah"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Warga membangun tugu peringatan banjir", []),
        ("Renovasi Tugu Muda rampung", []),
        ("Napak tilas ke Tugu Pahlawan", []),
        ("Tugu itu setinggi tiga meter", []),
        ("Camat Tugu meninjau abrasi", ["Tugu"]),
        ("Kecamatan Tugu gelar lomba perahu", ["Tugu"]),
        ("Warga Tugu dilatih tanggap bencana", ["Tugu"]),
        ("Nelayan Mangkang Wetan berfoto di Tugu", ["Tugu"]),
        ("RSUD Tugurejo buka layanan malam", ["Tugu"]),
    ],
)
def test_tugu_the_common_noun_and_tugu_the_kecamatan(tagger, text, expected):
    assert kecamatan_names(match_wilayah(text, tagger)) == expected


def test_tugu_muda_stays_a_monument_even_when_tugu_is_named(tagger):
    matches = match_wilayah("Warga Kecamatan Tugu berfoto di Tugu Muda", tagger)
    assert [m.text for m in matches] == ["Tugu"]


@pytest.mark.parametrize(
    ("text", "kecamatan", "kelurahan"),
    [
        ("Kelurahan Purwosari juara lomba", [], []),
        ("Kelurahan Mangunharjo gelar musrenbang", [], []),
        ("Kelurahan Purwosari, Kecamatan Mijen", ["Mijen"], ["Purwosari"]),
        ("Purwosari, Semarang Utara", ["Semarang Utara"], ["Purwosari"]),
        ("Mangunharjo, Tugu", ["Tugu"], ["Mangunharjo"]),
        (
            "Kecamatan Tembalang: Mangunharjo dan Meteseh",
            ["Tembalang"],
            ["Mangunharjo", "Meteseh"],
        ),
        ("Mangunharjo dekat Stasiun Poncol; Mijen", ["Mijen"], []),
    ],
)
def test_shared_kelurahan_names_need_their_kecamatan(
    tagger, text, kecamatan, kelurahan
):
    matches = match_wilayah(text, tagger)
    assert kecamatan_names(matches) == kecamatan
    assert kelurahan_names(matches) == kelurahan


def test_purwosari_takes_the_nearest_kecamatan_when_both_are_named(tagger):
    text = "Rapat di Mijen. Esoknya Kelurahan Purwosari, Semarang Utara, kerja bakti."
    (purwosari,) = [m for m in match_wilayah(text, tagger) if m.kelurahan]
    assert purwosari.kecamatan.nama == "Semarang Utara"


@pytest.mark.parametrize(
    "name",
    [
        "Gayamsari",
        "Gajahmungkur",
        "Tembalang",
        "Banyumanik",
        "Gunungpati",
        "Mijen",
        "Ngaliyan",
    ],
)
def test_seven_kelurahan_share_their_kecamatan_name(tagger, name):
    bare = match_wilayah(f"Warga {name} kerja bakti", tagger)
    assert [(m.kecamatan.nama, m.kelurahan) for m in bare] == [(name, None)]
    (kel,) = match_wilayah(f"Kantor Kelurahan {name} direnovasi", tagger)
    assert (kel.kecamatan.nama, kel.kelurahan.nama) == (name, name)
    (kec,) = match_wilayah(f"Kecamatan {name} juara", tagger)
    assert kec.kelurahan is None


@pytest.mark.parametrize(
    ("text", "kecamatan", "kelurahan"),
    [
        ("Genuksari jadi kampung tangguh rob", ["Genuk"], ["Genuksari"]),
        ("Candisari", ["Candisari"], []),
        ("Warga Tugurejo", ["Tugu"], ["Tugurejo"]),
        ("Jalan Pandanaran ditutup", [], []),
        ("Jalan Gajah Mada macet", [], []),
        ("Pedurungannya ramai", [], []),
    ],
)
def test_whole_words_only(tagger, text, kecamatan, kelurahan):
    matches = match_wilayah(text, tagger)
    assert kecamatan_names(matches) == kecamatan
    assert kelurahan_names(matches) == kelurahan


def test_a_street_counts_for_the_kecamatan_not_the_kelurahan(tagger):
    (match,) = match_wilayah("Perbaikan Jalan Kedungmundu Raya dikebut", tagger)
    assert (match.kecamatan.nama, match.kelurahan, match.via) == (
        "Tembalang",
        None,
        "street",
    )
    (raya,) = match_wilayah("Pohon tumbang di Jl. Raya Kaligawe", tagger)
    assert (raya.kecamatan.nama, raya.kelurahan) == ("Gayamsari", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pondok pesantren menggelar santunan", []),
        ("Kelurahan Pesantren gelar festival durian", ["Mijen"]),
        ("Pesantren dan Purwosari di Mijen", ["Mijen"]),
        ("PSIS kalah di laga tandang", []),
        ("Kelurahan Tandang resmikan rumah pompa", ["Tembalang"]),
        ("Perajin kuningan pamerkan karya", []),
        ("Banjir rendam Kuningan dan Bandarharjo", ["Semarang Utara"]),
        ("Pohon beringin tumbang", []),
        ("Anak muda kudu melek digital", []),
        ("Bu Candi, kader posyandu di Kalicari", ["Pedurungan"]),
        ("Lansia Kelurahan Candi diperiksa", ["Candisari"]),
        ("Hamparan sawah besar di pinggir kota", []),
        ("Senam di Sawah Besar", ["Gayamsari"]),
    ],
)
def test_names_that_are_also_ordinary_words(tagger, text, expected):
    assert kecamatan_names(match_wilayah(text, tagger)) == expected


def test_a_wrong_level_qualifier_means_another_place(tagger):
    assert match_wilayah("Kecamatan Wonosari", tagger) == []  # kelurahan here
    assert match_wilayah("Kelurahan Genuk", tagger) == []  # kecamatan here


def test_a_kecamatan_after_its_kelurahan_is_an_address_not_a_list(tagger):
    matches = match_wilayah("di Kelurahan Kandri, Gunungpati, dan Ngijo", tagger)
    assert [(m.text, m.kelurahan and m.kelurahan.nama) for m in matches] == [
        ("Kandri", "Kandri"),
        ("Gunungpati", None),
        ("Ngijo", "Ngijo"),
    ]


def test_city_wide_facilities_do_not_tag_their_namesake(tagger):
    assert match_wilayah("Sampah yang masuk ke TPA Jatibarang turun", tagger) == []
    (waduk,) = match_wilayah("Debit Waduk Jatibarang naik", tagger)
    assert (waduk.kecamatan.nama, waduk.kelurahan) == ("Gunungpati", None)


def test_a_qualifier_carries_over_a_list(tagger):
    matches = match_wilayah("Kecamatan Mijen dan Tugu", tagger)
    assert kecamatan_names(matches) == ["Mijen", "Tugu"]
    kels = match_wilayah("Kelurahan Jabungan dan Pedalangan", tagger)
    assert kelurahan_names(kels) == ["Jabungan", "Pedalangan"]


def test_areas_and_landmarks_count_for_their_kecamatan(tagger):
    text = "Dari Lawang Sewu ke Sam Poo Kong lalu Goa Kreo dan Srondol"
    matches = match_wilayah(text, tagger)
    assert kecamatan_names(matches) == [
        "Semarang Tengah",
        "Semarang Barat",
        "Gunungpati",
        "Banyumanik",
    ]
    assert {m.via for m in matches} == {"place"}
    assert all(m.kelurahan is None for m in matches)


def test_hashtags_are_read_as_words(tagger):
    text = "#KecamatanTembalang #kelurahansekayu #GunungpatiHijau #tugu"
    matches = match_wilayah(text, tagger)
    assert kecamatan_names(matches) == ["Tembalang", "Semarang Tengah", "Gunungpati"]


def test_urls_and_email_addresses_are_not_prose(tagger):
    text = "Selengkapnya: https://tembalang.semarangkota.go.id/berita/genuk"
    assert match_wilayah(text, tagger) == []
    assert match_wilayah("Surel: kec.tembalang@semarangkota.go.id", tagger) == []


def test_invisible_characters_and_fullwidth_letters_hide_nothing(tagger):
    text = "Warga Tem\u200bbalang dan \uff2d\uff49\uff4a\uff45\uff4e"
    assert kecamatan_names(match_wilayah(text, tagger)) == ["Tembalang", "Mijen"]


def test_context_kecamatan_settles_ambiguous_names(tagger, gazetteer):
    mijen = gazetteer.find_kecamatan("Mijen")
    (match,) = match_wilayah("Kelurahan Purwosari kerja bakti", tagger, (mijen,))
    assert (match.kecamatan, match.kelurahan.kecamatan) == (mijen, "Mijen")


def test_match_offsets_point_into_the_prepared_text(tagger):
    text = "Kerja bakti di #KelurahanMeteseh dan Kedung Mundu, https://x.id/a lalu Tugu"
    prepared = prepare(text)
    matches = match_wilayah(text, tagger)
    assert [prepared[m.start : m.end] for m in matches] == [m.text for m in matches]
    assert [m.text for m in matches] == ["Meteseh", "Kedung Mundu"]
