"""The column layout: text shrinks together, never leaves its box, never cut."""

from pathlib import Path

from pelita.build.ogcard.blocks import (
    Gap,
    Panel,
    Pill,
    Pills,
    Spring,
    Text,
    text_block_height,
)
from pelita.build.ogcard.layout import stack
from pelita.build.ogcard.textfit import FLOOR_SIZE, load_font, shorten_to_fit, wrap_text

FONTS = Path(__file__).resolve().parents[2] / "theme/fonts"
BOLD = str(FONTS / "NotoSans-Bold.ttf")
REGULAR = str(FONTS / "NotoSans-Regular.ttf")
BOX = (40, 100, 600, 500)


def words(text: str) -> str:
    return "".join(text.split())


def assert_inside(laid_out, box=BOX):
    x, y, width, height = box
    for item in laid_out.texts:
        font = load_font(item.font, item.size)
        assert item.x >= x
        assert item.y >= y
        assert item.y + item.height <= y + height
        for line in item.lines:
            assert item.x + font.getlength(line) <= x + width, line


def test_short_text_keeps_its_preferred_size_and_springs_take_the_rest():
    blocks = (
        Text("Judul", BOLD, 60, "#fff", 30),
        Spring(),
        Text("kaki", REGULAR, 30, "#fff", 30),
    )
    laid_out = stack(blocks, BOX)
    title, foot = laid_out.texts
    assert title.size == 60
    assert foot.y + foot.height == BOX[1] + BOX[3] - (BOX[3] - laid_out.height)
    assert laid_out.height >= BOX[3] - 1
    assert_inside(laid_out)


def test_long_text_shrinks_every_text_together_down_to_the_minimum():
    long = "Penghargaan Pembangunan Daerah Terbaik Tingkat Provinsi Jawa Tengah " * 3
    blocks = (
        Text(long, BOLD, 70, "#fff", 30),
        Gap(20),
        Text("Penerima: Dinas Lingkungan Hidup", REGULAR, 40, "#fff", 30),
    )
    laid_out = stack(blocks, BOX)
    title, detail = laid_out.texts
    assert 30 <= title.size < 70
    assert 30 <= detail.size < 40
    assert words("".join(title.lines)) == words(long)
    assert_inside(laid_out)


def test_a_shortenable_text_loses_words_before_a_title_goes_below_its_minimum():
    title = "Kota Semarang Meraih Penghargaan " * 4
    summary = "Ringkasan yang panjang sekali tentang penghargaan ini. " * 12
    blocks = (
        Text(title, BOLD, 60, "#fff", 34),
        Text(summary, REGULAR, 40, "#fff", 30, shorten=True),
    )
    laid_out = stack(blocks, (0, 0, 600, 420))
    head, body = laid_out.texts
    assert head.size == 34
    assert words("".join(head.lines)) == words(title)
    assert body.shortened
    assert body.lines[-1].endswith("…")
    assert_inside(laid_out, (0, 0, 600, 420))


def test_text_goes_below_its_minimum_rather_than_being_cut():
    title = "Judul yang sangat panjang sekali " * 12
    laid_out = stack((Text(title, BOLD, 60, "#fff", 40),), (0, 0, 500, 300))
    (head,) = laid_out.texts
    assert FLOOR_SIZE <= head.size < 40
    assert not head.shortened
    assert words("".join(head.lines)) == words(title)
    assert_inside(laid_out, (0, 0, 500, 300))


def test_thousands_of_characters_are_shortened_at_the_floor_as_a_last_resort():
    laid_out = stack((Text("kata " * 3000, BOLD, 60, "#fff", 40),), (0, 0, 400, 200))
    (head,) = laid_out.texts
    assert head.size == FLOOR_SIZE
    assert head.shortened
    assert_inside(laid_out, (0, 0, 400, 200))


def test_panel_text_is_inset_by_padding_and_stripe():
    panel = Panel((Text("Faktanya", BOLD, 30, "#000", 30),), "#fff", padding=20,
                  stripe="#b3261e", stripe_width=10)  # fmt: skip
    laid_out = stack((panel,), BOX)
    (text,) = laid_out.texts
    assert text.x == BOX[0] + 30
    assert text.y == BOX[1] + 20
    assert laid_out.height == text.height + 40


def test_pills_wrap_and_share_a_row_centred():
    stamp = Pill("HOAKS", BOLD, 60, "#b3261e", "#fff")
    label = Pill("KLARIFIKASI", BOLD, 30, "#f2a900", "#000")
    laid_out = stack((Pills((stamp, label)),), BOX)
    big, small = laid_out.items
    assert abs((big.y + big.height / 2) - (small.y + small.height / 2)) <= 1
    narrow = stack((Pills((stamp, label)),), (0, 0, big.width + 20, 400))
    first, second = narrow.items
    assert second.y > first.y + first.height - 1


def test_block_height_includes_the_last_lines_descenders():
    ascent, descent = load_font(BOLD, 50).getmetrics()
    assert text_block_height(50, BOLD, 1, 1.2) == ascent + descent
    assert text_block_height(50, BOLD, 3, 1.2) == 2 * 60 + ascent + descent


def test_a_url_breaks_after_a_slash_or_hyphen_not_inside_a_word():
    url = "pelita.example/klarifikasi/hoaks-bantuan-tunai-tautan-whatsapp"
    lines = wrap_text(url, load_font(BOLD, 40), 700)
    assert len(lines) == 2
    assert lines[0].endswith(("/", "-"))
    assert "".join(lines) == url


def test_shorten_to_fit_keeps_text_that_fits_whole():
    fitted = shorten_to_fit("Satu dua tiga", REGULAR, 30, (600, 200))
    assert fitted.lines == ("Satu dua tiga",)
    assert not fitted.shortened
