"""How the search index is cut into parts: the newest part stays small."""

from pathlib import Path

from pelita.tools.sitesearch.parts import Page, plan_parts, tier_sizes


def _pages(dated: int, undated: int = 10) -> list[Page]:
    pages = [Page(Path(f"p/{i:06d}.html"), b"%06d" % i, f"d{i}") for i in range(dated)]
    return pages + [Page(Path(f"u/{i}.html"), b"", f"u{i}") for i in range(undated)]


def test_part_sizes_shrink_towards_the_newest_posts():
    assert tier_sizes(4000) == (4000, 1000, 250)
    assert tier_sizes(2) == (2,)
    plan = plan_parts(_pages(2 * 4000 + 1000 + 2 * 250 + 100), 4000)
    assert [len(part) for part in plan.older] == [4000, 4000, 1000, 250, 250]
    assert len(plan.primary) == 110  # the 100 newest posts and the undated pages


def test_a_new_post_changes_only_the_primary_part():
    before = plan_parts(_pages(9870), 4000)
    after = plan_parts(_pages(9871), 4000)
    assert after.older == before.older
    assert len(after.primary) == len(before.primary) + 1


def test_an_older_part_is_made_again_only_when_a_larger_one_forms():
    made, indexed = 0, 0
    previous = plan_parts(_pages(128), 64, smallest=4).older
    for count in range(129, 193):
        plan = plan_parts(_pages(count), 64, smallest=4)
        new = [part for part in plan.older if part not in previous]
        made, indexed = made + len(new), indexed + sum(len(p) for p in new)
        previous = plan.older
        assert len(plan.primary) < 4 + 10  # under the smallest size, and undated
    # In 64 posts: 12 parts of 4, 3 of 16 (each from four of 4), 1 of 64: a
    # post is indexed again in an older part once per size, at most.
    assert (made, indexed) == (16, 12 * 4 + 3 * 16 + 64)
    assert indexed <= 3 * 64


def test_the_primary_part_is_never_empty():
    plan = plan_parts(_pages(4000, undated=0), 4000)
    assert plan.older == [] and len(plan.primary) == 4000
