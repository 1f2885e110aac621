"""Grouping decisions: primaries, admin edits, earlier decisions, scale."""

import datetime as dt
import itertools
import random

from storykit import CITY, load_pairs, places, when

from pelita.core.stories import StoryPost, StoryText, Vocabulary, features, group_posts
from pelita.core.stories.index import QUERY_TERMS, IndexedPost, StoryIndex

PAIRS = {p["id"]: p for p in load_pairs()}


def post(key, article, published, **fields):
    text = StoryText(article["title"], article.get("summary", ""), article["body"])
    return StoryPost(
        key=key,
        slug=key,
        channel=fields.pop("channel", article["channel"]),
        kind=fields.pop("kind", article["kind"]),
        published=published,
        features=features(text, places(), CITY),
        **fields,
    )


def pair_posts(pair_id, **overrides):
    pair = PAIRS[pair_id]
    a, b = pair["a"], pair["b"]
    first = post("a", a, when(a["date"]), **overrides.get("a", {}))
    second = post("b", b, when(b["date"]), **overrides.get("b", {}))
    return first, second


def decisions_by_key(posts, **kwargs):
    decisions, _ = group_posts(posts, **kwargs)
    return {d.key: d for d in decisions}


def test_an_opd_post_is_the_primary_over_an_earlier_media_rewrite():
    opd, media = pair_posts("s05-parkir-nontunai", a={"pending": True},
                            b={"pending": True})  # fmt: skip
    media.published = opd.published - dt.timedelta(hours=5)  # the outlet was first
    found = decisions_by_key([opd, media])
    assert found["a"].duplicate_of is None
    assert found["b"].duplicate_of == "a"
    assert found["a"].story == found["b"].story == "b"  # named by its first post
    assert found["a"].reason.startswith("similar wording (lead 0.")
    assert found["a"].reason_id.startswith("isi mirip dengan b")
    assert "more official channel (opd before media)" in found["b"].reason


def test_among_equals_the_earliest_is_the_primary():
    first, second = pair_posts("s01-adminduk-sabtu", a={"pending": True},
                               b={"kind": "opd", "pending": True})  # fmt: skip
    found = decisions_by_key([second, first])
    assert found["b"].duplicate_of == "a"
    assert found["b"].reason == "same text (vs a)"
    assert found["b"].reason_id == "teks sama dengan a"


def test_a_newcomer_from_a_more_official_channel_takes_the_primary_role():
    opd, media = pair_posts("s09-jembatan-kaligarang", a={"pending": True})
    media.story = None  # imported alone in an earlier run
    found = decisions_by_key([opd, media])
    assert found["a"].duplicate_of is None
    assert found["b"].duplicate_of == "a"
    assert found["a"].story == found["b"].story == "b"  # the story keeps its name
    assert "more official channel" in found["b"].reason


def test_an_edited_primary_is_never_rewritten():
    opd, media = pair_posts("s09-jembatan-kaligarang", a={"pending": True},
                            b={"locked": True})  # fmt: skip
    found = decisions_by_key([opd, media])
    assert set(found) == {"a"}
    assert found["a"].duplicate_of == "b"


def test_earlier_decisions_and_admin_splits_stay_as_they_are():
    first, second = pair_posts("s01-adminduk-sabtu")
    assert decisions_by_key([first, second]) == {}  # nothing pending
    # An admin split b off (removed Duplicate_of); its file keeps Story only.
    first, second = pair_posts("s01-adminduk-sabtu", b={"pending": True,
                                                      "story": "a"})  # fmt: skip
    assert decisions_by_key([first, second]) == {}


def test_posts_of_one_channel_are_never_grouped():
    same_channel = {"channel": "disdukcapil", "pending": True}
    first, second = pair_posts(
        "s01-adminduk-sabtu", a={"pending": True}, b=same_channel
    )
    assert decisions_by_key([first, second]) == {}


def test_rewrites_count_within_the_window_exact_copies_within_a_month():
    late = dt.timedelta(days=9)
    copy_a, copy_b = pair_posts("s01-adminduk-sabtu", b={"pending": True})
    copy_b.published += late
    assert decisions_by_key([copy_a, copy_b])["b"].duplicate_of == "a"
    rewrite_a, rewrite_b = pair_posts("s05-parkir-nontunai", b={"pending": True})
    rewrite_b.published += late
    assert decisions_by_key([rewrite_a, rewrite_b]) == {}


