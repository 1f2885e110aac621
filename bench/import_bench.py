"""The feed importer against a sequential ``feedparser.parse(url)`` loop.

230 channels x 20 entries (WordPress-like RSS with full content) are served
on 127.0.0.1 with 100 ms of latency per response, with ETag support. Each
side runs in a fresh subprocess, twice: the first import, then an unchanged
re-run. The sequential loop is what pelican-planet and ``pelican-import
--feed`` do (fetch and parse one feed after the other, no conditional GET);
it writes no files, so its "files written" column is empty. Pelita's hosts
are 230 names (``cNNN.bench.test``) that an injected resolver maps to
127.0.0.1, so its per-host limit applies as it would to 230 real sites.

Memory: the peak of the whole process tree (the importer and its worker
processes), sampled from /proc every 10 ms, and the largest single process
(``wait4``'s ``ru_maxrss``).

Run: ``.venv/bin/python bench/import_bench.py`` (about a minute); options
``--channels``, ``--entries``, ``--latency``, ``--output FILE``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_feeds import feed_document  # noqa: E402


@dataclass
class Measured:
    """One side's run: wall time and memory."""

    seconds: float
    cpu_seconds: float
    tree_peak_mb: float
    largest_process_mb: float
    output: str


def _tree(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return found


def _sample(pid: int, cpu_ticks: dict[int, int]) -> int:
    """RSS (KiB) of the process tree now; records each process's CPU ticks."""
    total = 0
    for current in _tree(pid):
        try:
            status = Path(f"/proc/{current}/status").read_text()
            stat = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        cpu_ticks[current] = int(stat[11]) + int(stat[12])  # utime + stime
        total += next(
            (int(line.split()[1]) for line in status.splitlines()
             if line.startswith("VmRSS:")),
            0,
        )  # fmt: skip
    return total


def measure(command: list[str]) -> Measured:
    """Run ``command``, sampling its process tree's memory until it exits."""
    started = time.perf_counter()
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - read on failure
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True)
    peak = 0
    ticks: dict[int, int] = {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _sample(process.pid, ticks))
            done.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        log.seek(0)
        raise SystemExit(f"{command[2:4]} failed ({process.returncode}):\n{log.read()}")
    log.close()
    # The sampled tree catches worker processes that wait4 cannot see (they
    # are children of a fork server); its last sample misses the final 10 ms.
    sampled = sum(ticks.values()) / os.sysconf("SC_CLK_TCK")
    cpu = max(usage.ru_utime + usage.ru_stime, sampled)
    return Measured(seconds, cpu, peak / 1024, usage.ru_maxrss / 1024, output)


def side_baseline(urls_file: str) -> None:
    """The sequential loop: what pelican-planet and pelican-import do."""
    import feedparser  # noqa: PLC0415 - each side loads only what it runs

    entries = 0
    for url in Path(urls_file).read_text().split():
        entries += len(feedparser.parse(url).entries)
    print(json.dumps({"entries": entries}))


