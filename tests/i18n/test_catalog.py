"""The theme's UI strings: gettext catalogs complete and swappable."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from jinja2 import DictLoader, Environment

from pelita.build.i18n import CatalogError, catalog_path, load_translations

REPO = Path(__file__).resolve().parents[2]
THEME = REPO / "theme"
TRANSLATIONS = THEME / "translations"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def template_messages() -> set[str]:
    """Every msgid marked in the templates, as `pybabel extract` finds them."""
    found = extract_from_dir(
        THEME / "templates",
        method_map=[("**.html", "jinja2")],
        options_map={"**.html": {"trim_blocks": "true", "lstrip_blocks": "true"}},
    )
    return {message for _, _, message, _, _ in found if isinstance(message, str)}


def indonesian_catalog():
    with catalog_path(TRANSLATIONS, "id").open("rb") as handle:
        return read_po(handle, locale="id")


def test_templates_mark_their_strings():
    messages = template_messages()
    assert len(messages) > 80
    assert "Read also" in messages
    assert "Share" in messages


def test_indonesian_catalog_translates_every_template_string():
    catalog = indonesian_catalog()
    missing = sorted(
        message
        for message in template_messages()
        if not (catalog.get(message) and catalog.get(message).string)
    )
    fuzzy = sorted(m.id for m in catalog if m.id and m.fuzzy)
    assert missing == []
    assert fuzzy == []


def test_indonesian_catalog_has_no_stale_entries():
    stale = {m.id for m in indonesian_catalog() if m.id} - template_messages()
    assert stale == set()


def test_translations_keep_the_placeholders():
    for message in indonesian_catalog():
        if message.id:
            assert set(PLACEHOLDER.findall(message.id)) == set(
                PLACEHOLDER.findall(message.string)
            ), message.id


def _render(source: str, translations) -> str:
    env = Environment(loader=DictLoader({"t": source}), extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(translations, newstyle=True)
    return env.get_template("t").render()


def test_templates_render_in_indonesian():
    translations = load_translations(TRANSLATIONS, "id")
    rendered = _render(
        '{{ _("Read also") }} | {{ _("Ask %(name)s", name="Savira") }}', translations
    )
    assert rendered == "Baca juga | Tanya Savira"


def test_the_source_language_needs_no_catalog():
    rendered = _render('{{ _("Read also") }}', load_translations(TRANSLATIONS, "en"))
    assert rendered == "Read also"


def test_another_language_is_one_po_file(tmp_path: Path):
    target = catalog_path(tmp_path, "jv")
    target.parent.mkdir(parents=True)
    target.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Read also"\nmsgstr "Waca uga"\n\n'
        '#, fuzzy\nmsgid "Share"\nmsgstr "Bagekke"\n',
        encoding="utf-8",
    )
    translations = load_translations(tmp_path, "jv")
    assert _render('{{ _("Read also") }}', translations) == "Waca uga"
    # Fuzzy entries are not trusted: the source text is shown instead.
    assert _render('{{ _("Share") }}', translations) == "Share"


def test_a_missing_catalog_names_the_file_and_the_languages_there_are():
    with pytest.raises(CatalogError) as error:
        load_translations(TRANSLATIONS, "jv")
    message = str(error.value)
    assert str(catalog_path(TRANSLATIONS, "jv")) in message
    assert "id" in message