def test_later_copies_never_crowd_out_the_earlier_match():
    original, rewrite = pair_posts("s05-parkir-nontunai", b={"pending": True})
    article = PAIRS["s05-parkir-nontunai"]["b"]
    later = rewrite.published + dt.timedelta(hours=1)
    reposts = [
        post(f"c{n}", article, later, channel=f"kanal-{n}", pending=True)
        for n in range(40)  # more than the index hands out as candidates
    ]
    decisions = decisions_by_key([original, rewrite, *reposts])
    assert decisions["b"].story == decisions["c0"].story == "a"
    assert {decisions[f"c{n}"].duplicate_of for n in range(40)} == {"a"}


SYLLABLES = [c + v for c in "bcdgjklmnprstw" for v in "aiueo"]
WORDS = [a + b + c for a in SYLLABLES for b in SYLLABLES[:30] for c in SYLLABLES[:12]]
# Word use in text is Zipfian: a few words everywhere, most words rare.
ZIPF = list(itertools.accumulate(1 / rank for rank in range(1, len(WORDS) + 1)))


def synthetic_archive(size, channels=40, days=900, planted=30, seed=7):
    """Unrelated posts over the years, plus rewrites of some of them."""
    rng = random.Random(seed)
    start = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
    posts, texts = [], []
    for index in range(size):
        words = rng.choices(WORDS, cum_weights=ZIPF, k=80)
        title = " ".join(words[:8]).title()
        body = " ".join(words[8:]) + f". Nomor {rng.randint(1000, 99999)}."
        when_ = start + dt.timedelta(minutes=rng.randint(0, days * 24 * 60))
        texts.append((title, body, when_))
        posts.append(
            StoryPost(
                f"p{index}",
                f"p{index}",
                f"ch{index % channels}",
                "opd",
                when_,
                features(StoryText(title, "", body)),
                pending=True,
            )
        )
    for copy in range(planted):
        title, body, when_ = texts[copy * 11]
        words = body.split()
        rng.shuffle(words)  # the same facts in another order
        posts.append(
            StoryPost(f"r{copy}", f"r{copy}", "media-x", "media",
                      when_ + dt.timedelta(hours=6),
                      features(StoryText(title, "", " ".join(words))), pending=True)
        )  # fmt: skip
    return posts


def test_grouping_compares_only_within_the_window_and_finds_every_rewrite():
    posts = synthetic_archive(1500)
    decisions, compared = group_posts(posts)
    grouped = {d.key: d.duplicate_of for d in decisions if d.duplicate_of}
    assert grouped == {f"r{n}": f"p{n * 11}" for n in range(30)}
    everything = len(posts) * (len(posts) - 1) // 2
    assert compared < 5 * len(posts)  # linear, not the 1.1 million pairs
    assert compared < everything / 400


def test_a_trimmed_copy_does_not_use_up_the_lookups_that_find_the_original():
    """The rewrite's rarest words are the ones only its copy shares.

    The words it shares with the original are in the copy too, so a little
    more common: looking up only the rarest ``QUERY_TERMS`` words would
    find the copy alone. Words that find nothing new cost no lookup.
    """
    rng = random.Random(3)
    vocabulary = rng.sample(WORDS, 400)
    facts, copied = vocabulary[:8], vocabulary[8 : 8 + 2 * QUERY_TERMS]
    filler = iter(vocabulary[100:])
    original = facts + [next(filler) for _ in range(40)]
    rewrite = facts + copied + [next(filler) for _ in range(30)]
    texts = {
        "original": original,
        "rewrite": rewrite,
        "copy": facts + copied,
        **{f"other{n}": [next(filler) for _ in range(20)] for n in range(5)},
    }
    found = {
        key: features(StoryText(key, "", " ".join(words)))
        for key, words in texts.items()
    }
    index = StoryIndex(
        [IndexedPost(0.0, key, found[key]) for key in texts],
        Vocabulary(found.values()),
    )
    keys = list(texts)
    candidates = index.candidates(keys.index("rewrite"), window=3600.0)
    assert {keys[i] for i in candidates} == {"original", "copy"}
    # The copy not decided yet (published after the rewrite): still free.
    decided = {i for i, key in enumerate(keys) if key != "copy"}
    candidates = index.candidates(keys.index("rewrite"), 3600.0, eligible=decided)
    assert {keys[i] for i in candidates} == {"original"}