def side_pelita(root: str, port: str, channels: str) -> None:
    """One import run with Pelita's defaults (hosts resolved to 127.0.0.1)."""
    from pelita.importer.cli import run_import  # noqa: PLC0415 - as above

    base = Path(root)

    async def resolve(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    settings = {
        "IMPORTER": {
            "channels_file": str(base / "channels.yml"),
            "content_dir": str(base / "content" / "imported"),
            "state_file": str(base / "state.json"),
            "report_file": str(base / "report.json"),
            "allow_networks": ["127.0.0.0/8"],
        },
        "PATH": str(base / "content"),
    }
    code = run_import(settings, resolver=resolve)
    report = json.loads((base / "report.json").read_text())
    print(json.dumps({"exit": code, "totals": report["totals"]}))


def write_registry(root: Path, port: int, count: int) -> None:
    lines = ["channels:"]
    for number in range(count):
        lines += [
            f"  - id: c{number:03d}",
            f"    name: Kanal {number}",
            "    kind: media",
            f"    url: http://c{number:03d}.bench.test:{port}/c{number:03d}.xml",
            # The loop fetches no images either: both sides do the same work.
            "    images: remote",
        ]
    (root / "channels.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def snapshot(folder: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def run(channels: int, entries: int, latency: float) -> dict[str, Measured | int]:
    feeds = {f"c{n:03d}": feed_document(n, entries) for n in range(channels)}
    from bench_server import BenchServer  # noqa: PLC0415 - not in the sides

    server = BenchServer(feeds, latency)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    me = [sys.executable, str(Path(__file__).resolve())]
    try:
        with tempfile.TemporaryDirectory(prefix="pelita-bench-") as scratch:
            root = Path(scratch)
            urls = root / "urls.txt"
            urls.write_text(
                "\n".join(f"http://127.0.0.1:{port}/{name}.xml" for name in feeds)
            )
            write_registry(root, port, channels)
            results: dict[str, Measured | int] = {
                "baseline_first": measure([*me, "side-baseline", str(urls)]),
                "baseline_again": measure([*me, "side-baseline", str(urls)]),
            }
            pelita = [*me, "side-pelita", str(root), str(port), str(channels)]
            results["pelita_first"] = measure(pelita)
            content = root / "content"
            results["files_first"] = len(snapshot(content))
            before = snapshot(content)
            results["pelita_again"] = measure(pelita)
            after = snapshot(content)
            results["files_again"] = sum(
                1 for path, mtime in after.items() if before.get(path) != mtime
            )
    finally:
        server.shutdown()
        server.server_close()
    return results


def table(results: dict, channels: int, entries: int, latency: float) -> str:
    base1, base2 = results["baseline_first"], results["baseline_again"]
    ours1, ours2 = results["pelita_first"], results["pelita_again"]
    peak = max(ours1.tree_peak_mb, ours2.tree_peak_mb)
    largest = max(ours1.largest_process_mb, ours2.largest_process_mb)
    base_peak = max(base1.tree_peak_mb, base2.tree_peak_mb)
    rows = [
        f"Import benchmark: {channels} channels x {entries} entries, "
        f"{latency * 1000:g} ms latency per response, one run, "
        f"{os.cpu_count()} CPU(s).",
        "",
        "| | sequential `feedparser.parse(url)` | Pelita importer | ratio |",
        "|---|---:|---:|---:|",
        f"| first import, wall time | {base1.seconds:.2f} s | {ours1.seconds:.2f} s "
        f"| {base1.seconds / ours1.seconds:.1f}x faster |",
        f"| unchanged re-run, wall time | {base2.seconds:.2f} s "
        f"| {ours2.seconds:.2f} s "
        f"| {base2.seconds / ours2.seconds:.1f}x faster |",
        f"| CPU time (user + system), first import | {base1.cpu_seconds:.1f} s "
        f"| {ours1.cpu_seconds:.1f} s | |",
        f"| CPU time (user + system), unchanged re-run | {base2.cpu_seconds:.1f} s "
        f"| {ours2.cpu_seconds:.1f} s | |",
        f"| files written, first import | - | {results['files_first']} | |",
        f"| files written, unchanged re-run | - | {results['files_again']} | |",
        f"| peak RSS, process tree | {base_peak:.0f} MB | {peak:.0f} MB | |",
        f"| peak RSS, largest process | {base1.largest_process_mb:.0f} MB "
        f"| {largest:.0f} MB | |",
    ]
    return "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--channels", type=int, default=230)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--output", type=Path, help="also write the table here")
    args = parser.parse_args()
    results = run(args.channels, args.entries, args.latency)
    text = table(results, args.channels, args.entries, args.latency)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "side-baseline":
        side_baseline(sys.argv[2])
    elif len(sys.argv) > 1 and sys.argv[1] == "side-pelita":
        side_pelita(*sys.argv[2:5])
    else:
        main()
