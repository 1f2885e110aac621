"""The admin guide's examples pass ``invoke check`` as written, and every
message code the checker can give is explained in it."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from pelita.tools.check import format_problem, run_check
from pelita.tools.check.codes import CODES

from .conftest import REPO, repo_settings
from .test_defects import DEFECTS

GUIDE = REPO / "docs" / "panduan-admin.md"
FENCE = re.compile(r"^```markdown\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def example_posts() -> list[str]:
    return [block for block in FENCE.findall(guide()) if block.startswith("Title:")]


def header_value(post: str, key: str) -> str:
    match = re.search(rf"^{key}: (.+)$", post, re.MULTILINE)
    return match.group(1) if match else ""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "data", tmp_path / "data")
    (tmp_path / "content" / "posts" / "2026").mkdir(parents=True)
    return tmp_path


def test_there_is_an_example_for_every_category():
    categories = [header_value(post, "Category") for post in example_posts()]
    assert sorted(categories) == sorted(repo_settings()["CATEGORIES"])


def test_examples_pass_the_check_as_written(site):
    for post in example_posts():
        slug = header_value(post, "Slug")
        path = site / "content" / "posts" / "2026" / f"{slug}.md"
        path.write_text(post, encoding="utf-8")
        image = header_value(post, "Image")
        if image:  # the admin's own photo, which the guide cannot ship
            buffer = io.BytesIO()
            Image.new("RGB", (1200, 675), (40, 90, 140)).save(buffer, "JPEG")
            (site / "content" / image).parent.mkdir(parents=True)
            (site / "content" / image).write_bytes(buffer.getvalue())
    result = run_check(repo_settings(), root=site)
    assert result.files_checked == 7
    assert result.problems == [], "\n".join(map(format_problem, result.problems))


def test_the_example_message_is_what_the_check_prints(site):
    line = re.search(r"^content/posts/2026/posyandu\.md:6: .+$", guide(), re.MULTILINE)
    assert line, "the guide shows one example message"
    post = next(p for p in example_posts() if "Category: Berita" in p)
    post = post.replace("Kecamatan: Tembalang", "Kecamatan: Tembalng")
    post = re.sub(r"^(Image|Image_alt|Kelurahan): .*\n", "", post, flags=re.MULTILINE)
    post = re.sub(r"^Baca juga .*\n", "", post, flags=re.MULTILINE)
    (site / "content/posts/2026/posyandu.md").write_text(post, encoding="utf-8")
    result = run_check(repo_settings(), root=site)
    assert [format_problem(p) for p in result.problems] == [line.group(0)]


def test_every_code_is_explained_once():
    headings = re.findall(r"^#### `([a-z-]+)`$", guide(), re.MULTILINE)
    assert sorted(headings) == sorted(CODES)
    assert len(headings) == len(set(headings))


def test_every_code_has_a_test_that_produces_it():
    tested = {code for _, _, code, _ in DEFECTS.values()}
    tested |= {"slug-bentrok", "berkas", "registri", "pengaturan", "pemeriksa"}
    # File rules, produced in tests/safety/test_content_files.py.
    tested |= {"berkas-jenis", "berkas-tautan"}
    assert tested == set(CODES)
