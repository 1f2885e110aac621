"""What share kits cost: per card, per kit on a cache hit, and on the demo hub.

1. **Cards**: draws ``--cards`` cards of each format (varied headlines and
   claims, achievements and clarifications alternating) into an empty cache
   and reports the time per card (layout, drawing, PNG and thumbnail) and
   the bytes of each PNG and thumbnail.
2. **Planning**: the work a build does per kit when every card is cached
   (facts, hashtags, captions, three keys, two ``stat`` calls per card), on
   ``--posts`` synthetic kit posts.
3. **Demo hub** (skipped with ``--no-site``): imports the demo channels and
   builds the hub three times in subprocesses: without the plugin (the
   baseline), with it and an empty cache (the first nightly build), and again
   with the filled cache (every later night). Ratios are from this one run.

Run: ``.venv/bin/python bench/sharekit_bench.py [--output FILE]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

from pelican.settings import read_settings

from pelita.build.sharekit import FORMATS, KitFacts, captions, load_palette
from pelita.build.sharekit.cards import CardCache, Job, ThumbWidths, card_key
from pelita.build.sharekit.facts import Site, kit_facts
from pelita.tools.democontent import stage_demo_content

REPO = Path(__file__).resolve().parent.parent
THEME = REPO / "theme"
# The SHAREKIT defaults (thumb_width, thumb_small_width).
WIDTHS = ThumbWidths(360, 200)
HEADLINE = (
    "Kota Semarang Raih Penghargaan Nasional Kelurahan Juara Lomba Kampung Hijau "
    "Inovasi Layanan Publik Digital Tingkat Provinsi Jawa Tengah Terbaik"
)
WORDS = tuple(HEADLINE.split(" "))
SOURCE = "Dinas Komunikasi, Informatika, Statistik dan Persandian"


def facts_for(number: int) -> KitFacts:
    """A varied achievement or clarification, 40 to 160 characters of headline."""
    length = 6 + number % 18
    title = " ".join(WORDS[(number + i) % len(WORDS)] for i in range(length))
    base = KitFacts(
        kind="klarifikasi" if number % 2 else "prestasi",
        title=f"{title} {number}",
        date="Selasa, 17 November 2026",
        site="Pelita Semarang",
        url=f"https://kabar.semarangkota.go.id/prestasi/kabar-{number}/",
        short_url=f"kabar.semarangkota.go.id/prestasi/kabar-{number}",
        summary="Penjelasan resmi tentang kabar yang beredar di grup warga.",
    )
    if base.kind == "klarifikasi":
        claim = f"{title} lewat tautan WhatsApp."
        return replace(base, claim=claim, verdict="Hoaks", source=SOURCE)
    return replace(base, award="Juara I Lomba Kampung Hijau", level="Nasional",
                   recipient="Kelurahan Meteseh", giver="Kementerian LH")  # fmt: skip


def palette():
    return load_palette(
        THEME / "static/css/tokens.css",
        str(THEME / "fonts/NotoSans-Bold.ttf"),
        str(THEME / "fonts/NotoSans-Regular.ttf"),
    )


def bench_cards(count: int, cache: Path) -> list[dict[str, object]]:
    """Draw ``count`` cards per format one at a time; CPU time and size each."""
    colours = palette()
    drawer = CardCache(cache, colours, WIDTHS, workers=1)
    rows = []
    for fmt in FORMATS:
        times, sizes, thumbs = [], [], []
        for number in range(count):
            facts = facts_for(number)
            job = Job(card_key(facts, fmt, colours.fingerprint(), WIDTHS), fmt, facts)
            started = time.process_time()
            files = drawer.draw(job)
            times.append(time.process_time() - started)
            sizes.append(files.image.stat().st_size)
            thumbs.append(files.thumb.stat().st_size)
        rows.append({
            "format": f"{fmt.name} {fmt.width}x{fmt.height}",
            "ms": statistics.median(times) * 1000, "ms_max": max(times) * 1000,
            "kb": statistics.median(sizes) / 1000, "kb_max": max(sizes) / 1000,
            "thumb_kb": statistics.median(thumbs) / 1000,
        })  # fmt: skip
    return rows


def fake_article(number: int) -> SimpleNamespace:
    """What kit_facts reads from a Pelican article."""
    award = SimpleNamespace(name="Juara I Lomba Kampung Hijau", level_label="Nasional",
                            recipient="Kelurahan Meteseh", giver="Kementerian LH",
                            kecamatan=("Tembalang",), opd="dlh")  # fmt: skip
    return SimpleNamespace(
        title=f"Kelurahan Meteseh Juara Lomba Kampung Hijau {number}",
        date=dt.datetime(2026, 11, 17, 9, tzinfo=dt.UTC), url=f"prestasi/k-{number}/",
        metadata={"summary": "Ringkasan."}, opd="dlh", kecamatan="Tembalang",
        category="Prestasi", tags=["kampung hijau", "lingkungan"], prestasi=award,
    )  # fmt: skip


def bench_planning(posts: int, cache: Path) -> float:
    """Microseconds per kit for planning when every card is in the cache.

    A hit costs two ``stat`` calls per card whether or not the file is
    there, so the cache is left empty and nothing is drawn.
    """
    colours = palette()
    fingerprint = colours.fingerprint()
    site = Site("Pelita Semarang", "https://kabar.semarangkota.go.id", "Kota Semarang",
                "Asia/Jakarta", "Klarifikasi", ("SemarangHebat",), {}, "KotaSemarang",
                8, lambda v: v, lambda v: v.upper())  # fmt: skip
    articles = [fake_article(n) for n in range(posts)]
    drawer = CardCache(cache, colours, WIDTHS, workers=1)
    started = time.process_time()
    for article in articles:
        facts = kit_facts(article, "prestasi", site)
        captions(facts)
        drawer.missing(Job(card_key(facts, f, fingerprint, WIDTHS), f, facts)
                       for f in FORMATS)  # fmt: skip
    return (time.process_time() - started) / posts * 1e6


def build(root: Path, plugins: list[str] | None) -> tuple[float, str]:
    """One demo build (pelicanconf.py) into ``root``: CPU seconds and its log.

    CPU time (user + system of the build process) rather than wall time:
    on a shared machine it moves far less with the other jobs' load.
    """
    importer = {
        "channels_file": str(REPO / "data/channels.demo.yml"),
        "content_dir": str(root / "content/demo"),
        "state_file": str(root / "import-state.json"),
        "report_file": str(root / "import-report.json"),
    }
    extra = [f"PLUGINS={json.dumps(plugins)}"] if plugins is not None else []
    command = [
        sys.executable, "-m", "pelican", str(root / "content"), "-s", "pelicanconf.py",
        "-o", str(root / "output"), "--verbose",
        "-e", f"IMPORTER={json.dumps(importer)}",
        f"CACHE_PATH={json.dumps(str(root / 'cache'))}", *extra,
    ]  # fmt: skip
    # A wide console: the log lines the figures are read from stay whole.
    env = {**os.environ, "PELITA_DEMO": "1", "COLUMNS": "500"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True,
                            check=True)  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, result.stdout + result.stderr


_KIT_LOG = re.compile(
    r"sharekit: (\d+) kits, (\d+) cards, (\d+) drawn anew in ([\d.]+) s"
)


def demo_site(workdir: Path, repeat: int) -> dict[str, object]:
    """Build times of the demo hub, every other cache filled first.

    The baseline is a rebuild without the plugin; then the plugin's first
    build (every kit card drawn: the first night, or a new design) and a
    rebuild (a night with no new post). Medians of ``repeat`` rounds.
    """
    content = workdir / "content"
    # Not content/demo/ (a previous demo import); the demo's own posts and
    # photos are copied from demo/ as make site does.
    top = REPO / "content"
    shutil.copytree(
        top,
        content,
        ignore=lambda d, _: ["demo", "demo-posts"] if Path(d) == top else [],
    )
    stage_demo_content(REPO, content)
    subprocess.run(
        [sys.executable, "-m", "invoke", "import-feeds", "--channels",
         str(REPO / "data/channels.demo.yml"), "--content", str(content / "demo"),
         "--state", str(workdir / "import-state.json"), "--report",
         str(workdir / "import-report.json")],
        cwd=REPO, env={**os.environ, "PELITA_DEMO": "1"}, check=True,
        capture_output=True,
    )  # fmt: skip
    plugins = read_settings(str(REPO / "pelicanconf.py"))["PLUGINS"]
    without = [p for p in plugins if p != "sharekit"]
    build(workdir, without)  # fills the other plugins' caches
    runs: dict[str, list[float]] = {"base": [], "cold": [], "warm": []}
    for _ in range(repeat):
        runs["base"].append(build(workdir, without)[0])
        shutil.rmtree(workdir / "cache" / "sharekit", ignore_errors=True)
        seconds, cold_log = build(workdir, None)  # no kit card cached
        runs["cold"].append(seconds)
        seconds, warm_log = build(workdir, None)
        runs["warm"].append(seconds)
    found = [_KIT_LOG.search(log) for log in (cold_log, warm_log)]
    pngs = [p for p in (workdir / "output/bagikan").rglob("*.png")]
    return {
        **{name: statistics.median(times) for name, times in runs.items()},
        "kits": int(found[0][1]), "cards": int(found[0][2]),
        "cold_drawn": int(found[0][3]), "cold_plugin": float(found[0][4]),
        "warm_drawn": int(found[1][3]), "warm_plugin": float(found[1][4]),
        "bytes": sum(p.stat().st_size for p in pngs), "repeat": repeat,
    }  # fmt: skip


def report(cards, planning: float, posts: int, site) -> str:
    lines = [
        "| card | CPU ms per card (median, max) | PNG KB (median, max) | thumb KB |",
        "|---|---|---|---|",
        *(f"| {r['format']} | {r['ms']:.0f}, {r['ms_max']:.0f} | {r['kb']:.0f}, "
          f"{r['kb_max']:.0f} | {r['thumb_kb']:.1f} |" for r in cards),
        "",
        f"Planning on a cache hit: {planning:.0f} µs per kit ({posts} kits; "
        "facts, captions, 3 keys, 6 stat calls; no Pillow).",
    ]  # fmt: skip
    if site:
        lines += [
            "",
            f"| demo hub rebuild, median of {site['repeat']} "
            "(other caches filled) | CPU seconds | vs. without |",
            "|---|---|---|",
            f"| without sharekit | {site['base']:.1f} | 1.00 |",
            f"| with sharekit, no card cached ({site['cold_drawn']} drawn) | "
            f"{site['cold']:.1f} | {site['cold'] / site['base']:.2f} |",
            f"| with sharekit, every card cached ({site['warm_drawn']} drawn) | "
            f"{site['warm']:.1f} | {site['warm'] / site['base']:.2f} |",
            "",
            f"{site['kits']} kits, {site['cards']} cards, "
            f"{site['bytes'] / 1e6:.1f} MB of PNG. The plugin's own share: "
            f"{site['cold_plugin']:.2f} s with an empty cache, "
            f"{site['warm_plugin']:.3f} s with a filled one.",
        ]  # fmt: skip
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=20, help="cards per format")
    parser.add_argument("--posts", type=int, default=5000, help="kits to plan")
    parser.add_argument("--no-site", action="store_true", help="skip the demo hub")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of builds")
    parser.add_argument("--output", type=Path, help="also write the table here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sharekit-bench-") as tmp:
        work = Path(tmp)
        cards = bench_cards(args.cards, work / "cards")
        planning = bench_planning(args.posts, work / "plan")
        site = None if args.no_site else demo_site(work / "site", args.repeat)
    text = report(cards, planning, args.posts, site)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
