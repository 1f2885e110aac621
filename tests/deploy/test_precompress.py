"""Gzipped copies of the site's text: written, cached, checked, deployed."""

from __future__ import annotations

import gzip
from pathlib import Path

from pelita.tools.deploy.config import load_deploy_config
from pelita.tools.deploy.precompress import compression_problems, precompress
from pelita.tools.deploy.rsync_ssh import RsyncTarget

TEXT = {
    "index.html",
    "berita/satu/index.html",
    "berita/dua/index.html",
    "theme/css/main.css",
    "feeds/semua.atom.xml",
    "sitemap.xml",
}


def siblings(output: Path) -> set[str]:
    return {
        p.relative_to(output).as_posix().removesuffix(".gz")
        for p in output.rglob("*.gz")
    }


def test_every_text_file_gets_a_sibling_with_its_exact_bytes(make_output, tmp_path):
    output = make_output()
    done = precompress(output, tmp_path / "cache")
    assert siblings(output) == TEXT  # the WebP image is left as it is
    assert (done.written, done.compressed, done.removed) == (6, 5, 0)  # 2 alike
    for name in TEXT:
        packed = (output / f"{name}.gz").read_bytes()
        assert gzip.decompress(packed) == (output / name).read_bytes()
    assert compression_problems(output) == []


def test_a_rebuild_compresses_only_changed_text_and_bytes_stay_identical(
    make_output, tmp_path
):
    cache = tmp_path / "cache"
    first = make_output()
    precompress(first, cache)
    # A fresh build: every file written again, one page changed.
    second = make_output({"index.html": "<p>baru</p>"})
    done = precompress(second, cache)
    assert (done.written, done.compressed) == (6, 1)
    for name in TEXT - {"index.html"}:
        assert (first / f"{name}.gz").read_bytes() == (
            second / f"{name}.gz"
        ).read_bytes()
    assert gzip.decompress((second / "index.html.gz").read_bytes()) == b"<p>baru</p>"
    # The old index's compressed copy is no longer used: pruned from the cache.
    assert len(list(cache.iterdir())) == 5


def test_the_check_names_missing_stale_broken_and_left_over_copies(
    make_output, tmp_path
):
    output = make_output()
    precompress(output, tmp_path / "cache")
    (output / "theme/css/main.css.gz").unlink()
    (output / "index.html").write_text("<p>diubah setelahnya</p>", encoding="utf-8")
    (output / "sitemap.xml.gz").write_bytes(b"not gzip")
    (output / "berita/dua/index.html").unlink()
    problems = compression_problems(output)
    assert problems == [
        "index.html.gz: holds other bytes than index.html (stale copy)",
        "sitemap.xml.gz: not a gzip file",
        "theme/css/main.css: no theme/css/main.css.gz beside it",
        "berita/dua/index.html.gz: left over, its page is gone",
    ]
    precompress(output, tmp_path / "cache")
    assert compression_problems(output) == []
    assert not (output / "berita/dua/index.html.gz").exists()


def test_the_rsync_target_deploys_the_copies_and_links_unchanged_ones(
    ssh_server, make_output, tmp_path
):
    base = tmp_path / "srv"
    config = load_deploy_config(ssh_server.settings(base), environ={})
    target = RsyncTarget(config.rsync, {})
    cache = tmp_path / "cache"
    output = make_output()
    precompress(output, cache)
    target.publish(output, "aaaa", dry_run=False)
    live = base / "current"
    assert (
        gzip.decompress((live / "index.html.gz").read_bytes())
        == (live / "index.html").read_bytes()
    )
    assert siblings(live) == TEXT
    # Next build, one page changed: that page and its copy are sent, nothing else.
    output = make_output({"berita/satu/index.html": "<p>diperbarui</p>"})
    precompress(output, cache)
    again = target.publish(output, "bbbb", dry_run=False)
    assert again.uploaded == 2
    assert gzip.decompress((live / "berita/satu/index.html.gz").read_bytes()) == (
        b"<p>diperbarui</p>"
    )
