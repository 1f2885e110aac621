"""Push to deployed: a Klarifikasi pushed by an admin, live on an rsync server.

For each size, three real parts on this machine:

- a local bare repository, playing the city's repository: the project
  (settings, theme, data, tasks) and a synthetic hub of N posts;
- a clone of it playing the workflow's runner, whose build caches stay
  between runs as ``actions/cache`` keeps them;
- an sshd on 127.0.0.1 playing the city's server (the rsync target).

Untimed, the runner publishes the hub once (filling its caches and the
server, as the runs before it did). Timed: an admin's clone commits a new
Klarifikasi post and pushes it; the runner fetches ``main`` and runs
``invoke publish`` (check, production build, gate, deploy), and the clock
stops when the post's page is on the server. Reported per size: the time
from push to deployed page, the publish's steps, its CPU time and peak
memory, and the files and bytes the deploy uploaded.

    python bench/publish_bench.py --sizes 1000 5000 20000 [--work DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from build_bench import prepare_corpus
from engines import SITEURL
from local_sshd import SshServer, local_sshd
from measure import Sample, run_measured

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PROJECT_FILES = ("pelicanconf.py", "publishconf.py", "tasks.py", ".gitignore")
PROJECT_FOLDERS = ("theme", "data")
GIT_USER = {
    "GIT_AUTHOR_NAME": "Admin Kominfo",
    "GIT_AUTHOR_EMAIL": "admin@example.go.id",
    "GIT_COMMITTER_NAME": "Admin Kominfo",
    "GIT_COMMITTER_EMAIL": "admin@example.go.id",
}
SLUG = "hoaks-bench-pendaftaran-bansos-lewat-tautan"
WIB = dt.timezone(dt.timedelta(hours=7))
STEP_ROW = re.compile(r"^\| (?P<step>[a-z]+) \| passed \| (?P<seconds>[\d.]+) \|$")
UPLOADED = re.compile(
    r"Files uploaded: \*\*(?P<files>\d+)\*\* \((?P<bytes>[\d,]+) bytes"
)


@dataclass(frozen=True)
class Result:
    """One size's timed push: the figures the report shows."""

    posts: int
    push_to_live: float  # seconds, from `git push` to the page on the server
    publish: Sample  # the `invoke publish` process
    steps: dict[str, float]  # gate steps' seconds, from the job summary
    files: int  # files the deploy uploaded
    uploaded_bytes: int
    site_files: int  # files of the site, for scale


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=False,
        env={**os.environ, **GIT_USER},
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"git {' '.join(args)} in {cwd}: {done.stderr[-2000:]}")
    return done.stdout.strip()


def make_repository(folder: Path, content: Path) -> tuple[Path, Path]:
    """The bare origin and the admin's clone, holding the project and ``content``."""
    if folder.exists():
        shutil.rmtree(folder)
    origin, admin = folder / "origin.git", folder / "admin"
    folder.mkdir(parents=True)
    git(folder, "init", "-q", "--bare", "-b", "main", str(origin))
    git(folder, "clone", "-q", str(origin), str(admin))
    git(admin, "checkout", "-q", "-b", "main")
    for name in PROJECT_FILES:
        shutil.copy2(REPO / name, admin / name)
    for name in PROJECT_FOLDERS:
        shutil.copytree(REPO / name, admin / name)
    shutil.copytree(content, admin / "content", ignore=shutil.ignore_patterns(".*"))
    git(admin, "add", "-A")
    git(admin, "commit", "-q", "-m", "The hub")
    git(admin, "push", "-q", "origin", "main")
    return origin, admin


def klarifikasi(now: dt.datetime) -> str:
    """An admin's hoax clarification, written ``now`` (WIB)."""
    return (
        "Title: Hoaks: Pendaftaran Bansos Lewat Tautan WhatsApp\n"
        f"Date: {now:%Y-%m-%d %H:%M}\n"
        "Category: Klarifikasi\n"
        "Tags: hoaks, bansos\n"
        f"Slug: {SLUG}\n"
        "OPD: diskominfo\n"
        "Klaim: Warga bisa mendaftar bantuan sosial lewat tautan yang beredar "
        "di WhatsApp.\n"
        "Putusan: Hoaks\n"
        "Summary: Pemerintah kota tidak pernah membuka pendaftaran bantuan "
        "sosial lewat tautan WhatsApp.\n\n"
        "Pesan berantai yang meminta warga mengisi data diri lewat tautan "
        "tidak berasal dari pemerintah kota. Pendaftaran hanya di kelurahan.\n"
    )


