"""What one build holds back, and why, in the check's own words.

The check's run decides most of it before anything is read
(:func:`pelita.tools.check.holdback.files_to_hold`); the rest is what only
the build sees: a file Pelican fails to read, a slug or an address as
Pelican read it (its slug from the title, a metadata value after its
readers), a static file reached through a link or linked from a post with
``{static}``, wherever it lives.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pelita.core.heldback import HeldBack, report_folder, write_reports
from pelita.core.photos import location_in
from pelita.core.schema import spelt
from pelita.core.slugs import slug_problem
from pelita.core.staticfiles import link_problem, static_problem
from pelita.core.urlsafety import video_hosts
from pelita.tools.check import check_run
from pelita.tools.check.addresses import address_problem
from pelita.tools.check.corpus import display_path
from pelita.tools.check.holdback import files_to_hold

logger = logging.getLogger(__name__)


class Guard:
    """The held-back files of one build, keyed by path relative to content/."""

    def __init__(
        self,
        settings: Mapping[str, Any],
        content: Path,
        root: Path,
        held: dict[str, list[HeldBack]],
    ) -> None:
        self.settings = settings
        self.content = content
        self.root = root
        self.held = held
        self.hosts = video_hosts(settings)

    @classmethod
    def for_build(cls, settings: Mapping[str, Any], content: Path) -> Guard:
        """Run the check over the content tree and start the build's list.

        The reports of an earlier build are replaced at once, so a build
        that fails later never leaves an old list behind.
        """
        root = Path.cwd()
        held = files_to_hold(check_run(settings, root=root))
        write_reports(report_folder(settings), [])
        for relative in held:
            logger.info("guard: %s is held back", relative)
        return cls(settings, content, root, held)

    def shown(self, relative: str) -> str:
        """A content path as the check shows it (relative to the repository)."""
        path = self.content / relative
        return f"{display_path(path.parent, self.root)}/{path.name}"

    def hold(self, relative: str, entry: HeldBack) -> None:
        """Add ``entry`` to the reasons ``relative`` is held back."""
        self.held.setdefault(relative, []).append(entry)

    def admits(self, path: str) -> bool:
        """Whether Pelican may read ``path`` (relative to content/)."""
        relative = Path(path).as_posix()
        if relative in self.held:
            return False
        found = link_problem(self.content / relative, self.content)
        if found is None:
            return True
        self.hold(
            relative,
            HeldBack(
                self.shown(relative), None, found.code, "", found.message,
                found.suggestion,
            ),
        )  # fmt: skip
        return False

    def hold_unreadable(self, path: str, error: BaseException) -> None:
        """Hold back a file Pelican could not read, with Pelican's reason."""
        relative = Path(path).as_posix()
        logger.debug("guard: Pelican failed on %s", relative, exc_info=error)
        self.hold(
            relative,
            HeldBack(
                self.shown(relative),
                None,
                "berkas",
                "",
                f"Pelican tidak bisa membaca berkas ini ({type(error).__name__}: "
                f"{error})",
                "periksa bagian atas berkas (metadata) dan jalankan invoke check",
            ),
        )

    def judge_items(self, items: Iterable[Any]) -> set[int]:
        """The ids of the articles or pages to leave out, now they are read."""
        refused = set()
        for item in items:
            relative = Path(item.relative_source_path).as_posix()
            entries = list(self._item_problems(item, relative))
            if relative in self.held or entries:
                for entry in entries:
                    self.hold(relative, entry)
                refused.add(id(item))
        return refused

    def _item_problems(self, item: Any, relative: str) -> Iterable[HeldBack]:
        shown = self.shown(relative)
        wrong = slug_problem(str(getattr(item, "slug", "") or ""))
        if wrong is not None:
            yield HeldBack(shown, None, "slug", str(item.slug), *wrong)
        for key, value in item.metadata.items():
            if not isinstance(value, str) or not value:
                continue
            found = address_problem(key, value, self.hosts)
            if found is not None:
                yield HeldBack(
                    shown, None, key, value,
                    f"{spelt(key)} \"{value}\" {found.message}",
                    found.suggestion,
                )  # fmt: skip

    def judge_static(self, relatives: Iterable[str]) -> set[str]:
        """The static files (relative to content/) not to publish."""
        refused = set()
        for relative in relatives:
            posix = Path(relative).as_posix()
            if posix in self.held:
                refused.add(relative)
                continue
            path = Path(os.path.normpath(self.content / posix))
            found = static_problem(path, self.content)
            if found is not None:
                self.hold(
                    posix,
                    HeldBack(
                        self.shown(posix), None, found.code, "", found.message,
                        found.suggestion,
                    ),
                )  # fmt: skip
                refused.add(relative)
        return refused

    def judge_raw_photos(self, relatives: Iterable[str]) -> set[str]:
        """The static files left to copy as they are that hold a GPS position.

        Asked once every generator has read its files, so a photo the image
        step re-encodes without its metadata is no longer among them; what
        is left would be published byte for byte, position and all (the
        image step left out of ``PLUGINS``, or unable to read the file).
        """
        refused = set()
        for relative in relatives:
            posix = Path(relative).as_posix()
            where = location_in(self.content / posix)
            if where is None:
                continue
            self.hold(
                posix,
                HeldBack(
                    self.shown(posix), None, "gambar-gps", "",
                    f"Foto ini menyimpan lokasi GPS (di {where}) dan akan "
                    "tersalin apa adanya (tidak disimpan ulang oleh langkah "
                    "gambar situs); tidak diterbitkan",
                    f"jalankan: invoke strip-photos {self.shown(posix)} "
                    "(menyimpan ulang foto tanpa lokasi dan data kamera), "
                    "lalu commit",
                ),
            )  # fmt: skip
            refused.add(relative)
        return refused

    def entries(self) -> list[HeldBack]:
        """Every reason for every held-back file."""
        return [entry for entries in self.held.values() for entry in entries]
