"""Precision and recall of story grouping on the labelled pairs.

Every pair goes through the same code as an import: the features, the date
window, the index, the comparison and the grouping. The pairs of one set
are placed a month apart from each other, so each pair is judged on its
own, with a vocabulary built over all of them (as a real window holds many
posts). The figures are printed (``pytest -s``) for the record.

Three sets: ``pairs.yml`` (the original near misses and rewrites),
``pairs-rewrites.yml`` (rewrites in very different words sharing only
quotes, names and numbers, and the hard negatives that share such things;
the anchors were tuned on these two) and ``pairs-heldout.yml`` (never used
for tuning: measured only). ``pairs-heldout-2.yml`` is a second held-out
set (18 pairs), written after the anchors were tuned and never used to set
anything; its floor is a regression guard, not a goal. Measured alone, its
36 posts make any number shared by a pair look like a hotline (printed by
more than one post in twenty), so its number anchors count less than in a
real window of hundreds of posts.
"""

import datetime as dt

import pytest
from storykit import LABELLED_SETS, load_pairs, story_post, when

from pelita.core.stories import Vocabulary, compare, group_posts
from pelita.core.stories.grouping import DEFAULT_WINDOW

PAIRS = load_pairs()
EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
# The least each set must score: (precision, recall).
TARGETS = {
    "pairs.yml": (0.95, 0.9),
    "pairs-rewrites.yml": (0.9, 0.8),
    "pairs-heldout.yml": (0.85, 0.9),
    "pairs-heldout-2.yml": (0.9, 0.6),
}
MEASURED_SETS = (*LABELLED_SETS, "pairs-heldout-2.yml")


def isolated_posts(pairs):
    """Both posts of every pair, the pair moved to its own month."""
    posts = []
    for number, pair in enumerate(pairs):
        a, b = when(pair["a"]["date"]), when(pair["b"]["date"])
        start = EPOCH + dt.timedelta(days=30 * number)
        for side, date in (("a", a), ("b", b)):
            key = f"{pair['id']}/{side}"
            moved = start + (date - min(a, b))
            posts.append(story_post(key, pair[side], moved, pending=True))
    return posts


def group(pairs):
    posts = isolated_posts(pairs)
    decisions, compared = group_posts(posts)
    parent = {d.key: d.duplicate_of for d in decisions if d.duplicate_of}

    def root(key):
        while key in parent:
            key = parent[key]
        return key

    return posts, decisions, compared, root


@pytest.fixture(scope="module")
def grouped():
    return group(PAIRS)


def figures(predicted, expected):
    tp = sum(p and e for p, e in zip(predicted, expected, strict=True))
    fp = sum(p and not e for p, e in zip(predicted, expected, strict=True))
    fn = sum(e and not p for p, e in zip(predicted, expected, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, (tp, fp, fn)


@pytest.mark.parametrize("name", LABELLED_SETS)
def test_each_labelled_set_is_large_varied_and_cross_channel(name):
    pairs = load_pairs(name)
    same = sum(p["same"] for p in pairs)
    assert len(pairs) >= 24
    assert same >= 12
    assert len(pairs) - same >= 12
    assert {"tempat", "rutin", "program", "lanjutan", "tulis-ulang", "topik"} <= {
        p["kind"] for p in pairs
    }
    assert all(p["a"]["channel"] != p["b"]["channel"] for p in pairs)
    every = [p["id"] for n in MEASURED_SETS for p in load_pairs(n)]
    assert len(set(every)) == len(every)


@pytest.mark.parametrize("name", MEASURED_SETS)
def test_grouping_meets_the_precision_and_recall_targets(name):
    pairs = load_pairs(name)
    posts, _, compared, root = group(pairs)
    predicted = [root(f"{p['id']}/a") == root(f"{p['id']}/b") for p in pairs]
    expected = [p["same"] for p in pairs]
    precision, recall, (tp, fp, fn) = figures(predicted, expected)
    same = sum(expected)
    print(
        f"\nstory grouping on {name}, {len(pairs)} labelled pairs ({same} same "
        f"story, {len(pairs) - same} different): precision {precision:.2f}, "
        f"recall {recall:.2f} (tp {tp}, fp {fp}, fn {fn}; "
        f"{compared} pairs compared in full among {len(posts)} posts)"
    )
    wrong = [p["id"] for p, guess in zip(pairs, predicted, strict=True)
             if guess != p["same"]]  # fmt: skip
    print(f"misjudged: {wrong or 'none'}")
    least_precision, least_recall = TARGETS[name]
    assert precision >= least_precision
    assert recall >= least_recall


def test_the_pairwise_verdicts_agree_with_the_grouping(grouped):
    posts, _, _, root = grouped
    by_key = {p.key: p for p in posts}
    vocabulary = Vocabulary(p.features for p in posts)
    for pair in PAIRS:
        a, b = by_key[f"{pair['id']}/a"], by_key[f"{pair['id']}/b"]
        gap = abs((a.published - b.published).total_seconds())
        verdict = compare(a.features, b.features, vocabulary, gap / 3600)
        same = verdict.same and gap <= DEFAULT_WINDOW.total_seconds()
        assert same == (root(a.key) == root(b.key)), (pair["id"], verdict.reason)


def test_each_story_keeps_its_most_official_earliest_post_as_primary(grouped):
    posts, decisions, _, root = grouped
    by_key = {p.key: p for p in posts}
    for pair in (p for p in PAIRS if p["same"]):
        a, b = by_key[f"{pair['id']}/a"], by_key[f"{pair['id']}/b"]
        best = min(a, b, key=lambda p: p.rank())
        assert root(a.key) == best.key, pair["id"]
    reasons = {d.key: d.reason for d in decisions if d.duplicate_of}
    assert all(reasons.values())


def test_near_misses_say_why_they_differ():
    posts = {p.key: p for p in isolated_posts(PAIRS)}
    vocabulary = Vocabulary(p.features for p in posts.values())
    why = {}
    for pair in PAIRS:
        if pair["same"]:
            continue
        a, b = posts[f"{pair['id']}/a"], posts[f"{pair['id']}/b"]
        why[pair["id"]] = compare(a.features, b.features, vocabulary).reason
    assert why["d07-posyandu-two-rw"] == "different rw numbers"
    assert why["d08-jumat-bersih-two-kelurahan"] == "different kelurahan"
    assert why["d10-ktp-keliling-two-kecamatan"] == "different event dates"
    assert why["d26-dua-kebakaran"] == "different kecamatan"
    assert why["d29-pelatihan-admin-dua-angkatan"] == "different event dates"
