"""The plugin contract (pelita/core/contract.py) is what the demo build does.

The demo build's last plugin, ``pelita.build.contract``, writes what every
plugin added to articles, pages and the shared context; the declared list
must match it both ways, and the theme's templates must read no article
attribute that nobody declares.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pelican.contents import Article

from pelita.build.contract.observe import added_attributes
from pelita.core.contract import (
    ARTICLE_ATTRIBUTES,
    CONTEXT_KEYS,
    contract_tables,
    declared_names,
)
from pelita.core.schema import KEYS, PELICAN_KEYS

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def observed(demo_output: Path) -> dict:
    return json.loads((demo_output.parent / "contract.json").read_text("utf-8"))


def test_every_article_attribute_a_plugin_sets_is_declared(observed):
    undeclared = set(observed["article_attributes"]) - declared_names(
        ARTICLE_ATTRIBUTES
    )
    assert not undeclared, f"declare them in pelita/core/contract.py: {undeclared}"


def test_every_context_key_a_plugin_sets_is_declared(observed):
    undeclared = set(observed["context_keys"]) - declared_names(CONTEXT_KEYS)
    assert not undeclared, f"declare them in pelita/core/contract.py: {undeclared}"


def test_every_declared_name_is_set_by_the_demo_build(observed):
    assert declared_names(ARTICLE_ATTRIBUTES) <= set(observed["article_attributes"])
    assert declared_names(CONTEXT_KEYS) <= set(observed["context_keys"])


def test_names_are_declared_once():
    for entries in (ARTICLE_ATTRIBUTES, CONTEXT_KEYS):
        names = [e.name for e in entries]
        assert len(names) == len(set(names))
        assert all(e.plugin and e.type and e.meaning for e in entries)


def test_templates_read_only_declared_article_attributes():
    allowed = (
        declared_names(ARTICLE_ATTRIBUTES)
        | {name.lower() for name in KEYS}
        | {name.lower() for name in PELICAN_KEYS}
        | set(dir(Article))
        | {"title", "date", "modified", "author", "metadata", "tags", "category"}
    )
    private = {e.name for e in ARTICLE_ATTRIBUTES if e.private}
    used: dict[str, set[str]] = {}
    for template in (REPO / "theme" / "templates").rglob("*.html"):
        text = template.read_text("utf-8")
        for name in re.findall(r"\barticle\.([A-Za-z_]\w*)", text):
            used.setdefault(name, set()).add(template.name)
    assert used, "the templates read article attributes"
    unknown = {n: sorted(t) for n, t in used.items() if n not in allowed}
    assert not unknown, f"undeclared article attributes in templates: {unknown}"
    leaked = {n: sorted(t) for n, t in used.items() if n in private}
    assert not leaked, f"templates read a plugin's private state: {leaked}"


def test_an_undeclared_attribute_is_found(tmp_path):
    """The observer sees what a plugin adds beyond Pelican and the metadata."""
    article = Article(
        "body",
        metadata={"title": "T", "kecamatan": "Tembalang"},
        settings={**_pelican_settings()},
        source_path=str(tmp_path / "t.md"),
    )
    article.wilayah = "x"
    article.made_up = 1
    found = added_attributes([article])
    assert found == {"wilayah": {"str"}, "made_up": {"int"}}


def test_a_build_that_sets_an_undeclared_name_is_warned_about(
    tmp_path, caplog, monkeypatch
):
    from types import SimpleNamespace

    from pelita.build.contract import REPORT_ENV, check_contract

    settings = _pelican_settings()
    article = Article(
        "body", metadata={"title": "T"}, settings=settings,
        source_path=str(tmp_path / "t.md"),
    )  # fmt: skip
    article.wilayah = "declared"
    article.sneaky = True
    context = {**settings, "articles": [article], "home_newest": None, "odd": 1}
    report = tmp_path / "contract.json"
    monkeypatch.setenv(REPORT_ENV, str(report))
    check_contract([SimpleNamespace(context=context, settings=settings)])
    warned = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warned) == 2
    assert "article attribute 'sneaky'" in warned[0]
    assert "context key 'odd'" in warned[1]
    assert json.loads(report.read_text("utf-8")) == {
        "article_attributes": {"sneaky": ["bool"], "wilayah": ["str"]},
        "context_keys": ["home_newest", "odd"],
    }


def test_the_docs_table_lists_every_name():
    tables = contract_tables()
    for entry in (*ARTICLE_ATTRIBUTES, *CONTEXT_KEYS):
        assert f"| `{entry.name}` |" in tables


def _pelican_settings() -> dict:
    from pelican.settings import DEFAULT_CONFIG

    return dict(DEFAULT_CONFIG)
