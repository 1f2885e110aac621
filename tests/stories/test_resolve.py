"""Following Duplicate_of links at build time (the pure core)."""

from pelita.build.stories.resolve import Node, resolve


def node(key, slug, duplicate_of=None, import_id=None):
    return Node(key, slug, import_id, duplicate_of, f"posts/{slug}.md")


def test_links_by_slug_import_id_or_url_all_reach_the_primary():
    nodes = [
        node(0, "rilis", import_id="guid:abc"),
        node(1, "salinan", "rilis"),
        node(2, "tulis-ulang", "guid:abc"),
        node(3, "takarir", "https://pelita.example/berita/rilis/"),
        node(4, "lain"),
    ]
    groups = resolve(nodes, listed={0, 1, 2, 3, 4})
    assert groups.primary_of == {1: 0, 2: 0, 3: 0}
    assert groups.members() == {0: [1, 2, 3]}
    assert groups.problems == []


def test_a_chain_ends_at_its_primary():
    nodes = [node(0, "a"), node(1, "b", "a"), node(2, "c", "b")]
    assert resolve(nodes, listed={0, 1, 2}).primary_of == {1: 0, 2: 0}


def test_a_link_to_nothing_is_reported_with_the_closest_slug():
    groups = resolve([node(0, "rilis-ktp"), node(1, "x", "rilis-ktpp")], {0, 1})
    assert groups.primary_of == {}
    assert groups.problems == [
        "posts/x.md: Duplicate_of 'rilis-ktpp' names no post; did you mean "
        "'rilis-ktp'?; the post stays listed"
    ]


def test_self_links_and_circles_are_ignored_and_reported():
    groups = resolve(
        [node(0, "a", "a"), node(1, "b", "c"), node(2, "c", "b"), node(3, "d")],
        {0, 1, 2, 3},
    )
    assert groups.primary_of == {}
    assert "posts/a.md: Duplicate_of names the post itself; ignored" in groups.problems
    assert sum("round in a circle" in p for p in groups.problems) == 2


def test_a_primary_that_is_not_published_hides_nothing():
    nodes = [node(0, "draft"), node(1, "copy", "draft")]
    assert resolve(nodes, listed={1}).primary_of == {}
