"""Find the file of an entry seen before, from the state and from the files.

The state maps identities to files, but the files are the truth: a file the
state does not know (the state was lost, or a run was killed before saving
it) is found by its ``Import_id`` header, so it is never imported twice.
Only files the state does not already name are opened, which keeps a run
over a large archive cheap.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelita.importer.feeds.identity import Identity, link_key

from .metadata import HASH_KEY, ID_KEY, read_header
from .slugs import MARKDOWN_SUFFIXES
from .state import EntryRecord

logger = logging.getLogger(__name__)


class EntryIndex:
    """Identity -> file of one channel, merged from state records and files."""

    def __init__(
        self, content_dir: Path, channel_id: str, records: dict[str, EntryRecord]
    ) -> None:
        self.content_dir = content_dir
        self.channel_id = channel_id
        self.records = dict(records)
        self._adopt_unrecorded_files()
        self._by_link = {
            record.link: key for key, record in self.records.items() if record.link
        }

    @property
    def folder(self) -> Path:
        """The channel's folder under the content directory."""
        return self.content_dir / self.channel_id

    def _adopt_unrecorded_files(self) -> None:
        if not self.folder.is_dir():
            return
        known = {record.path for record in self.records.values()}
        for path in self.folder.rglob("*"):
            if path.suffix not in MARKDOWN_SUFFIXES or path.name.startswith("."):
                continue
            relative = path.relative_to(self.content_dir).as_posix()
            if relative in known:
                continue
            meta = read_header(path)
            key = meta.get(ID_KEY.lower())
            if not key or meta.get("channel", self.channel_id) != self.channel_id:
                continue
            self.records.setdefault(
                key,
                EntryRecord(
                    relative, meta.get(HASH_KEY.lower()), link_key(meta.get("source"))
                ),
            )
            logger.debug(
                "importer: %s: found %s by its Import_id", self.channel_id, relative
            )

    def find(self, identity: Identity) -> tuple[str, EntryRecord] | None:
        """The known key and record of an entry: by identity, legacy key, link.

        A file an older import wrote keeps the key it was found by, so the
        file is not rewritten only to change its ``Import_id``.
        """
        for key in (identity.key, identity.legacy):
            record = self.records.get(key) if key else None
            if record is not None:
                return key, record
        key = self._by_link.get(identity.link_key) if identity.link_key else None
        if key is not None:
            return key, self.records[key]
        return None

    def remember(self, key: str, record: EntryRecord) -> None:
        """Record a written (or confirmed) file."""
        self.records[key] = record
        if record.link:
            self._by_link[record.link] = key
