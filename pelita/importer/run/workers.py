"""Worker processes for the CPU-heavy part of an import (parse, clean, convert).

Started on first use, so a run where every feed answers 304 starts none; with
few feeds, or ``IMPORTER['workers'] = 0``, the work stays in-process. A
worker that dies (out of memory, say) costs its feed nothing: the pool is
given up and the rest is parsed in-process.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

POOL_THRESHOLD = 8  # fewer feeds than this are parsed in-process
T = TypeVar("T")


def worker_count(configured: int | None, feeds: int) -> int:
    """Processes to use: the setting, else one per CPU (at most 4) for many feeds."""
    if configured is not None:
        return configured
    return min(os.cpu_count() or 1, 4) if feeds >= POOL_THRESHOLD else 0


def _executor(workers: int) -> Executor:
    methods = multiprocessing.get_all_start_methods()
    method = "forkserver" if "forkserver" in methods else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # Workers fork from a server that has the parsing stack loaded.
        context.set_forkserver_preload(["pelita.importer.feeds.entries"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


class WorkerPool:
    """Runs a pure function of picklable data in a worker process."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor: Executor | None = None
        self._broken = False

    async def run(self, function: Callable[[Any], T], job: Any) -> T:
        """``function(job)`` in a worker (or here, when there are none)."""
        if self.workers <= 0 or self._broken:
            return function(job)
        if self._executor is None:
            self._executor = _executor(self.workers)
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor, function, job)
        except BrokenProcessPool:
            if not self._broken:
                logger.warning("importer: a worker process died; parsing in-process")
            self._broken = True
            return function(job)

    def shutdown(self) -> None:
        """Stop the workers (waiting for them, so none outlives the run)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
