"""Kept file hashes: an unchanged file is not read again, a changed one is."""

import hashlib
import os

import pytest

from pelita.build.buildspeed import stamps
from pelita.build.buildspeed.stamps import StampCache, save_stamps, use_kept_stamps


@pytest.fixture(autouse=True)
def _fresh():
    StampCache._current.clear()
    yield
    StampCache._current.clear()


def _settings(tmp_path, method="md5", page_cache=True):
    return {
        "CACHE_PATH": str(tmp_path / "cache"),
        "CHECK_MODIFIED_METHOD": method,
        "BUILDSPEED": {"page_cache": page_cache},
    }


def _reads(monkeypatch) -> list[str]:
    opened: list[str] = []
    real = open

    def counting(name, *args, **kwargs):
        opened.append(os.fspath(name))
        return real(name, *args, **kwargs)

    monkeypatch.setattr(stamps, "open", counting, raising=False)
    return opened


def test_the_hash_is_pelicans_and_an_unchanged_file_is_not_read_again(
    tmp_path, monkeypatch
):
    post = tmp_path / "post.md"
    post.write_text("Title: Satu\n\nIsi.\n", "utf-8")
    reads = _reads(monkeypatch)
    first = StampCache.of(_settings(tmp_path))
    assert first.stamp(post) == hashlib.md5(post.read_bytes()).digest()
    save_stamps(None)
    assert StampCache._current == {}
    again = StampCache.of(_settings(tmp_path))
    assert again is not first
    assert again.stamp(post) == hashlib.md5(post.read_bytes()).digest()
    assert reads == [str(post)]  # the second build trusted size and time


def test_a_file_changed_in_size_or_time_is_hashed_again(tmp_path, monkeypatch):
    post = tmp_path / "post.md"
    post.write_text("Title: Satu\n\nIsi.\n", "utf-8")
    StampCache.of(_settings(tmp_path)).stamp(post)
    save_stamps(None)
    stat = post.stat()
    post.write_text("Title: Dua!\n\nIsi.\n", "utf-8")  # same size
    os.utime(post, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert (
        StampCache.of(_settings(tmp_path)).stamp(post)
        == hashlib.md5(post.read_bytes()).digest()
    )
    save_stamps(None)
    post.write_text("Title: Dua, lebih panjang\n\nIsi.\n", "utf-8")
    os.utime(post, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # same time
    assert (
        StampCache.of(_settings(tmp_path)).stamp(post)
        == hashlib.md5(post.read_bytes()).digest()
    )


def test_another_method_or_a_broken_file_starts_afresh(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("Isi.\n", "utf-8")
    StampCache.of(_settings(tmp_path)).stamp(post)
    save_stamps(None)
    sha = StampCache.of(_settings(tmp_path, "sha256"))
    assert sha.known == {}
    assert sha.stamp(post) == hashlib.sha256(post.read_bytes()).digest()
    StampCache._current.clear()
    (tmp_path / "cache" / stamps.FILE).write_bytes(b"not a pickle")
    assert StampCache.of(_settings(tmp_path)).known == {}


class _Cacher:
    def __init__(self, settings):
        self.settings = settings
        self._filestamp_func = hashlib.md5


@pytest.mark.parametrize(
    ("method", "page_cache", "kept"),
    [("md5", True, True), ("mtime", True, False), ("md5", False, False)],
)
def test_only_hashing_incremental_builds_use_kept_stamps(
    tmp_path, method, page_cache, kept
):
    cacher = _Cacher(_settings(tmp_path, method, page_cache))
    use_kept_stamps(cacher)
    assert (cacher._filestamp_func is not hashlib.md5) == kept
