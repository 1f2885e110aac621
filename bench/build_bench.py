"""Build benchmarks at one corpus size: bare Pelican, Hugo, Pelita, rebuilds.

Every step is measured in its own process, back to back, on the same
corpus, so the ratios between them hold even on a busy machine. The
rebuilds are the nightly's shape: Pelita built once from empty caches with
Pelican's content cache on (the caches the nightly keeps between runs), then
1 post added and rebuilt, then 50 more added and rebuilt. The added posts
are removed again at the end, so the corpus can be reused by the next run.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import engines
import hugo_site
from measure import Sample, run_measured
from synthetic_hub import write_hub, write_posts


@dataclass(frozen=True)
class Row:
    """One measured build of one size."""

    posts: int
    step: str
    sample: Sample
    index: Sample | None = None  # the Pagefind step, for Pelita's builds

    @property
    def total(self) -> Sample:
        """The build and its search index, one after the other."""
        return self.sample + self.index if self.index else self.sample


STEPS = {
    "bare": "bare Pelican 4.12, simple theme",
    "hugo": "Hugo, minimal layout",
    "full": "Pelita, full build",
    "first": "Pelita, first build (empty caches, fills them)",
    "add1": "Pelita, rebuild after adding 1 post (cache on)",
    "add50": "Pelita, rebuild after adding 50 posts (cache on)",
}


def prepare_corpus(work: Path, posts: int, seed: int) -> Path:
    """The corpus of ``posts`` posts under ``work``, reused when it is complete."""
    content = work / f"hub-{posts}" / "content"
    stamp = content / ".complete"
    if not stamp.exists() or stamp.read_text() != f"{seed}:{posts}":
        write_hub(content, posts, seed, cache=work / "image-cache")
        stamp.write_text(f"{seed}:{posts}")
    return content


class SizeBench:
    """The builds of one corpus size, each step logged under ``folder/logs``."""

    def __init__(self, work: Path, posts: int, seed: int) -> None:
        self.posts, self.seed, self.work = posts, seed, work
        self.content = prepare_corpus(work, posts, seed)
        self.folder = self.content.parent
        self.logs = self.folder / "logs"
        self.logs.mkdir(exist_ok=True)
        self.cache = self.folder / "pelican-cache"

    def _run(self, name: str, command: list[str], cwd: Path, env=None) -> Sample:
        return run_measured(command, cwd, env, log=self.logs / f"{name}.log")

    def _fresh(self, name: str) -> Path:
        path = self.folder / name
        if path.exists():
            shutil.rmtree(path)
        return path

    def bare(self) -> Row:
        """Bare Pelican into a fresh output folder."""
        command = engines.bare_pelican(
            self.folder / "bare", self.content, self._fresh("out-bare")
        )
        return Row(self.posts, "bare", self._run("bare", command, self.folder))

    def hugo(self) -> Row:
        """Hugo on the same posts (the project is rewritten, untimed)."""
        project = self.folder / "hugo"
        hugo_site.write_project(self.content, project)
        command = engines.hugo(project, self._fresh("out-hugo"))
        return Row(self.posts, "hugo", self._run("hugo", command, self.folder))

    def pelita(self, step: str, cache: bool) -> Row:
        """Pelita's production build, then its Pagefind index, measured apart.

        Derived images (link-preview cards, resized photos) are always cached
        in ``pelican-cache``, as the nightly keeps them; ``cache`` turns
        Pelican's content cache (the parsed Markdown) on or off.
        """
        output = self.folder / "out-pelita"
        command = engines.pelita(self.content, output, self.cache, cache)
        build = self._run(step, command, engines.REPO, engines.pelita_env())
        parts = self.cache / "search-parts" if cache else None
        index = self._run(
            f"{step}-pagefind", engines.pagefind(output, parts), self.folder
        )
        return Row(self.posts, step, build, index)

    def _add(self, first: int, count: int) -> list[Path]:
        images = self.work / "image-cache"
        return write_posts(self.content, first, count, self.seed, images)

    def rebuilds(self, small: int = 1, large: int = 50) -> list[Row]:
        """The nightly, on the cache of the first build: +1 post, then +50 posts.

        ``small`` and ``large`` change how many posts are added (the smoke
        test adds fewer); the rows keep their names.
        """
        added = self._add(self.posts, small)
        try:
            rows = [self.pelita("add1", cache=True)]
            added += self._add(self.posts + small, large)
            rows.append(self.pelita("add50", cache=True))
        finally:
            for path in added:
                path.unlink()
        return rows

    def run_all(self, added: tuple[int, int] = (1, 50)) -> list[Row]:
        """Every step, bare Pelican and Pelita's full build back to back.

        The first build starts from empty caches and fills them, as the
        nightly's very first run would; the full build reads every post
        again (content cache off) with the derived images already cached.
        """
        self._fresh("pelican-cache")
        self._fresh("out-pelita")
        first = self.pelita("first", cache=True)
        rows = [self.bare(), self.pelita("full", cache=False), self.hugo(), first]
        return rows + self.rebuilds(*added)
