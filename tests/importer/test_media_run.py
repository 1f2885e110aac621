"""Images in whole runs over HTTP: downloaded, cleaned, stored once, never fatal."""

import json

from feedserver import Response
from imagekit import (
    HTML_PAGE,
    SVG,
    opened,
    photo,
    png_claiming,
    tracking_pixel,
)
from importer_testkit import (
    make_settings,
    posts,
    read_report,
    read_state,
    write_registry,
)

from pelita.importer.cli import run_import
from pelita.importer.writing.metadata import parse_header
from tests.images.photos import phone_jpeg

PHONE = phone_jpeg(size=(1200, 800), orientation=6)
FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Kanal uji</title><link>{base}/</link>
{items}
</channel></rss>"""
ITEM = """<item><title>{title}</title><link>{base}/{slug}/</link>
<guid>{base}/?p={slug}</guid><pubDate>Tue, 04 Jun 2024 0{hour}:00:00 +0700</pubDate>
<content:encoded><![CDATA[{body}]]></content:encoded>{media}</item>"""


def item(base, slug, title, media="", body="<p>Isi kabar.</p>", *, hour=1):
    return ITEM.format(
        base=base, slug=slug, title=title, media=media, body=body, hour=hour
    )


def media_content(url):
    return f'<media:content url="{url}" medium="image" type="image/jpeg"/>'


def serve_images(server):
    base = server.base
    server.add("/img/phone.jpg", Response(PHONE, content_type="image/jpeg"))
    server.add("/img/phone-copy.jpg", Response(PHONE, content_type="image/jpeg"))
    server.add("/img/chart.png", Response(photo("PNG"), content_type="image/png"))
    fake = photo("PNG", color=(200, 40, 40))
    server.add("/img/fake.jpg", Response(fake, content_type="image/jpeg"))
    server.add("/img/px.gif", Response(tracking_pixel(), content_type="image/gif"))
    return base


def feed_of(base, items):
    return FEED.format(base=base, items="\n".join(items)).encode()


def good_items(base):
    body = (
        f'<p><img src="{base}/img/phone.jpg" alt="Warga antre"></p><p>Isi kabar.</p>'
        f'<p><img src="/img/chart.png" alt="Grafik antrean"></p>'
        f'<p><img src="https://cdn.example.net/foto.jpg" alt="Foto lain"></p>'
        f'<p>Akhir.<img src="{base}/img/px.gif"></p>'
    )
    return [
        item(base, "foto", "Foto warga", media_content(f"{base}/img/phone.jpg"), body),
        item(base, "palsu", "PNG bernama JPEG",
             f'<enclosure url="{base}/img/fake.jpg" type="image/jpeg" length="0"/>',
             hour=2),
        item(base, "salinan", "Gambar yang sama",
             f'<media:thumbnail url="{base}/img/phone-copy.jpg"/>', hour=3),
    ]  # fmt: skip


def run(root, **kwargs):
    return run_import(make_settings(root), **kwargs)


def header(path):
    return parse_header(path.read_text("utf-8").splitlines())


def by_slug(root):
    return {header(p)["slug"]: (p, header(p)) for p in posts(root)}


def image_requests(server):
    return [s.path for s in server.seen if s.path.startswith("/img/")]


def test_images_are_downloaded_cleaned_and_stored_once(tmp_path, feed_server):
    base = serve_images(feed_server)
    url = feed_server.add("/feed", Response(feed_of(base, good_items(base))))
    write_registry(tmp_path, [{"id": "uji", "url": url}])
    assert run(tmp_path) == 0
    found = by_slug(tmp_path)
    path, meta = found["foto-warga"]
    assert meta["image"].startswith("images/imported/")
    assert meta["image"].endswith(".webp")
    assert meta["image_alt"] == "Warga antre"
    stored = tmp_path / "content" / meta["image"]
    master = opened(stored.read_bytes())
    assert master.format == "WEBP"
    assert master.size == (800, 1200)  # turned upright
    assert not master.getexif()
    body = path.read_text("utf-8").partition("\n\n")[2]
    assert "![Grafik antrean]({static}/images/imported/" in body
    assert "![Foto lain](https://cdn.example.net/foto.jpg)" in body
    assert "px.gif" not in body
    assert "phone.jpg" not in body  # the featured image left the body
    assert found["png-bernama-jpeg"][1]["image"].startswith("images/imported/")
    assert found["gambar-yang-sama"][1]["image"] == meta["image"]
    files = sorted((tmp_path / "content" / "images" / "imported").iterdir())
    assert len(files) == 3  # phone (twice in the feed), chart, the PNG
    report = read_report(tmp_path)["channels"][0]
    assert (report["images"], report["image_failures"]) == (3, 0)


def test_an_unchanged_feed_downloads_no_image_again(tmp_path, feed_server):
    base = serve_images(feed_server)
    url = feed_server.add("/feed", Response(feed_of(base, good_items(base))))
    write_registry(tmp_path, [{"id": "uji", "url": url}])
    run(tmp_path)
    first = image_requests(feed_server)
    assert sorted(set(first)) == [
        "/img/chart.png", "/img/fake.jpg", "/img/phone-copy.jpg", "/img/phone.jpg",
        "/img/px.gif",
    ]  # fmt: skip
    assert first.count("/img/phone.jpg") == 1  # one download for two references
    before = {p: p.stat().st_mtime_ns for p in posts(tmp_path)}
    assert run(tmp_path) == 0
    assert image_requests(feed_server) == first
    assert {p: p.stat().st_mtime_ns for p in posts(tmp_path)} == before
    assert read_report(tmp_path)["channels"][0]["unchanged"] == 3
    media = read_state(tmp_path)["channels"]["uji"]["media"]
    assert media[f"{base}/img/px.gif"] == {"pixel": True}


def bad_items(base):
    cases = {
        "svg": "/img/logo.svg", "halaman": "/img/login.jpg", "besar": "/img/big.jpg",
        "bom": "/img/bomb.png", "rusak": "/img/flaky.jpg", "hilang": "/img/gone.jpg",
    }  # fmt: skip
    return [
        item(base, slug, f"Kabar {slug}", media_content(base + path), hour=n % 9 + 1)
        for n, (slug, path) in enumerate(cases.items())
    ]


def serve_bad_images(server):
    server.add("/img/logo.svg", Response(SVG, content_type="image/svg+xml"))
    server.add("/img/login.jpg", Response(HTML_PAGE, content_type="image/jpeg"))
    big = b"\xff\xd8\xff\xe0" + bytes(9 * 1024 * 1024)
    server.add("/img/big.jpg", Response(big, content_type="image/jpeg"))
    server.add("/img/bomb.png", Response(png_claiming(60_000, 60_000)))
    server.add("/img/flaky.jpg", Response(b"oops", status=500))
    return server.base


def test_bad_images_never_fail_their_posts_and_are_counted(tmp_path, feed_server):
    base = serve_bad_images(feed_server)
    url = feed_server.add("/feed", Response(feed_of(base, bad_items(base))))
    write_registry(tmp_path, [{"id": "uji", "url": url}])
    assert run(tmp_path) == 0
    found = by_slug(tmp_path)
    assert len(found) == 6
    assert all("image" not in meta for _, meta in found.values())
    report = read_report(tmp_path)["channels"][0]
    assert report["status"] == "ok"
    assert (report["new"], report["image_failures"]) == (6, 6)
    notes = "\n".join(report["notes"])
    for words in ("SVG", "web page (HTML)", "byte cap", "decompression bomb",
                  "HTTP 500", "not found (404)"):  # fmt: skip
        assert words in notes
    assert read_report(tmp_path)["totals"]["image_failures"] == 6
    assert not (tmp_path / "content" / "images" / "imported").exists()


def test_refusals_are_remembered_network_failures_are_retried(tmp_path, feed_server):
    base = serve_bad_images(feed_server)
    url = feed_server.add("/feed", Response(feed_of(base, bad_items(base))))
    write_registry(tmp_path, [{"id": "uji", "url": url}])
    run(tmp_path)
    first = image_requests(feed_server)
    feed_server.add(
        "/img/flaky.jpg", Response(photo("JPEG"), content_type="image/jpeg")
    )
    assert run(tmp_path) == 0
    again = image_requests(feed_server)[len(first) :]
    assert again == ["/img/flaky.jpg"]
    meta = by_slug(tmp_path)["kabar-rusak"][1]
    assert meta["image"].startswith("images/imported/")
    report = read_report(tmp_path)["channels"][0]
    assert (report["updated"], report["image_failures"]) == (1, 0)


def test_a_remote_channel_keeps_https_urls_and_fetches_nothing(tmp_path, feed_server):
    base = serve_images(feed_server)
    items = [
        item(base, "jauh", "Gambar jauh", media_content("https://cdn.example.net/a.jpg"),
             f'<p>Isi.</p><p><img src="{base}/img/chart.png" alt="Grafik"></p>'),
        item(base, "dekat", "Gambar http", media_content(f"{base}/img/phone.jpg"),
             hour=2),
    ]  # fmt: skip
    url = feed_server.add("/feed", Response(feed_of(base, items)))
    write_registry(tmp_path, [{"id": "uji", "url": url, "images": "remote"}])
    assert run(tmp_path) == 0
    found = by_slug(tmp_path)
    assert found["gambar-jauh"][1]["image"] == "https://cdn.example.net/a.jpg"
    assert f"({base}/img/chart.png)" in found["gambar-jauh"][0].read_text("utf-8")
    assert "image" not in found["gambar-http"][1]  # plain http: not hot-linked
    assert image_requests(feed_server) == []


class PrivateResolver:
    """DNS under the test's control: the image host is an intranet address."""

    def __init__(self):
        self.asked = []

    async def __call__(self, host, port):
        self.asked.append(host)
        return ["10.20.30.40"]


