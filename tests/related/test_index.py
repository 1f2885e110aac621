"""Related posts from the inverted index."""

from pelita.build.related.index import Doc, city_stopwords, related_indices, tokens

DAY = 86_400.0


def doc(day, category="Berita", *, kecamatan="", tags=(), text="", group=""):
    return Doc(day * DAY, category, kecamatan, tuple(tags), text, group or f"g{day}")


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


def test_shared_kecamatan_and_tags_rank_first_and_self_is_never_related():
    docs = [
        doc(
            1, kecamatan="Tembalang", tags=["kampung hijau"], text="bank sampah meteseh"
        ),
        doc(2, kecamatan="Tembalang", tags=["kampung hijau"], text="bank sampah warga"),
        doc(3, kecamatan="Mijen", text="jalan baru"),
        doc(4, kecamatan="Tembalang", text="posyandu balita"),
        doc(5, category="Kuliner", text="lumpia"),
    ]
    result = related_indices(docs, limit=3)
    assert result[0][0] == 1
    assert 0 not in result[0]
    assert all(i not in found for i, found in enumerate(result))
    assert result[0][1] == 3  # same kecamatan beats same category only


def test_posts_of_one_story_are_not_suggested_to_each_other():
    docs = [
        doc(1, tags=["banjir"], text="banjir kaligawe surut", group="story-1"),
        doc(2, tags=["banjir"], text="banjir kaligawe surut", group="story-1"),
        doc(3, tags=["banjir"], text="banjir genuk"),
    ]
    assert related_indices(docs)[0] == [2]


def test_every_post_gets_suggestions_when_the_site_has_other_posts():
    docs = [doc(i, category=f"c{i}", text=f"kata{i}unik") for i in range(6)]
    assert all(len(found) == 4 for found in related_indices(docs))


def test_common_features_only_look_at_a_window_of_nearby_posts():
    # 200 posts share a kecamatan; with a window of 10 only posts close in
    # time to a post can be suggested through it.
    docs = [doc(day, kecamatan="Tembalang", category=f"c{day}") for day in range(200)]
    found = related_indices(docs, limit=4, window=10)
    assert all(abs(other - 100) <= 10 for other in found[100])
    assert found[100] == [104, 103, 102, 101]


def test_result_is_deterministic_newer_first_on_ties():
    docs = [doc(day, kecamatan="Genuk") for day in range(5)]
    assert related_indices(docs)[0] == [4, 3, 2, 1]
    assert related_indices(docs) == related_indices(list(docs))


def test_empty_site():
    assert related_indices([]) == []
