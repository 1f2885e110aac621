"""make site's copy of the demo's hand-written posts and photos into content/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pelita.tools.democontent import DemoContentError, stage_demo_content


def demo_repo(root: Path) -> Path:
    (root / "demo" / "posts" / "2025").mkdir(parents=True)
    (root / "demo" / "posts" / "2025" / "a.md").write_text("Title: A\n", "utf-8")
    (root / "demo" / "images" / "demo").mkdir(parents=True)
    (root / "demo" / "images" / "demo" / "a.jpg").write_bytes(b"jpeg")
    return root


def test_the_demo_is_copied_beside_the_city_s_own_posts(tmp_path):
    repo = demo_repo(tmp_path / "repo")
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "kota.md").write_text("Title: Kota\n", "utf-8")
    stage_demo_content(repo, content)
    assert (content / "demo-posts" / "2025" / "a.md").read_text("utf-8") == "Title: A\n"
    assert (content / "images" / "demo" / "a.jpg").read_bytes() == b"jpeg"
    assert sorted(p.name for p in (content / "posts").iterdir()) == ["kota.md"]


def test_a_post_removed_from_the_demo_leaves_the_copy_and_times_are_kept(tmp_path):
    repo = demo_repo(tmp_path / "repo")
    content = tmp_path / "content"
    old = repo / "demo" / "posts" / "2025" / "old.md"
    old.write_text("Title: Old\n", "utf-8")
    os.utime(repo / "demo" / "posts" / "2025" / "a.md", (1_000_000, 1_000_000))
    stage_demo_content(repo, content)
    old.unlink()
    stage_demo_content(repo, content)
    copied = content / "demo-posts" / "2025"
    assert sorted(p.name for p in copied.iterdir()) == ["a.md"]
    assert (copied / "a.md").stat().st_mtime == 1_000_000


def test_a_linked_copy_is_replaced_by_real_files(tmp_path):
    repo = demo_repo(tmp_path / "repo")
    content = tmp_path / "content"
    content.mkdir()
    (content / "demo-posts").symlink_to(repo / "demo" / "posts")
    stage_demo_content(repo, content)
    assert not (content / "demo-posts").is_symlink()
    assert (repo / "demo" / "posts" / "2025" / "a.md").is_file()


def test_a_missing_demo_folder_is_named(tmp_path):
    with pytest.raises(
        DemoContentError, match=r"demo/posts: the demo folder is missing"
    ):
        stage_demo_content(tmp_path, tmp_path / "content")
