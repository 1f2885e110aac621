"""Benchmark: kecamatan tagging at hub scale (not a test; ratios from one run).

Usage: python bench/wilayah_tagging.py [--posts 20000] [--build 2000]

1. Tags N synthetic posts (title, summary, ~2.5 KB HTML body, built from the
   labelled texts) with the plugin's core, and compares it with the naive
   approach of one regex search per name per post.
2. Groups the tagged posts into the 193 area pages.
3. With --build M, runs Pelican builds of M posts with the wilayah plugin
   and without it (twice each, alternating; the faster of each counts) and
   reports the difference.

Times are CPU seconds of this process, so other work on the machine skews
them less than wall-clock time would.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import yaml
from pelican import Pelican
from pelican.settings import read_settings

from pelita.build.wilayah.pages import build_pages
from pelita.build.wilayah.settings import DEFAULTS
from pelita.core.registries import load_gazetteer, registry_paths
from pelita.core.wilayah import PostText, assign_wilayah, build_tagger, load_rules
from pelita.core.wilayah.places import build_areas

REPO = Path(__file__).resolve().parent.parent
FILLER = (
    "Kegiatan ini merupakan bagian dari program pemerintah kota untuk "
    "meningkatkan kualitas layanan publik dan kesejahteraan warga. "
    "Masyarakat diharapkan ikut berperan aktif menjaga kebersihan lingkungan "
    "serta memanfaatkan layanan yang tersedia secara daring maupun luring. "
)


def corpus(count: int, seed: int = 7) -> list[PostText]:
    texts = yaml.safe_load((REPO / "tests/wilayah/labelled.yml").read_text())["texts"]
    rng = random.Random(seed)
    posts = []
    for _ in range(count):
        main, *others = rng.sample(texts, 4)
        paragraphs = [main["lead"], FILLER * 2, others[0]["lead"], FILLER * 3]
        paragraphs += [others[1]["title"] + ". " + FILLER, others[2]["lead"] + FILLER]
        body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
        posts.append(PostText(main["title"], f"<p>{main['lead']}</p>", body))
    return posts


def naive(posts: list[PostText], gazetteer) -> float:
    """One regex search per name per post, as a simple plugin would do."""
    names = [
        n
        for a in (*gazetteer.kecamatan, *gazetteer.kelurahan)
        for n in (a.nama, *a.aliases)
    ]
    patterns = [re.compile(rf"\b{re.escape(n)}\b", re.IGNORECASE) for n in names]
    start = time.process_time()
    for post in posts:
        text = f"{post.title}\n{post.summary}\n{post.body}"
        _ = [p.pattern for p in patterns if p.search(text)]
    return time.process_time() - start


def tag_all(posts, tagger, areas) -> tuple[float, list]:
    start = time.process_time()
    result = [assign_wilayah({}, post, tagger, areas)[0] for post in posts]
    return time.process_time() - start, result


def site_build(count: int, with_plugin: bool) -> float:
    root = Path(tempfile.mkdtemp(prefix="wilayah-bench-"))
    try:
        posts = root / "content" / "posts"
        posts.mkdir(parents=True)
        for n, post in enumerate(corpus(count, seed=11)):
            (posts / f"p{n}.md").write_text(
                f"Title: {post.title} {n}\nDate: 2025-01-01 10:00\nCategory: Berita\n\n"
                + re.sub(r"</?p>", "", post.body).replace("\n", "\n\n"),
                encoding="utf-8",
            )
        plugins = ["indodate", *(["wilayah"] if with_plugin else []), "sitemap"]
        settings = read_settings(
            str(REPO / "pelicanconf.py"),
            override={
                "PATH": str(root / "content"),
                "OUTPUT_PATH": str(root / "output"),
                "CACHE_PATH": str(root / "cache"),
                "PLUGINS": plugins,
                "REGISTRIES": {k: str(v) for k, v in registry_paths(base=REPO).items()},
                "IMPORTER": {"channels_file": str(REPO / "data/channels.demo.yml")},
            },
        )
        start = time.process_time()
        Pelican(settings=settings).run()
        return time.process_time() - start
    finally:
        shutil.rmtree(root)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--build", type=int, default=0)
    args = parser.parse_args()

    paths = registry_paths(base=REPO)
    gazetteer = load_gazetteer(paths["wilayah"], paths["wilayah_aliases"])
    tagger = build_tagger(gazetteer, load_rules(paths["wilayah_tagger"], gazetteer))
    areas = build_areas(gazetteer, DEFAULTS)
    posts = corpus(args.posts)
    size = sum(len(p.title) + len(p.summary) + len(p.body) for p in posts) / len(posts)

    ours, tagged = tag_all(posts, tagger, areas)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    baseline = naive(posts, gazetteer)
    articles = [SimpleNamespace(wilayah=w, category="Berita") for w in tagged]
    start = time.process_time()
    build_pages(areas, articles, [], "kecamatan/")
    grouping = time.process_time() - start

    print(f"{args.posts} posts, {size / 1024:.1f} KiB of text each on average")
    print(f"{'step (CPU time)':52} {'seconds':>8} {'µs/post':>8}")
    for label, seconds in (
        ("wilayah: tag (metadata check, HTML to text, match)", ours),
        ("naive: one regex search per name (no judging)", baseline),
        ("wilayah: group into 193 area pages", grouping),
    ):
        print(f"{label:52} {seconds:8.2f} {seconds / args.posts * 1e6:8.0f}")
    print(f"naive / wilayah time: {baseline / ours:.1f}x")
    print(f"peak RSS of the whole run so far: {peak / 2**20:.0f} MiB")
    tagged_count = sum(1 for w in tagged if w)
    print(f"posts with a kecamatan: {tagged_count} of {args.posts}")

    if args.build:
        runs = {False: [], True: []}
        for plugin_on in (False, True, False, True):
            runs[plugin_on].append(site_build(args.build, with_plugin=plugin_on))
        without, with_plugin = min(runs[False]), min(runs[True])
        print(
            f"Pelican build of {args.build} posts: {without:.1f} s without the "
            f"plugin, {with_plugin:.1f} s with it (+{with_plugin - without:.1f} s, "
            f"193 area pages plus pagination)"
        )


if __name__ == "__main__":
    main()
