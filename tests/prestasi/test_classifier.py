"""The classifier against hand-labelled headlines, and the admin's overrides."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from pelita.core.prestasi import classify, score

HERE = Path(__file__).parent
SETS = ("labelled.yml", "heldout.yml", "heldout2.yml", "heldout3.yml")
# Floors per set: precision, recall, share of levels right. heldout3.yml was
# written before the kelurahan and kecamatan levels and never tuned on; it
# measured 0.929 / 0.722 / 16 of 36 levels before them, 0.941 / 0.889 /
# 31 of 36 after.
FLOORS = {
    "labelled.yml": (0.9, 0.9, 0.8),
    "heldout.yml": (0.9, 0.9, 0.8),
    "heldout2.yml": (0.9, 0.9, 0.8),
    "heldout3.yml": (0.9, 0.85, 0.8),
}


def _load(name: str) -> list[dict]:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


def _measure(items: list[dict], rules) -> dict:
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "level_ok": 0, "level_n": 0}
    by_level: dict[str, list[int]] = {}
    for item in items:
        award = classify(item["title"], item["lead"], {}, rules, category="Prestasi")
        predicted, actual = award is not None, item["achievement"]
        key = ("t" if predicted == actual else "f") + ("p" if predicted else "n")
        counts[key] += 1
        if actual and item.get("level"):
            right = predicted and award.level == item["level"]
            by_level.setdefault(item["level"], [0, 0])[0] += right
            by_level[item["level"]][1] += 1
        if predicted and actual and item.get("level"):
            counts["level_n"] += 1
            counts["level_ok"] += award.level == item["level"]
    counts["by_level"] = by_level
    counts["precision"] = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    counts["recall"] = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    return counts


def test_labelled_sets_are_large_balanced_and_distinct():
    items = [item for name in SETS for item in _load(name)]
    titles = [item["title"] for item in items]
    assert len(_load("labelled.yml")) >= 100
    assert len(set(titles)) == len(titles)
    positives = sum(item["achievement"] for item in items)
    assert 0.4 < positives / len(items) < 0.6


@pytest.mark.parametrize("name", SETS)
def test_precision_and_recall_reach_the_target(name, rules, capsys):
    items = _load(name)
    found = _measure(items, rules)
    with capsys.disabled():
        print(
            f"\nprestasi classifier on {name}: {len(items)} items "
            f"({found['tp'] + found['fn']} achievements, "
            f"{found['fp'] + found['tn']} not), precision {found['precision']:.3f}, "
            f"recall {found['recall']:.3f}, level right "
            f"{found['level_ok']}/{found['level_n']}; per level (right/labelled): "
            + ", ".join(
                f"{level} {ok}/{n}"
                for level, (ok, n) in sorted(found["by_level"].items())
            )
        )
    precision, recall, levels = FLOORS[name]
    assert found["precision"] >= precision
    assert found["recall"] >= recall
    assert found["level_ok"] >= levels * found["level_n"]


def test_every_level_is_in_the_held_out_headlines_and_mostly_read_right(rules):
    found = _measure(_load("heldout3.yml"), rules)
    assert set(found["by_level"]) == {
        "kelurahan", "kecamatan", "kota", "provinsi", "nasional", "internasional",
    }  # fmt: skip
    for level, (right, labelled) in found["by_level"].items():
        assert labelled >= 6 and right >= 4, level


@pytest.mark.parametrize(
    ("title", "lead", "level"),
    [
        ("Posyandu Melati RW 05 Juara I Posyandu Teladan Kecamatan Pedurungan",
         "Piagam diserahkan Camat Pedurungan.", "kecamatan"),
        ("RW 03 Juara Lomba Kampung Bersih Tingkat Kelurahan Jangli", "", "kelurahan"),
        ("Kelurahan Jangli Juara Lomba Kelurahan Sehat se-Kota Semarang", "", "kota"),
        ("Kecamatan Candisari Terbaik Pertama Lomba Kecamatan Sadar Pajak",
         "Candisari unggul di antara 16 kecamatan.", None),
        ("Kecamatan Genuk Sabet Penghargaan Inovasi Terbaik",
         "Gubernur Jawa Tengah menyerahkan penghargaan itu.", "provinsi"),
        ("Atlet Semarang Raih Emas SEA Games", "", "internasional"),
        ("Pelajar se-Kota Semarang Raih Emas di Festival Paduan Suara Jepang",
         "", "internasional"),
    ],
)  # fmt: skip
def test_levels_are_read_from_the_text(rules, title, lead, level):
    award = classify(title, lead, {}, rules, category="Berita")
    assert award is not None and award.level == level


META = {"date": dt.datetime(2025, 5, 2, 9, 0)}
WIN = "Kelurahan Meteseh Juara Lomba Kampung Hijau"
WIN_LEAD = "Kelurahan Meteseh keluar sebagai juara pertama lomba tingkat kota."
PLAIN = "Harga Cabai Naik di Pasar Johar"


def test_prestasi_tidak_beats_the_classifier_and_the_category(rules):
    for category in ("Berita", "Prestasi"):
        meta = {**META, "prestasi": "tidak", "category": category}
        assert classify(WIN, WIN_LEAD, meta, rules) is None


def test_explicit_metadata_makes_an_achievement_of_any_text(rules):
    meta = {**META, "prestasi": "Ya", "penghargaan": "Piala Kebersihan"}
    award = classify(PLAIN, "", meta, rules)
    assert award.source == "metadata" and award.name == "Piala Kebersihan"
    assert award.confidence == 1.0
    described = {**META, "tingkat": "Provinsi"}
    assert classify(PLAIN, "", described, rules).level == "provinsi"


def test_the_prestasi_category_is_an_achievement(rules):
    award = classify(PLAIN, "", {**META, "category": "Prestasi"}, rules)
    assert award is not None and award.source == "kategori"


def test_skipped_categories_are_never_inferred(rules):
    meta = {**META, "category": "Klarifikasi"}
    assert classify(WIN, WIN_LEAD, meta, rules) is None
    assert classify(WIN, WIN_LEAD, {**meta, "prestasi": "ya"}, rules) is not None


def test_invalid_metadata_values_fall_back_to_the_text(rules):
    meta = {**META, "prestasi": "mungkin", "tingkat": "nasonal", "tahun": "dua ribu"}
    award = classify(WIN, WIN_LEAD, meta, rules)
    assert award.source == "otomatis"
    assert award.level == "kota" and award.year == 2025


def test_metadata_fields_beat_extracted_ones(rules):
    meta = {**META, "prestasi": "ya", "pemberi": "Wali Kota Semarang", "tahun": "2024"}
    award = classify(WIN, WIN_LEAD, meta, rules)
    assert award.giver == "Wali Kota Semarang" and award.year == 2024
    assert award.recipient == "Kelurahan Meteseh"


def test_inferred_awards_explain_themselves(rules):
    award = classify(WIN, WIN_LEAD, META, rules)
    assert award.inferred and 0 < award.confidence <= 1
    assert award.reasons[0].startswith("skor ")
    assert any("peringkat:Juara" in reason for reason in award.reasons)


def test_html_in_title_and_lead_is_read_as_text(rules):
    title = "<em>Semarang</em> Raih Adipura&nbsp;Kencana"
    award = classify(title, "<p>Dari <b>KLHK</b>.</p>", META, rules)
    assert award.name == "Adipura Kencana"


@pytest.mark.parametrize(
    "case",
    [
        ("Semarang Raih Penghargaan Kota Layak Anak Kategori Nindya",
         "Penghargaan diserahkan oleh Kementerian PPPA di Jakarta.",
         "Kota Layak Anak kategori Nindya", "Kementerian PPPA", "nasional",
         "Semarang"),
        ("Adipura Kencana Diraih Kota Semarang", "Piala diserahkan Wapres.",
         "Adipura Kencana", "Wakil Presiden Republik Indonesia", "nasional",
         "Kota Semarang"),
        ("Disdik Terima Penghargaan dari Yayasan Literasi Nusantara",
         "Penghargaan \u201cSahabat Literasi\u201d diberikan atas gerakan membaca.",
         "Sahabat Literasi", "Yayasan Literasi Nusantara", None, None),
        ("SMPN 3 Semarang Juara 1 Lomba Debat Tingkat Provinsi", "",
         "Juara 1 Lomba Debat", None, "provinsi", "SMPN 3 Semarang"),
        ("Membanggakan, Kecamatan Genuk Sabet Penghargaan Inovasi Terbaik",
         "Gubernur Jawa Tengah menyerahkan penghargaan itu kemarin.",
         "Penghargaan Inovasi Terbaik", "Gubernur Jawa Tengah", "provinsi",
         "Kecamatan Genuk"),
    ],
)  # fmt: skip
def test_extraction_of_name_giver_level_and_recipient(rules, case):
    title, lead, *expected = case
    award = classify(title, lead, META, rules)
    assert [award.name, award.giver, award.level, award.recipient] == expected


def test_recipient_is_left_out_when_the_subject_is_not_an_institution(rules):
    award = classify("Ini Dia Rahasia Juara Lomba Masak", "", META, rules)
    assert award is not None and award.recipient is None
    title = "Disdik Terima Penghargaan Literasi"
    assert classify(title, "", META, rules).recipient is None
    known = classify(title, "", META, rules, is_known=lambda name: name == "Disdik")
    assert known.recipient == "Disdik"


def test_negation_window_stops_at_a_comma(rules):
    cancelled = score("Semarang Gagal Raih Adipura", "", rules)
    assert cancelled.total < rules.threshold
    kept = score("Tak Disangka, Kelurahan Meteseh Raih Adipura", "", rules)
    assert kept.total >= rules.threshold


def test_idioms_that_look_like_cues_score_nothing(rules):
    assert score("Prestasi yang Tidak Kalah Membanggakan", "", rules).total > 0
    assert score("UMKM Raih Omzet Rp2 Miliar", "", rules).total < rules.threshold
