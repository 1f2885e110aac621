"""The phrase language and the one-pass matcher behind the classifier."""

from pathlib import Path

import pytest

from pelita.core.prestasi.engine import Entry, Phrase, build_index, scan, tokenize
from pelita.core.prestasi.phrases import RulesError, compile_phrase

SETS = {"peringkat": ["1", "pertama", "umum"], "lomba": ["lomba", "festival"]}
WHERE = "rules.yml:1: test"


def _index(*phrases: str):
    compiled = [
        Phrase(compile_phrase(text, SETS, WHERE), Entry("cue", text), text)
        for text in phrases
    ]
    return build_index(compiled)


def _found(text: str, *phrases: str) -> list[str]:
    tokens = tokenize(text)
    return [m.phrase.source for m in scan(tokens, _index(*phrases))]


def test_tokenize_lowercases_and_marks_clause_boundaries():
    tokens = tokenize("Semarang Raih Adipura, se-Jateng \u2013 juara!")
    words = [(t.text, t.boundary) for t in tokens]
    assert words == [
        ("semarang", False), ("raih", False), ("adipura", False), (",", True),
        ("se", False), ("jateng", False), ("\u2013", True), ("juara", False),
        ("!", True),
    ]  # fmt: skip
    assert tokens[1].start == 9 and tokens[1].end == 13


def test_alternatives_prefixes_numbers_and_sets():
    assert _found("Raih juara umum", "juara @peringkat") == ["juara @peringkat"]
    assert _found("dari Kemendagri", "kemen*") == ["kemen*"]
    assert _found("Top 45 inovasi", "top #") == ["top #"]
    assert _found("juara dua", "juara @peringkat") == []
    assert _found("Meraih piala", "raih|meraih piala") == ["raih|meraih piala"]


def test_hyphenated_phrase_matches_split_words():
    assert _found("terbaik se-Jawa Tengah", "se-jawa tengah") == ["se-jawa tengah"]


def test_gap_skips_words_but_not_a_comma():
    phrase = "menerima ~2 penghargaan"
    assert _found("menerima dua penghargaan", phrase) == [phrase]
    assert _found("menerima sejumlah besar penghargaan", phrase) == [phrase]
    assert _found("menerima tiga buah besar penghargaan", phrase) == []
    assert _found("menerima tamu, penghargaan", phrase) == []


def test_leftmost_longest_without_overlap():
    found = _found("Semarang gagal meraih Adipura", "gagal meraih", "meraih", "adipura")
    assert found == ["gagal meraih", "adipura"]
    assert _found("juara umum", "juara", "juara @peringkat") == ["juara @peringkat"]


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("juara @peringkt", "unknown set '@peringkt'; known sets: lomba, peringkat; "
         "did you mean '@peringkat'?"),
        ("~2 juara", "may not start or end with a gap"),
        ("juara ~1", "may not start or end with a gap"),
        ("juara+1", "'juara+1' is not a word"),
    ],
)  # fmt: skip
def test_phrase_errors_name_the_place_and_the_fix(phrase, message):
    with pytest.raises(RulesError) as error:
        compile_phrase(phrase, SETS, WHERE)
    assert str(error.value).startswith(WHERE)
    assert message in str(error.value)


def test_rules_are_indexed_not_scanned_one_by_one(rules):
    """Each token looks up only phrases that can start with it."""
    index = rules.index
    assert len(index.by_word) > 200
    assert all(len(phrases) < 12 for phrases in index.by_word.values())
    assert Path(rules.path).name == "prestasi-rules.yml"