def test_an_image_on_a_private_address_is_refused_below_the_socket(
    tmp_path, feed_server
):
    base = feed_server.base
    items = [item(base, "intranet", "Gambar internal",
                  media_content("http://files.intranet.test/rahasia.jpg"))]  # fmt: skip
    url = feed_server.add("/feed", Response(feed_of(base, items)))
    write_registry(tmp_path, [{"id": "uji", "url": url}])
    resolver = PrivateResolver()
    assert run(tmp_path, resolver=resolver) == 0
    assert resolver.asked == ["files.intranet.test"]
    report = read_report(tmp_path)["channels"][0]
    assert report["image_failures"] == 1
    assert "10.20.30.40, a private or reserved address" in "\n".join(report["notes"])
    meta = by_slug(tmp_path)["gambar-internal"][1]
    assert "image" not in meta
    state = read_state(tmp_path)["channels"]["uji"]["media"]
    assert (
        "private or reserved"
        in state["http://files.intranet.test/rahasia.jpg"]["refused"]
    )


def test_a_dry_run_downloads_and_writes_nothing(tmp_path, feed_server):
    base = serve_images(feed_server)
    url = feed_server.add("/feed", Response(feed_of(base, good_items(base))))
    write_registry(tmp_path, [{"id": "uji", "url": url}])
    assert run(tmp_path, dry_run=True) == 0
    assert image_requests(feed_server) == []
    assert not (tmp_path / "content").exists()


