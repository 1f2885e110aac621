"""The posts and files a build held back, written where CI can read them.

A post that fails to read or validate is left out of the build and the
rest of the city's site is published; the run still ends red. The build
writes what it held back to ``held-back.json`` (a list of
:class:`HeldBack`) and ``held-back.md`` (a Markdown summary, in Indonesian,
that the workflows append to the job summary), both beside the build's
cache folder: ``.cache/`` for the repository's ``CACHE_PATH`` of
``.cache/pelican``. Both are written on every build, empty when nothing was
held back, so an old list never outlives its build.

Tasks tell the outcomes apart by exit status: 0 for a site with nothing
held back, :data:`HELD_BACK_EXIT` for a site written (and deployable)
without the posts listed, and anything else for a failure of the site
itself (a template error, a broken theme page, the budgets), which stops
the deploy.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HELD_BACK_EXIT = 3
JSON_NAME = "held-back.json"
MARKDOWN_NAME = "held-back.md"


@dataclass(frozen=True)
class HeldBack:
    """One reason one file was left out of the build.

    ``file`` is relative to the repository (``content/posts/2025/x.md``),
    ``line`` 1-based (None for the whole file), ``field`` the metadata key
    or message code, ``value`` what the file holds there (may be empty),
    ``message`` what is wrong and ``suggestion`` the closest valid choice or
    what to do.
    """

    file: str
    line: int | None
    field: str
    value: str
    message: str
    suggestion: str = ""


def report_folder(settings: Mapping[str, Any]) -> Path:
    """Where the reports go: the folder holding ``CACHE_PATH``."""
    cache = Path(str(settings.get("CACHE_PATH") or "cache"))
    return cache.parent if cache.parent != Path() else Path(".cache")


def write_reports(folder: Path, held: Iterable[HeldBack]) -> tuple[Path, Path]:
    """Write both reports (replacing old ones); return their paths."""
    entries = sorted(held, key=lambda h: (h.file, h.line or 0, h.field))
    folder.mkdir(parents=True, exist_ok=True)
    data = json.dumps(
        [asdict(entry) for entry in entries], ensure_ascii=False, indent=1
    )
    json_path = _replace(folder / JSON_NAME, data + "\n")
    markdown_path = _replace(folder / MARKDOWN_NAME, summary_markdown(entries))
    return json_path, markdown_path


def read_report(folder: Path) -> list[HeldBack]:
    """The entries of ``held-back.json`` in ``folder`` (none when missing)."""
    return read_list(folder / JSON_NAME)


def read_list(path: Path) -> list[HeldBack]:
    """The entries of the held-back list at ``path`` (none when it is missing).

    A list that exists but cannot be read becomes one entry naming it, so a
    damaged list never reads as "nothing was held back". The older shape
    ``{"posts": [...]}`` is still read.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as error:
        return [_damaged(path, f"the list is unreadable: {error}")]
    if isinstance(raw, dict):
        raw = raw.get("posts", raw.get("held_back"))
    if not isinstance(raw, list):
        return [_damaged(path, "the list is not a JSON list of held-back files")]
    return [_entry(item) for item in raw if isinstance(item, dict)]


def _damaged(path: Path, message: str) -> HeldBack:
    return HeldBack(str(path), None, "", "", message)


def _entry(item: dict[str, Any]) -> HeldBack:
    line = item.get("line")
    return HeldBack(
        str(item.get("file") or "?"),
        line if isinstance(line, int) else None,
        *(str(item.get(key) or "") for key in ("field", "value", "message")),
        str(item.get("suggestion") or ""),
    )


def held_files(entries: Iterable[HeldBack]) -> list[str]:
    """Each held-back file once, in order."""
    return list(dict.fromkeys(entry.file for entry in entries))


def summary_markdown(entries: list[HeldBack]) -> str:
    """The job summary's section: what was held back and how to fix it."""
    if not entries:
        return ""
    files = held_files(entries)
    lines = [
        f"### {len(files)} berkas ditahan, tidak diterbitkan",
        "",
        "Situs tetap diterbitkan tanpa berkas di bawah ini. Perbaiki masalahnya; "
        "pembangunan berikutnya menerbitkannya.",
        "",
        "| berkas | baris | isian | nilai | masalah | saran |",
        "|---|---:|---|---|---|---|",
    ]
    lines += [
        "| "
        + " | ".join(
            _cell(text)
            for text in (
                f"`{entry.file}`",
                str(entry.line or ""),
                entry.field,
                entry.value,
                entry.message,
                entry.suggestion,
            )
        )
        + " |"
        for entry in entries
    ]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell (no pipe, no line break, no HTML)."""
    text = " ".join(str(text).split())
    for char, escaped in (("|", "\\|"), ("<", "&lt;"), (">", "&gt;")):
        text = text.replace(char, escaped)
    return text[:300]


def _replace(path: Path, text: str) -> Path:
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
    return path
