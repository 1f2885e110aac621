"""Decode images in worker processes: a hostile file can crash only a worker.

Pillow decodes formats written in C; a file crafted to crash a decoder
takes down the process that opens it. Images are therefore decoded in a
small process pool, started on the first image that needs decoding (a run
whose images are all known starts none). A worker that dies costs its image
(refused, counted in the report) and the pool is started afresh for the
next one. ``workers = 0`` decodes in-process (the tests' setting).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from pelita.importer.errors import MediaError

from .imaging import ImageLimits, ProcessedImage, process_image

logger = logging.getLogger(__name__)

MAX_WORKERS = 4


def image_worker_count(configured: int | None) -> int:
    """The ``workers`` setting, or one process per CPU (at most four)."""
    if configured is not None:
        return configured
    return min(os.cpu_count() or 1, MAX_WORKERS)


class ImageWorkers:
    """``process_image`` in worker processes, started when first needed."""

    def __init__(self, limits: ImageLimits, workers: int) -> None:
        self.limits = limits
        self.workers = workers
        self._executor: Executor | None = None

    def _pool(self) -> Executor:
        if self._executor is None:
            methods = multiprocessing.get_all_start_methods()
            method = "forkserver" if "forkserver" in methods else "spawn"
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context(method),
            )
        return self._executor

    async def process(self, data: bytes) -> ProcessedImage:
        """Decode and re-encode ``data``; ``MediaError`` when refused or fatal."""
        if self.workers <= 0:
            return process_image(data, self.limits)
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(
                self._pool(), process_image, data, self.limits
            )
        except BrokenProcessPool as exc:
            logger.warning("importer: an image crashed its decoder process")
            self.shutdown()
            raise MediaError(
                "the image crashed the image decoder (a damaged or hostile file)"
            ) from exc

    def shutdown(self) -> None:
        """Stop the workers; the next image starts a new pool."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
