"""S3 deploys to a real S3-compatible server (moto) on 127.0.0.1."""

from __future__ import annotations

import gzip
import itertools
import urllib.request
from pathlib import Path

import pytest

from pelita.tools.deploy.config import load_deploy_config
from pelita.tools.deploy.errors import DeployError
from pelita.tools.deploy.pin import new_pin
from pelita.tools.deploy.s3 import MANIFEST_NAME, PIN_NAME, S3Target, make_client
from pelita.tools.deploy.s3_rules import cache_class, content_type

BUCKETS = itertools.count()

PAGEFIND = {
    "pagefind/pagefind.js": "export{}",
    "pagefind/pagefind-entry.json": "{}",
    "pagefind/wasm.id.pagefind": b"\x00asm-gz",
    "pagefind/fragment/id_5332878.pf_fragment": b"\x1f\x8b",
    "pagefind/index/id_b0315f1.pf_index": b"\x1f\x8b",
    "pagefind/pagefind.id_26c84a3f69.pf_meta": b"\x1f\x8b",
    "images/imported/3a7bd3e2360a3d29.webp": b"RIFF",
    "theme/js/search.wasm": b"\x00asm",
    "feeds/semua.atom.xml": "<feed/>",
    "data/kanal.json": "{}",
}


@pytest.fixture
def bucket(s3_endpoint: str) -> tuple[str, object]:
    name = f"pelita-{next(BUCKETS)}"
    config = load_deploy_config(
        {"s3": {"bucket": name, "endpoint_url": s3_endpoint}}, environ={}
    ).s3
    client = make_client(config)
    client.create_bucket(Bucket=name)
    return name, client


def s3_target(endpoint: str, name: str, client: object = None, **extra) -> S3Target:
    settings = {"bucket": name, "endpoint_url": endpoint, **extra}
    return S3Target(load_deploy_config({"s3": settings}, environ={}).s3, client)


def record_puts(client) -> list[str]:
    keys: list[str] = []
    client.meta.events.register(
        "before-parameter-build.s3.PutObject",
        lambda params, **_: keys.append(params["Key"]),
    )
    return keys


def head(client, bucket: str, key: str) -> dict:
    return client.head_object(Bucket=bucket, Key=key)


def page_of(client, bucket: str, key: str) -> bytes:
    """The bytes a browser ends up with (gzip undone, as it does)."""
    response = client.get_object(Bucket=bucket, Key=key)
    body = response["Body"].read()
    return gzip.decompress(body) if response.get("ContentEncoding") else body


def keys_in(client, bucket: str) -> set[str]:
    listing = client.list_objects_v2(Bucket=bucket)
    return {item["Key"] for item in listing.get("Contents", [])}


def test_publish_uploads_every_file_with_its_type_and_cache_header(
    s3_endpoint: str, bucket, make_output
):
    name, client = bucket
    output = make_output(PAGEFIND)
    puts = record_puts(client)
    one_at_a_time = s3_target(s3_endpoint, name, client, workers=1)
    outcome = one_at_a_time.publish(output, "abc123", dry_run=False)
    files = {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}
    assert keys_in(client, name) == files | {MANIFEST_NAME}
    expected = {
        "index.html": ("text/html; charset=utf-8", "max-age=300, must"),
        "theme/css/main.css": ("text/css; charset=utf-8", "max-age=300"),
        "feeds/semua.atom.xml": ("application/atom+xml; charset=utf-8", "max-age=300"),
        "sitemap.xml": ("application/xml; charset=utf-8", "max-age=300"),
        "data/kanal.json": ("application/json; charset=utf-8", "max-age=300"),
        "images/foto.webp": ("image/webp", "max-age=86400"),
        "images/imported/3a7bd3e2360a3d29.webp": ("image/webp", "immutable"),
        "theme/js/search.wasm": ("application/wasm", "max-age=86400"),
        "pagefind/wasm.id.pagefind": ("application/octet-stream", "max-age=300"),
        "pagefind/pagefind.js": ("text/javascript; charset=utf-8", "max-age=300"),
        "pagefind/fragment/id_5332878.pf_fragment": (
            "application/octet-stream",
            "max-age=31536000, immutable",
        ),
    }
    for key, (kind, cache) in expected.items():
        response = head(client, name, key)
        assert response["ContentType"] == kind, key
        assert cache in response["CacheControl"], key
        # Text is stored gzipped; images, wasm and Pagefind's chunks as they are.
        text = "charset=utf-8" in kind
        assert response.get("ContentEncoding") == ("gzip" if text else None), key
    site_puts = [key for key in puts if key != MANIFEST_NAME]
    html = [key for key in site_puts if key.endswith(".html")]
    assert site_puts[-len(html) :] == html  # pages go up after everything else
    assert html.index("berita/satu/index.html") < html.index("index.html")
    assert f"uploaded {len(files)}, deleted 0" in outcome.summary


