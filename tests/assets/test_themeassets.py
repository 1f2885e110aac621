"""The theme's published files: joined imports, fingerprints, clear errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pelita.core.themeassets import (
    ThemeAssetError,
    collect_assets,
    fingerprinted,
    published_name,
)

REPO = Path(__file__).resolve().parents[2]


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_an_entry_joins_its_imports_in_order_and_parts_are_not_published(tmp_path):
    static = write(
        tmp_path,
        {
            "css/tokens.css": ":root { --a: 1px; }",
            "css/parts/card.css": "/* a comment */\n.card { margin: var(--a); }",
            "css/pages/list.css": '@import "../tokens.css";\n'
            '@import url("../parts/card.css");\n.list { padding: 0; }',
            "js/site.js": "console.log(1);",
        },
    )
    assets = collect_assets(static)
    assert set(assets) == {"css/pages/list.css", "js/site.js"}
    css = assets["css/pages/list.css"].data.decode()
    assert css.index("--a:1px") < css.index(".card{") < css.index(".list{")
    assert "comment" not in css and "@import" not in css


def test_names_carry_a_hash_of_the_bytes_that_changes_with_them(tmp_path):
    static = write(tmp_path, {"js/site.js": "a();", "img/icon.svg": "<svg/>"})
    first = published_name(collect_assets(static), "js/site.js")
    assert re.fullmatch(r"js/site\.[0-9a-f]{10}\.js", first)
    (static / "js/site.js").write_text("b();", encoding="utf-8")
    second = published_name(collect_assets(static), "js/site.js")
    assert second != first and second.startswith("js/site.")
    assert fingerprinted("a/b.min.js", b"x").startswith("a/b.min.")


def test_a_media_import_keeps_its_media_query(tmp_path):
    static = write(
        tmp_path,
        {
            "css/print.css": ".x { color: red; }",
            "css/pages/a.css": '@import "../print.css" print;',
        },
    )
    css = collect_assets(static)["css/pages/a.css"].data.decode()
    assert css == "@media print{.x{color:red}}"


def test_url_references_point_at_the_fingerprinted_files(tmp_path):
    static = write(
        tmp_path,
        {
            "img/bg.png": "png",
            "css/parts/hero.css": '.hero { background: url("../../img/bg.png"); }'
            " .i { mask: url(\"data:image/svg+xml,%3Csvg xmlns='x'/%3E\"); }",
            "css/pages/home.css": '@import "../parts/hero.css";',
        },
    )
    assets = collect_assets(static)
    css = assets["css/pages/home.css"].data.decode()
    png = assets["img/bg.png"].published.rsplit("/", 1)[1]
    assert f'url("../../img/{png}")' in css
    assert "data:image/svg+xml,%3Csvg xmlns='x'/%3E" in css


def test_a_missing_import_names_the_file_the_line_and_the_closest_part(tmp_path):
    static = write(
        tmp_path,
        {
            "css/parts/cards.css": ".c{}",
            "css/pages/list.css": '/* one */\n@import "../parts/card.css";',
        },
    )
    with pytest.raises(ThemeAssetError) as caught:
        collect_assets(static)
    message = str(caught.value)
    assert "list.css:2" in message
    assert "'../parts/card.css'" in message
    assert "did you mean '../parts/cards.css'" in message


def test_import_loops_and_other_hosts_are_refused(tmp_path):
    loop = write(
        tmp_path / "loop",
        {
            "css/parts/a.css": '@import "b.css";',
            "css/parts/b.css": '@import "a.css";',
            "css/pages/x.css": '@import "../parts/a.css";',
        },
    )
    with pytest.raises(ThemeAssetError, match="loop"):
        collect_assets(loop)
    remote = write(
        tmp_path / "remote",
        {"css/pages/x.css": '@import "https://fonts.example/css";'},
    )
    with pytest.raises(ThemeAssetError, match="another host"):
        collect_assets(remote)


def test_an_unknown_asset_suggests_the_closest_name(tmp_path):
    assets = collect_assets(write(tmp_path, {"css/pages/article.css": ".a{}"}))
    with pytest.raises(ThemeAssetError, match=r"did you mean 'css/pages/article\.css'"):
        published_name(assets, "css/pages/articel.css")


def test_every_page_type_of_the_theme_has_one_small_stylesheet():
    assets = collect_assets(REPO / "theme" / "static")
    sheets = {name: a for name, a in assets.items() if name.endswith(".css")}
    assert {"css/pages/article.css", "css/pages/home.css", "css/pages/site.css"} <= set(
        sheets
    )
    for name, asset in sheets.items():
        assert len(asset.data) < 30_000, name
