"""Precision and recall of the tagger on the labelled texts in labelled.yml.

Micro-averaged over (text, kecamatan) pairs: a kecamatan found that the
label does not list is a false positive, one listed but not found a false
negative. The figures are printed (``pytest -s``) for the closing note.
"""

from pathlib import Path

import pytest
import yaml

from pelita.core.wilayah import tag_post

LABELLED = Path(__file__).with_name("labelled.yml")


@pytest.fixture(scope="module")
def texts(gazetteer):
    entries = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))["texts"]
    for entry in entries:  # a typo in a label must not pass as a miss
        for name in entry["kecamatan"]:
            assert gazetteer.find_kecamatan(name).nama == name, entry["title"]
    return entries


def score(texts, tagger) -> dict:
    true_pos = false_pos = false_neg = 0
    misses = []
    for entry in texts:
        found = {
            k.nama for k in tag_post(entry["title"], entry["lead"], tagger).kecamatan
        }
        expected = set(entry["kecamatan"])
        true_pos += len(found & expected)
        false_pos += len(found - expected)
        false_neg += len(expected - found)
        if found != expected:
            misses.append((entry["title"], sorted(found), sorted(expected)))
    return {
        "precision": true_pos / (true_pos + false_pos),
        "recall": true_pos / (true_pos + false_neg),
        "misses": misses,
    }


def test_the_set_is_big_and_varied_enough(texts):
    assert len(texts) >= 80
    assert sum(1 for t in texts if not t["kecamatan"]) >= 10
    assert sum(1 for t in texts if len(t["kecamatan"]) >= 2) >= 5
    titles = [t["title"] for t in texts]
    assert len(set(titles)) == len(titles)


def test_precision_and_recall(texts, tagger):
    result = score(texts, tagger)
    none = sum(1 for t in texts if not t["kecamatan"])
    several = sum(1 for t in texts if len(t["kecamatan"]) >= 2)
    print(
        f"\nwilayah tagger on {len(texts)} labelled texts "
        f"({none} with no kecamatan, {several} with two or more): "
        f"precision {result['precision']:.3f}, recall {result['recall']:.3f}"
    )
    for title, found, expected in result["misses"]:
        print(f"  miss: {title!r}: found {found}, expected {expected}")
    assert result["precision"] >= 0.95
    assert result["recall"] >= 0.9