def test_second_publish_sends_only_changes_and_removes_deleted_pages(
    s3_endpoint: str, bucket, make_output
):
    name, client = bucket
    target = s3_target(s3_endpoint, name, client)
    target.publish(make_output(), "one", dry_run=False)
    puts = record_puts(client)
    changes = {"index.html": "<p>baru</p>", "berita/dua/index.html": None}
    outcome = target.publish(make_output(changes), "two", dry_run=False)
    assert puts == ["index.html", MANIFEST_NAME]
    assert "berita/dua/index.html" not in keys_in(client, name)
    body = client.get_object(Bucket=name, Key="index.html")["Body"].read()
    assert gzip.decompress(body) == b"<p>baru</p>"
    assert "uploaded 1, deleted 1, kept 5" in outcome.summary
    assert (outcome.uploaded, outcome.uploaded_bytes) == (1, len(body))
    # A fresh build of the same bytes (new files, new mtimes) sends nothing.
    puts.clear()
    same = target.publish(make_output(changes), "three", dry_run=False)
    assert puts == [MANIFEST_NAME]
    assert (same.uploaded, same.unchanged) == (0, 6)


def test_a_pin_stops_deploys_until_one_is_forced(s3_endpoint: str, bucket, make_output):
    name, client = bucket
    target = s3_target(s3_endpoint, name, client)
    with pytest.raises(DeployError, match="nothing was published"):
        target.set_pin(new_pin("", environ={"GITHUB_ACTOR": "a"}))
    target.publish(make_output({"index.html": "v1"}), "rev1", dry_run=False)
    pinned = target.set_pin(new_pin("", "cek", environ={"GITHUB_ACTOR": "admin"}))
    assert pinned.pinned is not None
    assert pinned.pinned.release == "rev1"
    assert target.read_pin() == pinned.pinned
    with pytest.raises(DeployError, match="invoke deploy --force"):
        target.rollback(None, dry_run=False)
    for dry_run in (True, False):
        held = target.publish(make_output({"index.html": "v2"}), "rev2",
                              dry_run=dry_run)  # fmt: skip
        assert held.skipped
    assert page_of(client, name, "index.html") == b"v1"
    # The pin object survives deploys that delete what the build no longer has.
    assert PIN_NAME in keys_in(client, name)
    forced = target.publish(make_output({"index.html": "v2"}), "rev2",
                            dry_run=False, force=True)  # fmt: skip
    assert "lifted the pin" in forced.details[-1]
    assert page_of(client, name, "index.html") == b"v2"
    assert target.read_pin() is None
    assert PIN_NAME not in keys_in(client, name)
    target.set_pin(new_pin("", environ={"GITHUB_ACTOR": "a"}))
    assert "unpinned (it was pinned to rev2" in target.set_pin(None).summary


def test_changed_cache_rules_reupload_unchanged_files(
    s3_endpoint: str, bucket, make_output
):
    name, client = bucket
    output = make_output()
    s3_target(s3_endpoint, name, client).publish(output, "one", dry_run=False)
    puts = record_puts(client)
    rules = {"cache_control": {"default": "public, max-age=600"}}
    s3_target(s3_endpoint, name, client, **rules).publish(output, "two", dry_run=False)
    assert puts == ["images/foto.webp", MANIFEST_NAME]
    assert head(client, name, "images/foto.webp")["CacheControl"] == (
        "public, max-age=600"
    )


