"""Draw many cards on every core: processes, not threads.

Cards (link previews, share kits) are drawn with Pillow, which holds
Python's lock for much of the work (text layout, drawing), so threads share
one core: a first build of a 20,000-post hub drew its 30,000 cards at about
one core's speed. Worker processes use them all. A handful of cards (a
night's new posts) is drawn in the build's own process: starting workers
would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

# Below this many jobs, the build's own process draws them.
SMALL = 16


def in_parallel(
    function: Callable[..., Any],
    jobs: Sequence[tuple[Any, ...]],
    workers: int | None = None,
) -> list:
    """``function(*job)`` for every job, on every core when there are many.

    ``function`` must be picklable (a module-level function, or a method of
    a picklable object) and so must the jobs; the results come back in the
    order of ``jobs``. ``workers`` defaults to the number of cores.
    """
    workers = workers or os.cpu_count() or 1
    if len(jobs) < SMALL or workers < 2:
        return [function(*job) for job in jobs]
    context = multiprocessing.get_context("forkserver")
    chunk = max(1, len(jobs) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_call, [(function, job) for job in jobs], chunksize=chunk))


def _call(task: tuple[Callable[..., Any], tuple[Any, ...]]) -> Any:
    function, job = task
    return function(*job)
