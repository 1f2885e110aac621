"""``invoke new-post``: ask (or read flags), confirm, write, say what is next."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pelita.core.registries import (
    RegistryError,
    load_gazetteer,
    load_opd,
    registry_paths,
)
from pelita.core.schema import CategoryRoles
from pelita.tools.check.config import load_config
from pelita.tools.check.corpus import display_path, load_corpus, slug_of

from .answers import Registries
from .prompting import Ask, NewPostError, Say, collect_answers
from .render import render_post
from .writer import planned_paths, write_post

INTRO = (
    "Tulisan baru untuk {site}. Tekan Enter untuk memakai isian di dalam [ ], "
    "ketik - untuk mengosongkan isian yang tidak wajib."
)


def load_registries(
    settings: Mapping[str, Any], root: Path, now: dt.datetime | None = None
) -> Registries:
    """Categories, gazetteer, OPD list, clock and every slug already in use."""
    zone = ZoneInfo(settings.get("TIMEZONE") or "Asia/Jakarta")
    paths = registry_paths(settings, root)
    try:
        gazetteer = load_gazetteer(paths["wilayah"], paths["wilayah_aliases"])
        opd = load_opd(paths["opd"])
    except RegistryError as exc:
        raise NewPostError(f"Registri rusak, jalankan invoke check: {exc}") from exc
    config = load_config(settings)
    roles = config.roles
    corpus = load_corpus(settings, root, config)
    taken = {slug_of(source, settings) for source in corpus.files} - {""}
    return Registries(
        categories=list(settings.get("CATEGORIES") or []),
        gazetteer=gazetteer,
        opd=opd,
        timezone=zone,
        now=(now or dt.datetime.now(zone))
        .astimezone(zone)
        .replace(second=0, microsecond=0),
        taken_slugs=taken,
        content=corpus.content,
        slug_substitutions=settings.get("SLUG_REGEX_SUBSTITUTIONS"),
        roles=roles,
    )


def run_new_post(
    settings: Mapping[str, Any],
    given: Mapping[str, str | None],
    *,
    yes: bool,
    ask: Ask,
    say: Say,
    root: Path | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """Write a new post; return its path. Raise :class:`NewPostError` if not.

    With ``yes`` nothing is asked: flags must hold every required answer.
    Otherwise the admin is asked for what is missing, shown the result, and
    asked to confirm.
    """
    root = Path(root or Path.cwd())
    reg = load_registries(settings, root, now)
    if not yes:
        say(INTRO.format(site=settings.get("SITENAME", "situs ini")))
    answers = collect_answers(given, reg, interactive=not yes, ask=ask, say=say)
    post, _ = planned_paths(answers, reg.content)
    if not yes and not _confirmed(answers, post, root, reg.roles, ask, say):
        raise NewPostError("Dibatalkan; tidak ada berkas yang dibuat.")
    written = write_post(answers, reg.content, reg.roles)
    _next_steps(written.post, written.image_dir, written.image, root, say)
    return written.post


def _confirmed(  # noqa: PLR0917 - the preview's inputs, then the console
    answers: Mapping[str, str],
    post: Path,
    root: Path,
    roles: CategoryRoles,
    ask: Ask,
    say: Say,
) -> bool:
    say("")
    say(f"Akan dibuat: {display_path(post, root)}")
    preview = render_post(answers, "…" if answers.get("image") else "", roles)
    say(preview.split("\n\n", 1)[0])
    say("")
    try:
        reply = ask("Simpan? [Y/n]: ").strip().lower()
    except EOFError:
        return False
    return reply in ("", "y", "ya")


def _next_steps(
    post: Path, image_dir: Path, image: Path | None, root: Path, say: Say
) -> None:
    shown = display_path(post, root)
    folder = display_path(image_dir, root)
    say(f"Tulisan baru: {shown}")
    if image is not None:
        say(f"Foto utama disalin ke {display_path(image, root)}")
    else:
        relative = folder.split("content/", 1)[-1]
        say(
            f"Taruh foto di {folder}/ lalu tambahkan di bagian atas tulisan: "
            f'"Image: {relative}/nama-foto.jpg" dan '
            '"Image_alt: apa yang tampak di foto"'
        )
    say("Langkah berikutnya:")
    say(f"  1. Buka {shown} dan ganti setiap teks di antara [[ dan ]].")
    say("  2. Lihat pratinjaunya: invoke livereload, lalu buka http://localhost:8000/")
    say(f"  3. Periksa sebelum mengirim: invoke check --path {shown}")
