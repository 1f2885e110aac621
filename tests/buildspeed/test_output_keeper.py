"""The incremental build keeps what it made or kept and removes only left-overs.

Pelican's default ``OUTPUT_PATH`` is the relative ``output`` (what ``invoke
preview`` and ``invoke publish`` build into): before the fix the keeper
compared the files it was told to keep (absolute paths) with the files it
found (relative ones), so a second production build pruned every page it had
reused, the theme and the photos.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from pelita.build.buildspeed.output import OutputKeeper


def _pelican(output_path: str) -> SimpleNamespace:
    """The three attributes of a Pelican run the keeper reads."""
    return SimpleNamespace(
        output_path=output_path,
        delete_outputdir=True,
        settings={"OUTPUT_RETENTION": [".git"]},
    )


def _earlier_build(output: Path) -> None:
    for name in ("index.html", "theme/site.css", "berita/lama/index.html"):
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text(name, "utf-8")
    (output / ".git").mkdir()
    (output / ".git" / "HEAD").write_text("ref", "utf-8")


@pytest.mark.parametrize("relative", [True, False], ids=["relative", "absolute"])
def test_kept_files_stay_and_left_overs_go(tmp_path, monkeypatch, relative):
    monkeypatch.chdir(tmp_path)
    output = tmp_path / "output"
    output.mkdir()
    _earlier_build(output)
    pelican = _pelican("output" if relative else str(output))

    OutputKeeper.take_over(pelican)
    assert pelican.delete_outputdir is False  # Pelican must not wipe it
    keeper = OutputKeeper.current()
    keeper.kept(Path(pelican.output_path) / "index.html")  # reused page
    keeper.kept(os.path.join(pelican.output_path, "theme", "site.css"))
    (output / "berita" / "baru").mkdir(parents=True)
    (output / "berita" / "baru" / "index.html").write_text("new", "utf-8")

    assert keeper.prune() == 1
    left = sorted(str(p.relative_to(output)) for p in output.rglob("*") if p.is_file())
    assert left == [
        ".git/HEAD",
        "berita/baru/index.html",
        "index.html",
        "theme/site.css",
    ]
    assert not (output / "berita" / "lama").exists()  # emptied folder removed
