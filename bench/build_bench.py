"""Build benchmarks at one corpus size: bare Pelican, Hugo, Pelita, rebuilds.

Every step is measured in its own process, back to back, on the same
corpus, so the ratios between them hold even on a busy machine. The
rebuilds are the nightly's shape: Pelita built once from empty caches with
every cache on (the caches and the output folder the nightly keeps between
runs), then 1 post added and rebuilt, then 50 more added and rebuilt. Bare
Pelican gets the same 1-post rebuild with its own content cache on. The
HTML pages whose bytes the 1-post rebuild changed (new ones included) are
counted. The added posts are removed again at the end, so the corpus can be
reused by the next run.
"""

from __future__ import annotations

import hashlib
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
    changed: int | None = None  # HTML pages whose bytes the build changed

    @property
    def total(self) -> Sample:
        """The build and its search index, one after the other."""
        return self.sample + self.index if self.index else self.sample


STEPS = {
    "bare": "bare Pelican 4.12, simple theme",
    "bare-add1": "bare Pelican 4.12, rebuild after adding 1 post (content cache on)",
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

    def bare_cached(self, step: str) -> Row:
        """Bare Pelican with its content cache on, into a kept output folder."""
        command = engines.bare_pelican(
            self.folder / "bare-cached",
            self.content,
            self.folder / "out-bare-cached",
            cached=True,
        )
        return Row(self.posts, step, self._run(step, command, self.folder))

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
        # The full build (caches off) has an output folder of its own, so the
        # rebuilds find output/ as the last cached build left it.
        output = self.folder / ("out-pelita" if cache else "out-pelita-full")
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
        shutil.rmtree(self.folder / "out-bare-cached", ignore_errors=True)
        shutil.rmtree(self.folder / "bare-cached", ignore_errors=True)
        self.bare_cached("bare-fill")  # fills bare Pelican's cache (not shown)
        before = html_digests(self.folder / "out-pelita")
        added = self._add(self.posts, small)
        try:
            rows = [self.bare_cached("bare-add1")]
            add1 = self.pelita("add1", cache=True)
            after = html_digests(self.folder / "out-pelita")
            changed = sum(1 for name in after if before.get(name) != after[name])
            rows.append(Row(add1.posts, add1.step, add1.sample, add1.index, changed))
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
        self._fresh("out-pelita-full")
        first = self.pelita("first", cache=True)
        rows = [self.bare(), self.pelita("full", cache=False), self.hugo(), first]
        return rows + self.rebuilds(*added)


def html_digests(folder: Path) -> dict[str, str]:
    """The SHA-256 of every HTML file under ``folder``, by relative path."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*.html")
        if path.is_file() and "pagefind" not in path.relative_to(folder).parts[:1]
    }
