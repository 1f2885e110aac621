"""Text fitting: the whole text always fits, never clipped."""

from pathlib import Path

from pelita.build.ogcard import clean_text, fit_text, load_font

FONT = str(Path(__file__).resolve().parents[2] / "theme/fonts/NotoSans-Bold.ttf")
WIDTH, HEIGHT = 1056, 330


def words_of(lines) -> str:
    return "".join("".join(lines).split())


def assert_fits(fitted, width=WIDTH, height=HEIGHT):
    font = load_font(FONT, fitted.size)
    assert fitted.height <= height
    for line in fitted.lines:
        assert font.getlength(line) <= width, line


def test_a_short_title_gets_the_largest_size():
    fitted = fit_text("Adipura untuk Semarang", FONT, WIDTH, HEIGHT, max_size=70)
    assert fitted.size == 70
    assert fitted.lines == ("Adipura untuk Semarang",)


def test_longer_titles_shrink_but_keep_every_word():
    title = (
        "Pemerintah Kota Semarang Meraih Penghargaan Pembangunan Daerah Terbaik "
        "Tingkat Provinsi Jawa Tengah untuk Ketiga Kalinya Berturut-turut Berkat "
        "Inovasi Layanan Publik Digital dan Partisipasi Warga di Enam Belas Kecamatan"
    )
    fitted = fit_text(title, FONT, WIDTH, HEIGHT, max_size=70, min_size=30)
    assert fitted.size < 70
    assert words_of(fitted.lines) == words_of([title])
    assert not fitted.shortened
    assert_fits(fitted)


def test_a_word_wider_than_the_box_is_broken_not_clipped():
    word = "https://semarangkota.go.id/" + "sangat-panjang-" * 12
    fitted = fit_text(word, FONT, 500, 400, max_size=40, min_size=20)
    assert len(fitted.lines) > 1
    assert words_of(fitted.lines) == words_of([word])
    assert_fits(fitted, 500, 400)


def test_more_lines_than_allowed_means_a_smaller_size():
    text = "Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh"
    free = fit_text(text, FONT, 400, 600, max_size=60, min_size=16)
    limited = fit_text(text, FONT, 400, 600, max_size=60, min_size=16, max_lines=2)
    assert len(limited.lines) <= 2
    assert limited.size < free.size


def test_the_line_limit_gives_way_below_the_minimum_size_rather_than_cut():
    text = "Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh"
    fitted = fit_text(text, FONT, 400, 600, max_size=60, min_size=40, max_lines=1)
    assert fitted.size < 40
    assert words_of(fitted.lines) == words_of([text])


def test_text_too_long_even_at_the_floor_is_shortened_and_says_so():
    fitted = fit_text("kata " * 600, FONT, 600, 100, max_size=40, min_size=20)
    assert fitted.shortened
    assert fitted.lines[-1].endswith("…")
    assert_fits(fitted, 600, 100)


def test_clean_text_drops_emoji_and_controls_and_tidies_spaces():
    assert clean_text("Juara 🏆  Nasional\u200d\n2025 ✨") == "Juara Nasional 2025"
    assert clean_text("Kota Lama — “Semarang”") == "Kota Lama — “Semarang”"