def test_images_decode_in_worker_processes(tmp_path, feed_server):
    base = serve_images(feed_server)
    url = feed_server.add("/feed", Response(feed_of(base, good_items(base)[:1])))
    write_registry(tmp_path, [{"id": "uji", "url": url}])
    assert run_import(make_settings(tmp_path, workers=1)) == 0
    meta = by_slug(tmp_path)["foto-warga"][1]
    assert opened((tmp_path / "content" / meta["image"]).read_bytes()).size == (
        800,
        1200,
    )
    state = json.loads((tmp_path / "state" / "import-state.json").read_text("utf-8"))
    assert len(state["channels"]["uji"]["media"]) == 3  # phone, chart, pixel


def test_a_huge_phone_photo_arrives_upright_at_the_master_width(tmp_path, feed_server):
    big = phone_jpeg(size=(4800, 3200), orientation=6)  # 15 MP, a camera photo
    feed_server.add("/img/kamera.jpg", Response(big, content_type="image/jpeg"))
    base = feed_server.base
    items = [
        item(base, "kamera", "Foto kamera", media_content(f"{base}/img/kamera.jpg"))
    ]
    url = feed_server.add("/feed", Response(feed_of(base, items)))
    write_registry(tmp_path, [{"id": "uji", "url": url}])
    assert run(tmp_path) == 0
    meta = by_slug(tmp_path)["foto-kamera"][1]
    master = opened((tmp_path / "content" / meta["image"]).read_bytes())
    assert master.size == (1600, 2400)  # turned upright, then scaled down
    assert master.getpixel((1590, 10))[0] > 150  # the red corner went right
    assert not master.getexif()


def test_a_remembered_image_whose_file_is_gone_is_fetched_again(tmp_path, feed_server):
    """The state remembers where an image went; if the file was removed (an
    orphan cleaned up after an interrupted run), the post must not name a
    missing file: the image is downloaded again."""
    base = serve_images(feed_server)
    url = feed_server.add("/feed", Response(feed_of(base, good_items(base)[:1])))
    write_registry(tmp_path, [{"id": "uji", "url": url}])
    assert run(tmp_path) == 0
    stored = tmp_path / "content" / by_slug(tmp_path)["foto-warga"][1]["image"]
    stored.unlink()
    assert run(tmp_path, only="uji") == 0
    assert stored.is_file()
    assert by_slug(tmp_path)["foto-warga"][1]["image"] == (
        stored.relative_to(tmp_path / "content").as_posix()
    )
