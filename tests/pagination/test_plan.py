"""Stable pagination: archived pages keep their posts whatever is added."""

import pytest

from pelita.core.pagination import PageSpan, archived_count, plan_pages


def _pages(count, per_page):
    """Each page's posts, by their number counted from the oldest (0 = oldest)."""
    return {
        span.number: [count - 1 - i for i in range(span.start, span.stop)]
        for span in plan_pages(count, per_page)
    }


@pytest.mark.parametrize(
    ("count", "archived", "front"),
    [
        (0, 0, 0),
        (5, 0, 5),
        (12, 0, 12),
        (23, 0, 23),
        (24, 1, 12),
        (35, 1, 23),
        (36, 2, 12),
    ],
)
def test_the_front_holds_between_one_and_two_pages(count, archived, front):
    spans = plan_pages(count, 12)
    assert archived_count(count, 12) == archived
    assert spans[0] == PageSpan(0, 0, front)
    assert len(spans) == archived + 1
    assert all(s.stop - s.start == 12 for s in spans[1:])


def test_every_post_is_on_exactly_one_page_newest_first():
    for count in range(0, 60):
        seen = [p for posts in _pages(count, 7).values() for p in posts]
        assert sorted(seen) == list(range(count))
        for posts in _pages(count, 7).values():
            assert posts == sorted(posts, reverse=True)


def test_an_archived_page_never_changes_when_posts_are_added():
    before = _pages(100, 12)
    for more in range(1, 40):
        after = _pages(100 + more, 12)
        for number, posts in before.items():
            if number:
                assert after[number] == posts


def test_archived_page_one_holds_the_oldest_posts():
    assert _pages(50, 10)[1] == list(range(9, -1, -1))


def test_no_pagination_puts_everything_on_the_front():
    assert plan_pages(40, None) == [PageSpan(0, 0, 40)]
    assert plan_pages(40, 0) == [PageSpan(0, 0, 40)]