def publish(runner: Path, environ: dict[str, str], log: Path) -> Sample:
    """`invoke publish` in the runner's clone, as the workflow runs it."""
    command = [sys.executable, "-m", "invoke", "publish", "--summary", str(log)]
    return run_measured(command, runner, environ, log=log.with_suffix(".log"))


def page_on_server(server_path: Path) -> Path | None:
    found = list((server_path / "current").glob(f"**/{SLUG}/index.html"))
    return found[0] if found else None


def run_size(work: Path, posts: int, seed: int, server: SshServer) -> Result:
    """Warm up the runner and the server, then time one pushed Klarifikasi."""
    content = prepare_corpus(work, posts, seed)
    folder = work / f"publish-{posts}"
    _origin, admin = make_repository(folder, content)
    runner = folder / "runner"
    git(folder, "clone", "-q", str(folder / "origin.git"), str(runner))
    target = folder / "server"
    environ = {
        **server.environ(target), "SITEURL": SITEURL, "PELITA_DEMO": "0",
        "PYTHONUNBUFFERED": "1",
    }  # fmt: skip
    publish(runner, environ, folder / "warm-up.md")  # untimed: the runs before

    now = dt.datetime.now(WIB) - dt.timedelta(minutes=1)  # written just now
    post = admin / "content" / "posts" / f"{now:%Y}" / f"{SLUG}.md"
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_text(klarifikasi(now), encoding="utf-8")
    git(admin, "add", "-A")
    git(admin, "commit", "-q", "-m", "Klarifikasi: hoaks pendaftaran bansos")
    summary = folder / "timed.md"
    start = time.perf_counter()
    git(admin, "push", "-q", "origin", "main")
    git(runner, "pull", "-q", "--ff-only", "origin", "main")
    sample = publish(runner, environ, summary)
    page = page_on_server(target)
    took = time.perf_counter() - start
    if page is None:
        raise RuntimeError(f"the Klarifikasi is not on the server after {took:.0f} s")
    text = summary.read_text(encoding="utf-8")
    uploaded = UPLOADED.search(text)
    if uploaded is None:
        raise RuntimeError(f"no upload figures in the job summary:\n{text}")
    steps = {
        found["step"]: float(found["seconds"])
        for found in (STEP_ROW.match(line) for line in text.splitlines())
        if found
    }
    site_files = sum(len(names) for _r, _d, names in os.walk(runner / "output"))
    return Result(
        posts, took, sample, steps, int(uploaded["files"]),
        int(uploaded["bytes"].replace(",", "")), site_files,
    )  # fmt: skip


def table(results: list[Result]) -> str:
    """The Markdown table of every size."""
    lines = [
        "| posts | push to deployed page | check | build | links | budgets "
        "| deploy and the rest | publish CPU | publish peak | files uploaded "
        "| bytes uploaded |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results:
        gate = sum(row.steps.values())
        rest = row.push_to_live - gate
        cells = [
            f"{row.posts:,}",
            f"**{row.push_to_live:.1f} s**",
            *(f"{row.steps.get(name, 0.0):.1f} s"
              for name in ("check", "build", "links", "budgets")),
            f"{rest:.1f} s",
            f"{row.publish.cpu:.1f} s",
            f"{row.publish.peak_mb:.0f} MiB",
            f"{row.files:,} of {row.site_files:,}",
            f"{row.uploaded_bytes:,}",
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 5_000, 20_000])
    parser.add_argument("--work", type=Path, default=REPO / ".cache" / "bench")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)
    args.work = args.work.resolve()  # git runs in several folders
    args.work.mkdir(parents=True, exist_ok=True)
    results = []
    with local_sshd(args.work / "sshd") as server:
        for posts in args.sizes:
            print(f"publish bench: {posts} posts ...", file=sys.stderr, flush=True)
            results.append(run_size(args.work, posts, args.seed, server))
    print(
        "A Klarifikasi committed by an admin, from `git push` to its page on the "
        "rsync server: the runner's `git pull` and `invoke publish` (check, "
        "production build, gate, deploy over SSH to 127.0.0.1), with the build "
        "caches of the previous run. Files uploaded: those the deploy sent; the "
        "others were hard-linked from the live release on the server.\n"
    )
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
