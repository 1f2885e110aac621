"""Post bodies: local images get srcset; other hosts are never contacted."""

from pelita.build.images.plan import ResponsiveImage, Variant
from pelita.build.images.rewrite import rewrite_images

PLAN = ResponsiveImage(
    source=None,
    digest="abc",
    width=1600,
    height=1200,
    variants=(
        Variant("images/a-320w.abc.webp", 320, 240),
        Variant("images/a-640w.abc.webp", 640, 480),
    ),
    original=Variant("images/a.jpg", 1600, 1200),
    og=Variant("images/og/a.abc.jpg", 1200, 630),
)


def find(path):
    return PLAN if path in {"images/a.jpg"} else None


def rewrite(body, siteurl="../.."):
    return rewrite_images(body, siteurl, find, "100vw", "Gambar dari sumber asli")


def test_local_image_gets_srcset_sizes_dimensions_and_lazy_loading():
    out = rewrite('<p><img alt="Warga &amp; kebun" src="../../images/a.jpg"></p>')
    assert 'src="../../images/a-640w.abc.webp"' in out
    assert (
        'srcset="../../images/a-320w.abc.webp 320w, ../../images/a-640w.abc.webp 640w"'
        in out
    )
    assert 'width="1600" height="1200"' in out
    assert 'loading="lazy"' in out
    assert 'alt="Warga &amp; kebun"' in out


def test_root_relative_and_absolute_site_urls_are_found():
    assert "srcset" in rewrite('<img src="/images/a.jpg">', siteurl="")
    site = "https://kabar.example.id"
    out = rewrite(f'<img src="{site}/images/a.jpg">', siteurl=site)
    assert f'src="{site}/images/a-640w.abc.webp"' in out


def test_image_on_another_host_becomes_a_link_and_a_pixel_disappears():
    body = (
        '<img src="https://cdn.example.org/foto.jpg" alt="Foto acara">'
        '<img src="https://stats.example.invalid/p.gif" width="1" height="1" alt="">'
        '<img src="//cdn.example.org/x.png">'
    )
    out = rewrite(body)
    assert "<img" not in out
    assert '<a class="remote-image" href="https://cdn.example.org/foto.jpg"' in out
    assert ">Foto acara</a>" in out
    assert "stats.example.invalid" not in out
    assert ">Gambar dari sumber asli (cdn.example.org)</a>" in out


def test_unknown_local_images_and_given_srcsets_are_kept():
    body = '<img src="../../images/b.jpg"><img src="../../images/a.jpg" srcset="x 1w">'
    assert rewrite(body) == body
