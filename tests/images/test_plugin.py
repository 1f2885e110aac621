"""The images plugin's handlers, driven with a stand-in generator."""

import logging
from pathlib import Path
from types import SimpleNamespace

from pelita.build.images.plugin import (
    REGISTRY,
    normalize_path,
    plan_featured,
    take_static_images,
)
from pelita.core.ogimage import write_og_images

from .photos import make_photo


def generator(content: Path, articles=(), staticfiles=None):
    return SimpleNamespace(
        context={},
        settings={"IMAGES": {}},
        path=str(content),
        articles=list(articles),
        hidden_articles=[],
        drafts=[],
        staticfiles=staticfiles if staticfiles is not None else [],
    )


def article(**fields):
    base = {"title": "Judul", "relative_source_path": "posts/a.md"}
    return SimpleNamespace(**{**base, **fields})


def test_featured_image_gives_the_post_a_preview_image(tmp_path: Path):
    make_photo(tmp_path / "images/2025/juara.jpg")
    post = article(image="{static}/images/2025/juara.jpg", image_alt="Warga")
    gen = generator(tmp_path, [post])
    plan_featured(gen)
    assert not hasattr(post, "og_image")  # offered; the one writer sets it
    write_og_images([gen])
    assert post.og_image["path"].startswith("images/og/juara.")
    assert (post.og_image["width"], post.og_image["height"]) == (1200, 630)
    assert post.og_image["alt"] == "Warga"
    assert gen.context[REGISTRY].find("/images/2025/juara.jpg") is not None


def test_a_misspelt_image_is_dropped_with_the_closest_path(tmp_path: Path, caplog):
    make_photo(tmp_path / "images/2025/juara.jpg")
    post = article(image="images/2025/juara.jpeg")
    caplog.set_level(logging.WARNING)
    plan_featured(generator(tmp_path, [post]))
    assert post.image is None
    assert "posts/a.md" in caplog.text
    assert "'images/2025/juara.jpeg'" in caplog.text
    assert "did you mean 'images/2025/juara.jpg'?" in caplog.text


def test_static_raster_images_are_taken_over_others_are_left(tmp_path: Path):
    make_photo(tmp_path / "images/a.jpg")
    (tmp_path / "images/peta.svg").write_text("<svg/>")
    statics = [
        SimpleNamespace(relative_source_path="images/a.jpg", save_as="images/a.jpg"),
        SimpleNamespace(
            relative_source_path="images/peta.svg", save_as="images/peta.svg"
        ),
    ]
    gen = generator(tmp_path, staticfiles=statics)
    same_list = gen.staticfiles
    take_static_images(gen)
    assert [s.relative_source_path for s in gen.staticfiles] == ["images/peta.svg"]
    assert gen.staticfiles is same_list
    assert gen.context[REGISTRY].find("images/a.jpg").original.path == "images/a.jpg"


def test_normalize_path_accepts_the_ways_admins_write_paths():
    assert normalize_path("{static}/images/a.jpg") == "images/a.jpg"
    assert normalize_path("/images/a.jpg") == "images/a.jpg"
    assert normalize_path(" images/a.jpg ") == "images/a.jpg"
