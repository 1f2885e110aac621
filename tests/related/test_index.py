"""Related posts among earlier posts, from the inverted index."""

from dataclasses import replace

from pelita.build.related.index import (
    Doc,
    Options,
    city_stopwords,
    related_as_published,
    related_indices,
    tokens,
)

DAY = 86_400.0


def doc(day, category="Berita", *, kecamatan="", tags=(), text="", group=""):
    return Doc(
        day * DAY,
        category,
        kecamatan,
        tuple(tags),
        text,
        group or f"g{day}",
        key=f"posts/{day:04d}.md",
    )


def test_tokens_drop_stop_words_short_words_and_accents():
    text = "Warga Kota Semarang menanam pohon di Kelurahan Méteseh 2025"
    assert tokens(text, city_stopwords("Kota Semarang")) == {
        "menanam",
        "pohon",
        "meteseh",
    }


def test_the_city_stop_words_come_from_the_city_setting():
    assert city_stopwords("Kota Semarang") == {"semarang"}
    assert city_stopwords("Kota Salatiga") == {"salatiga"}
    text = "Warga Salatiga dan Semarang"
    assert tokens(text, city_stopwords("Kota Salatiga")) == {"semarang"}


def test_shared_kecamatan_and_tags_rank_first_among_earlier_posts():
    docs = [
        doc(1, category="Kuliner", text="lumpia"),
        doc(2, kecamatan="Tembalang", text="posyandu balita"),
        doc(3, kecamatan="Mijen", text="jalan baru"),
        doc(4, kecamatan="Tembalang", tags=["kampung hijau"], text="bank sampah warga"),
        doc(
            5, kecamatan="Tembalang", tags=["kampung hijau"], text="bank sampah meteseh"
        ),
    ]
    result = related_indices(docs, limit=3)
    assert result[4][0] == 3  # same tags, kecamatan and words
    assert result[4][1] == 1  # same kecamatan beats same category only
    assert result[0] == []  # the first post has nothing before it
    assert all(all(j < i for j in found) for i, found in enumerate(result))


def test_posts_of_one_story_are_not_suggested_to_each_other():
    docs = [
        doc(1, tags=["banjir"], text="banjir genuk"),
        doc(2, tags=["banjir"], text="banjir kaligawe surut", group="story-1"),
        doc(3, tags=["banjir"], text="banjir kaligawe surut", group="story-1"),
    ]
    assert related_indices(docs)[2] == [0]


def test_every_post_gets_suggestions_when_earlier_posts_exist():
    docs = [doc(i, category=f"c{i}", text=f"kata{i}unik") for i in range(6)]
    found = related_indices(docs)
    assert [len(f) for f in found] == [0, 1, 2, 3, 4, 4]


def test_common_features_only_look_at_the_latest_earlier_posts():
    # 200 posts share a kecamatan; with a window of 10 only the ten posts
    # just before a post can be suggested through it.
    docs = [doc(day, kecamatan="Tembalang", category=f"c{day}") for day in range(200)]
    found = related_indices(docs, limit=4, window=10)
    assert found[100] == [99, 98, 97, 96]


def test_ties_go_to_the_newer_post_whatever_the_input_order():
    docs = [doc(day, kecamatan="Genuk") for day in range(5)]
    assert related_indices(docs)[4] == [3, 2, 1, 0]
    shuffled = [docs[i] for i in (3, 0, 4, 2, 1)]
    assert related_indices(shuffled)[2] == [0, 3, 4, 1]


def test_a_new_post_never_changes_an_earlier_posts_list():
    docs = [
        doc(day, kecamatan="Tembalang" if day % 2 else "Mijen", tags=[f"t{day % 3}"])
        for day in range(30)
    ]
    before = related_indices(docs)
    newest = doc(31, kecamatan="Tembalang", tags=["t1"], text="kabar terbaru")
    after = related_indices([*docs, newest])
    assert after[:30] == before
    assert after[30]


def test_the_kept_state_scores_only_new_posts_and_gives_the_same_lists():
    options = Options()
    docs = [doc(day, kecamatan="Genuk", text=f"pasar {day % 4}") for day in range(20)]
    first, state, scored = related_as_published(docs, options)
    assert scored == 20
    more = [*docs, doc(21, kecamatan="Genuk", text="pasar 1")]
    again, state, scored = related_as_published(more, options, state)
    assert scored == 1
    assert again == related_as_published(more, options)[0]
    assert again[:20] == first


def test_an_edited_post_rescoring_everything_after_it_matches_a_fresh_run():
    options = Options(window=5)
    docs = [doc(day, kecamatan="Genuk", text=f"pasar {day % 4}") for day in range(20)]
    _first, state, _scored = related_as_published(docs, options)
    edited = list(docs)
    edited[7] = replace(docs[7], kecamatan="Mijen", text="jembatan baru")
    again, _state, scored = related_as_published(edited, options, state)
    assert scored == 13
    assert again == related_as_published(edited, options)[0]
    removed = docs[:5] + docs[6:]
    assert (
        related_as_published(removed, options, state)[0]
        == (related_as_published(removed, options)[0])
    )


def test_empty_site():
    assert related_indices([]) == []
