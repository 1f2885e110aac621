"""Loading data/prestasi-rules.yml: the shipped file and the errors of a bad one."""

from pathlib import Path

import pytest

from pelita.core.prestasi import classify, load_rules, parse_rules
from pelita.core.prestasi.phrases import RulesError

MINIMAL = """\
threshold: 5
cues:
  - group: menang
    weight: 2
    phrases: [raih]
"""


def _parse(text: str, tmp_path: Path):
    path = tmp_path / "rules.yml"
    path.write_text(text, encoding="utf-8")
    return load_rules(path)


def test_shipped_rules_load_with_every_section(rules):
    assert rules.threshold == 5 and rules.title_weight == 2
    assert rules.pairs and rules.patterns and rules.giver_pattern is not None
    assert "juara" in rules.index.by_word
    assert "kemendagri" in rules.info_index.by_word


def test_minimal_rules_are_enough(tmp_path):
    rules = _parse(MINIMAL, tmp_path)
    assert list(rules.index.by_word) == ["raih"]


def test_minimal_rules_classify_a_rank_without_event_nouns(tmp_path):
    """A small city's rules have no event nouns; "juara" still names no event."""
    rules = _parse(MINIMAL, tmp_path)
    meta = {"category": "Prestasi"}
    award = classify("Kelurahan Raih Juara I", "Kelurahan meraih juara I.", meta, rules)
    assert award is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (MINIMAL + "colour: red\n", "rules.yml:6: colour: unknown key 'colour'"),
        (MINIMAL.replace("threshold: 5", "threshold: lima"), "rules.yml:1: threshold:"
         " expected int, got 'lima'"),
        (MINIMAL + "levels:\n  nasonal:\n    hints: [x]\n", "level 'nasonal' must "
         "be one of internasional, nasional, provinsi, kota, kecamatan, kelurahan; "
         "did you mean 'nasional'?"),
        (MINIMAL.replace("[raih]", "[raih @menang]"), "rules.yml:5: cues[menang]: "
         "unknown set '@menang'"),
        (MINIMAL + "  - group: skor\n    weight: -1\n    patterns: ['(']\n",
         "pattern '(' is not a valid regular expression"),
        (MINIMAL + "pairs:\n  - {left: [menag], right: [menang], weight: 1}\n",
         "unknown group 'menag'; did you mean 'menang'?"),
        ("cues: [\n", "not valid YAML"),
    ],
)  # fmt: skip
def test_bad_rules_are_reported_with_line_and_fix(tmp_path, text, expected):
    with pytest.raises(RulesError) as error:
        _parse(text, tmp_path)
    assert expected in str(error.value)
    assert str(tmp_path / "rules.yml") in str(error.value)


def test_missing_rules_file_says_which_setting_to_fix(tmp_path):
    with pytest.raises(RulesError, match=r"rules file not found; set PRESTASI"):
        load_rules(tmp_path / "none.yml")


def test_parse_rules_takes_text_directly():
    rules = parse_rules(MINIMAL, Path("inline.yml"))
    assert rules.path == "inline.yml"
