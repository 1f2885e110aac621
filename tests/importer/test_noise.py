"""Byline noise of city CMSes is removed from an article body, the text stays."""

import pytest
from bs4 import BeautifulSoup
from importer_testkit import REPO

from pelita.importer.errors import ImporterConfigError
from pelita.importer.htmlchannels.noise import load_noise_rules, remove_noise

RULES = load_noise_rules(REPO / "data" / "html-noise.yml")
TEXT = "Warga RW 05 membersihkan saluran air menjelang musim hujan."


def cleaned(inner: str, own: tuple[str, ...] = ()) -> BeautifulSoup:
    body = BeautifulSoup(f"<div class='isi'>{inner}</div>", "html.parser").div
    remove_noise(body, RULES, own)
    return body


def text_of(inner: str, own: tuple[str, ...] = ()) -> str:
    return " ".join(cleaned(inner, own).get_text(" ").split())


@pytest.mark.parametrize(
    "noise",
    [
        "<div>Dilihat: 990 kali</div>",
        "<p>Dibaca 1.204 kali</p>",
        "<span class='x'>Sudah dibaca: 77x</span>",
        "<p>1.024 views</p>",
        "<p>Penulis: Rina | Editor: Humas Kelurahan</p>",
        "<p><strong>Editor:</strong> Sari</p>",
        "<p>Sumber foto: Dokumentasi Kelurahan</p>",
        "<p>Reporter : Budi</p>",
        "<p>Diposting oleh Admin Kelurahan</p>",
        "<p>Tags: posyandu, kesehatan</p>",
        "<p><strong>Baca juga:</strong> <a href='/b'>Berita lain</a></p>",
        "<p>Baca Juga : <a href='/b'>Berita lain</a></p>",
        "<div class='terkait'><h4>Berita Terkait</h4><ul><li><a href='/a'>A</a></li>"
        "<li><a href='/b'>B</a></li></ul></div>",
        "<h3>Baca juga</h3><ul><li><a href='/a'>Kabar lain</a></li></ul>",
        "<div class='x'><strong>Bagikan ke:</strong> <a href='https://wa.me/'>WA</a>"
        "</div>",
        "<div class='sharedaddy'><h3>Share this:</h3><a href='/s'>X</a></div>",
        "<div class='addtoany_share_save_container'><a href='/s'>Share</a></div>",
        "<nav class='post-navigation'><a href='/p'>Sebelumnya</a></nav>",
        "<p>Sebelumnya: <a href='/p'>Berita sebelumnya</a></p>",
        "<div class='tags'><a href='/t/a'>a</a> <a href='/t/b'>b</a></div>",
        "<div id='comments'><h3>Tinggalkan Komentar</h3></div>",
        "<form><input name='q'><button>Cari</button></form>",
        "<script>track()</script>",
        "<p>ADVERTISEMENT</p>",
        "<div class='ads-slot'>SCROLL TO RESUME CONTENT</div>",
        "<p>Advertisement Scroll to continue with content</p>",
        '<p><strong>Simak Video "Banjir di Kaligawe"</strong></p>',
        "<p>Saksikan juga video: warga panen raya</p>",
        "<p>Copyright © 2021 Warta Semarang. All rights reserved.</p>",
        "<p>© 2019 Pemkot Semarang</p>",
        "<p>Hak cipta dilindungi undang-undang.</p>",
        "<p>Ikuti perkembangan berita ini dalam topik Banjir Semarang</p>",
        "<p>Ikuti berita terkini dari Warta di Google News</p>",
        "<span>0 Komentar</span>",
        "<div>12 comments</div>",
        "<p>(ant/hrs)</p>",
        "<p>(***)</p>",
        "<div><a href='/tag/banjir'>banjir</a>, <a href='/tag/semarang'>semarang</a>"
        "</div>",
        "<p>Tags: <a href='https://warta.example/topik/banjir'>#banjir</a></p>",
        "<ul><li><a href='/tag/a'>A</a></li><li><a href='/label/b'>B</a></li></ul>",
        "<div><span>Topik:</span> <a href='/?tag=rw'>RW</a> | <a href='/?tag=x'>X</a>"
        "</div>",
    ],
)
def test_noise_is_removed_and_the_text_kept(noise):
    result = text_of(f"<p>{TEXT}</p>{noise}<p>Selesai.</p>")
    assert result == f"{TEXT} Selesai."


def test_a_noise_line_between_br_breaks_goes_alone():
    result = text_of(f"{TEXT}<br>Dilihat: 15 kali<br>Warga pulang siang.")
    assert result == f"{TEXT} Warga pulang siang."


@pytest.mark.parametrize("code", ["(ant/hrs)", "( rls / bbs )", "(***)"])
def test_a_credit_code_at_the_very_end_goes(code):
    ending = "Kegiatan ditutup di Semarang, Kamis."
    assert text_of(f"<p>{TEXT}</p><p>{ending} {code}</p>") == f"{TEXT} {ending}"
    kept = f"Data (bps/2019) menunjukkan kenaikan. {ending}"
    assert text_of(f"<p>{kept}</p>") == kept


def test_links_to_tag_pages_inside_a_sentence_stay():
    text = (
        "<p>Warga <a href='/tag/rw05'>RW 05</a> bekerja bakti.</p>"
        "<p>Lihat <a href='/tag/banjir'>topik banjir</a> di laman kami.</p>"
    )
    assert (
        text_of(text) == "Warga RW 05 bekerja bakti. Lihat topik banjir di laman kami."
    )


def test_the_channel_selectors_go_first():
    assert text_of(f"<p>{TEXT}</p><div class='iklan'>Promo</div>", (".iklan",)) == TEXT


@pytest.mark.parametrize(
    "text",
    [
        "Editor foto harian ini menilai karya warga sebagai yang terbaik tahun ini.",
        "Foto: Wali Kota meninjau saluran yang baru dibersihkan warga.",
        "Baca juga pengumuman di papan kelurahan, kata Lurah, sebelum mendaftar. " * 4,
        "Warga yang sudah dibaca namanya diminta maju ke depan.",
        "Hak cipta foto milik warga, katanya, tidak dijual.",
        "Iklan rokok dilarang dipasang di sekitar sekolah.",
        "Simak pula penjelasan lurah soal jadwal kerja bakti berikutnya.",
    ],
)
def test_text_that_only_looks_like_noise_stays(text):
    assert text_of(f"<p>{text}</p>") == " ".join(text.split())


def test_a_long_paragraph_starting_like_a_byline_stays():
    long = "Penulis: " + "kisah warga yang menanam pohon di sepanjang kali. " * 6
    assert text_of(f"<p>{long}</p>") == " ".join(long.split())


def test_broken_rules_are_named(tmp_path):
    path = tmp_path / "noise.yml"
    path.write_text("lines:\n  - '(dilihat'\n", encoding="utf-8")
    with pytest.raises(ImporterConfigError, match=r"noise.yml: lines: '\(dilihat'"):
        load_noise_rules(path)
    path.write_text("selectors: ['div..x']\n", encoding="utf-8")
    with pytest.raises(ImporterConfigError, match=r"div\.\.x"):
        load_noise_rules(path)
    path.write_text("colour: red\n", encoding="utf-8")
    with pytest.raises(ImporterConfigError, match="expected a mapping"):
        load_noise_rules(path)
    with pytest.raises(ImporterConfigError, match="cannot be read"):
        load_noise_rules(tmp_path / "missing.yml")
