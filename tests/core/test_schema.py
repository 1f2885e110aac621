from pathlib import Path

import pytest
from pelican.settings import read_settings

from pelita.build.prestasi.settings import prestasi_settings
from pelita.build.themecontext.plugin import theme_options
from pelita.core.prestasi import PrestasiError, is_achievement
from pelita.core.schema import (
    ADMIN_KEYS,
    KEYS,
    POST_KEYS,
    URL_KEYS,
    CategoryRoles,
    SchemaError,
    category_roles,
    spelt,
    yes_no,
)
from pelita.tools.check.klarifikasi_fields import validate_klarifikasi
from pelita.tools.check.prestasi_fields import validate_prestasi
from pelita.tools.newpost.render import render_post

REPO = Path(__file__).resolve().parents[2]
CATEGORIES = ["Berita", "Prestasi", "Cek Fakta", "Layanan Publik"]
RENAMED = {"CATEGORIES": CATEGORIES, "CATEGORY_ROLES": {"clarifications": "Cek Fakta"}}


def test_the_site_settings_name_every_role_and_its_category_exists():
    settings = read_settings(str(REPO / "pelicanconf.py"))
    roles = category_roles(settings)
    assert set(vars(roles)) == set(settings["CATEGORY_ROLES"])
    assert set(vars(roles).values()) <= set(settings["CATEGORIES"])


def test_roles_default_and_merge_over_the_defaults():
    assert category_roles({}) == CategoryRoles()
    # A city without a services category keeps the default role, unmatched.
    assert category_roles({"CATEGORIES": CATEGORIES}).services == "Layanan Publik"
    roles = category_roles(RENAMED)
    assert roles.clarifications == "Cek Fakta"
    assert roles.achievements == "Prestasi"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"CATEGORY_ROLES": {"clarification": "X"}}, "did you mean 'clarifications'"),
        ({"CATEGORY_ROLES": ["Prestasi"]}, "expected a dict"),
        (
            {
                "CATEGORIES": CATEGORIES,
                "CATEGORY_ROLES": {"clarifications": "Cek fakta"},
            },
            "'Cek fakta' is not in CATEGORIES (Berita, Prestasi, Cek Fakta, "
            "Layanan Publik); did you mean 'Cek Fakta'?",
        ),
    ],
)
def test_a_wrong_role_setting_names_the_value_and_the_closest_choice(settings, message):
    with pytest.raises(SchemaError) as raised:
        category_roles(settings)
    assert message in str(raised.value)


def test_keys_are_lower_case_with_their_spelling_and_admins_cannot_forge_hashes():
    for key in POST_KEYS:
        assert key.name == key.spelling.lower()
        assert spelt(key.name) == key.spelling
    assert spelt("opd") == "OPD"
    assert {"import_hash", "import_id"}.isdisjoint(ADMIN_KEYS)
    assert {"title", "bukti", "duplicate_of", "save_as"} <= ADMIN_KEYS
    assert KEYS["ralat"].repeatable and KEYS["ralat"].multiline


def test_url_keys_are_the_keys_that_hold_a_web_address():
    assert {"bukti", "source", "video"} <= URL_KEYS
    assert "title" not in URL_KEYS and "image" not in URL_KEYS


@pytest.mark.parametrize(
    ("word", "meaning"),
    [("ya", True), (" YA ", True), ("yes", True), ("1", True), ("tidak", False),
     ("No", False), ("0", False), ("mungkin", None), ("", None), (None, None)],
)  # fmt: skip
def test_yes_no_words(word, meaning):
    assert yes_no(word) is meaning


class Post:
    def __init__(self, **meta):
        self.__dict__.update(meta)


def test_is_achievement_has_one_precedence():
    assert is_achievement(Post(category="Prestasi"))
    assert not is_achievement(Post(category="Prestasi", prestasi="tidak"))
    assert is_achievement(Post(category="Berita", prestasi="ya"))
    assert not is_achievement(Post(category="Prestasi", prestasi=None))  # looked
    assert is_achievement(Post(category="Berita", prestasi=object()))  # an award
    # The prestasi plugin's award is final, whatever the category says.
    assert not is_achievement(Post(category="Prestasi", award=None))
    assert is_achievement(Post(category="Bintang", prestasi="mungkin"), "Bintang")


def test_renaming_the_clarifications_category_moves_every_rule_with_it():
    roles = category_roles(RENAMED)
    issues = validate_klarifikasi({}, "Cek Fakta", roles)
    assert [i.message for i in issues] == [
        "Cek Fakta tanpa Klaim",
        "Cek Fakta tanpa Putusan",
    ]
    assert validate_klarifikasi({}, "Berita", roles) == []
    text = render_post(
        {"title": "T", "category": "Cek Fakta", "klaim": "K", "putusan": "Hoaks"},
        roles=roles,
    )
    assert "Klaim: K\nPutusan: Hoaks" in text
    assert "## Faktanya" in text
    theme = theme_options(RENAMED)
    assert theme["clarification_category"] == "Cek Fakta"
    settings = {**RENAMED, "CATEGORY_ROLES": {"clarifications": "Cek Fakta"}}
    assert prestasi_settings(settings)["skip_categories"] == ["Cek Fakta"]


def test_renaming_the_achievements_category_moves_the_award_rules():
    settings = {
        "CATEGORIES": ["Berita", "Juara", "Klarifikasi", "Layanan Publik"],
        "CATEGORY_ROLES": {"achievements": "Juara"},
    }
    roles = category_roles(settings)
    codes = [i.code for i in validate_prestasi({}, "Juara", roles=roles)]
    assert "prestasi-wajib" in codes
    assert validate_prestasi({}, "Prestasi", roles=roles) == []
    assert prestasi_settings(settings)["category"] == "Juara"
    with pytest.raises(PrestasiError, match="not in CATEGORIES"):
        prestasi_settings({**settings, "CATEGORY_ROLES": {"achievements": "Jura"}})