def test_dry_run_and_the_delete_limit_change_nothing(
    s3_endpoint: str, bucket, make_output
):
    name, client = bucket
    dry = s3_target(s3_endpoint, name, client).publish(
        make_output(), "one", dry_run=True
    )
    assert keys_in(client, name) == set()
    assert "would upload 7, would delete 0" in dry.summary
    assert "  put index.html" in dry.details
    s3_target(s3_endpoint, name, client).publish(make_output(), "one", dry_run=False)
    before = keys_in(client, name)
    careful = s3_target(s3_endpoint, name, client, max_deletes=1)
    gone = {"berita/satu/index.html": None, "berita/dua/index.html": None}
    with pytest.raises(DeployError, match="would delete 2 objects"):
        careful.publish(make_output(gone), "two", dry_run=False)
    assert keys_in(client, name) == before


def test_a_prefix_keeps_the_site_and_its_deletions_inside_it(
    s3_endpoint: str, bucket, make_output
):
    name, client = bucket
    client.put_object(Bucket=name, Key="lain/index.html", Body=b"other site")
    target = s3_target(s3_endpoint, name, client, prefix="/kota/")
    target.publish(make_output(), "one", dry_run=False)
    target.publish(make_output({"sitemap.xml": None}), "two", dry_run=False)
    keys = keys_in(client, name)
    assert "lain/index.html" in keys
    assert "kota/index.html" in keys
    assert "kota/sitemap.xml" not in keys
    assert f"kota/{MANIFEST_NAME}" in keys


def test_storage_errors_name_the_bucket(s3_endpoint: str, make_output):
    target = s3_target(s3_endpoint, "tidak-ada")
    with pytest.raises(DeployError, match=r"s3://tidak-ada/ at http://127\.0\.0\.1"):
        target.publish(make_output(), "one", dry_run=False)


@pytest.mark.parametrize(
    ("key", "kind", "cache"),
    [
        (
            "feeds/kategori/berita.atom.xml",
            "application/atom+xml; charset=utf-8",
            "data",
        ),
        ("feeds/semua.rss.xml", "application/rss+xml; charset=utf-8", "data"),
        ("site.webmanifest", "application/manifest+json; charset=utf-8", "data"),
        ("robots.txt", "text/plain; charset=utf-8", "data"),
        ("logo.svg", "image/svg+xml; charset=utf-8", "default"),
        ("theme/css/main.3f2a9c1b7e.css", "text/css; charset=utf-8", "immutable"),
        ("images/foto-20250908.jpg", "image/jpeg", "default"),
        ("fonts/x.woff2", "font/woff2", "default"),
        ("LICENSE", "application/octet-stream", "default"),
        ("berita/index.HTML", "text/html; charset=utf-8", "html"),
    ],
)
def test_content_type_and_cache_rules(key: str, kind: str, cache: str):
    assert content_type(key) == kind
    assert cache_class(key) == cache


def test_extra_immutable_patterns_apply(tmp_path: Path):
    assert cache_class("images/2025/foto.jpg", ["images/2025/*"]) == "immutable"


def test_text_is_served_gzipped_and_decompresses_to_the_page(
    s3_endpoint: str, bucket, make_output
):
    name, client = bucket
    page = "<!doctype html><p>" + "Kabar Kota Semarang. " * 200 + "</p>"
    output = make_output({"index.html": page, "images/foto.webp": b"RIFF\x00webp"})
    s3_target(s3_endpoint, name, client).publish(output, "gz", dry_run=False)

    # A plain HTTP GET, as a browser or CDN makes it (no boto3 in between;
    # presigned, as the test bucket is not public).
    def address(key: str) -> str:
        params = {"Bucket": name, "Key": key}
        return client.generate_presigned_url("get_object", Params=params)

    request = urllib.request.Request(
        address("index.html"), headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
        sent = response.read()
    assert gzip.decompress(sent).decode() == page
    assert len(sent) < len(page) / 10
    with urllib.request.urlopen(address("images/foto.webp"), timeout=10) as image:
        assert image.headers.get("Content-Encoding") is None
        assert image.read() == b"RIFF\x00webp"


def test_gzip_can_be_turned_off_and_turning_it_on_reuploads_the_text(
    s3_endpoint: str, bucket, make_output
):
    name, client = bucket
    plain = s3_target(s3_endpoint, name, client, gzip=False)
    plain.publish(make_output(), "plain", dry_run=False)
    assert "ContentEncoding" not in head(client, name, "index.html")
    puts = record_puts(client)
    s3_target(s3_endpoint, name, client).publish(make_output(), "gz", dry_run=False)
    assert "index.html" in puts and "images/foto.webp" not in puts
    assert head(client, name, "index.html")["ContentEncoding"] == "gzip"
