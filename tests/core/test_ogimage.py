"""og:image: offered by three plugins, written by one function, by precedence."""

from types import SimpleNamespace

import pytest

from pelita.core.ogimage import PRECEDENCE, choose, offer, offers, write_og_images


def image(name: str) -> dict:
    return {"path": f"images/{name}.png", "width": 1200, "height": 630, "alt": name}


@pytest.mark.parametrize(
    ("offered", "expected"),
    [
        (["card"], "card"),
        (["card", "photo"], "photo"),
        (["photo", "verdict_card"], "verdict_card"),
        (["photo", "verdict_card", "kit_card"], "kit_card"),
        (["kit_card", "card"], "kit_card"),
    ],
)
def test_the_best_offer_wins_whatever_the_order_of_the_offers(offered, expected):
    for order in (offered, list(reversed(offered))):
        post = SimpleNamespace(title="x")
        for kind in order:
            offer(post, kind, image(kind))
        write_og_images([SimpleNamespace(articles=[post])])
        assert post.og_image == image(expected)


def test_a_post_without_an_offer_keeps_what_it_had():
    post = SimpleNamespace(title="x")
    write_og_images([SimpleNamespace(articles=[post], drafts=[])])
    assert not hasattr(post, "og_image")
    assert choose(offers(post)) is None


def test_hidden_posts_and_drafts_get_theirs_too():
    hidden, draft = SimpleNamespace(), SimpleNamespace()
    offer(hidden, "card", image("a"))
    offer(draft, "photo", image("b"))
    write_og_images([SimpleNamespace(hidden_articles=[hidden], drafts=[draft])])
    assert (hidden.og_image, draft.og_image) == (image("a"), image("b"))


def test_an_unknown_kind_of_offer_is_refused():
    with pytest.raises(ValueError, match=r"'banner'.*kit_card"):
        offer(SimpleNamespace(), "banner", image("x"))
    assert PRECEDENCE[0] == "kit_card"


def test_only_the_one_writer_sets_og_image():
    """No plugin assigns article.og_image itself (each offers)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "pelita"
    writers = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if ".og_image =" in path.read_text(encoding="utf-8")
    )
    assert writers == ["core/ogimage.py"]
