"""Write the new post and make its image folder, never over an existing file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pelita.core.photos import save_stripped
from pelita.core.schema import ROLE_DEFAULTS, CategoryRoles

from .prompting import NewPostError
from .render import render_post


@dataclass(frozen=True)
class Written:
    """Where the post went, its image folder, and the copied photo (if any)."""

    post: Path
    image_dir: Path
    image: Path | None = None


def planned_paths(answers: Mapping[str, str], content: Path) -> tuple[Path, Path]:
    """``content/posts/<yyyy>/<slug>.md`` and ``content/images/<yyyy>/<slug>/``."""
    year, slug = answers["date"][:4], answers["slug"]
    return content / "posts" / year / f"{slug}.md", content / "images" / year / slug


def _image_target(source: Path, image_dir: Path, slug: str) -> Path:
    suffix = source.suffix.lower()
    target = image_dir / f"{slug}{suffix}"
    number = 2
    while target.exists():
        target = image_dir / f"{slug}-{number}{suffix}"
        number += 1
    return target


def write_post(
    answers: Mapping[str, str], content: Path, roles: CategoryRoles = ROLE_DEFAULTS
) -> Written:
    """Create the post (exclusively) and its image folder; copy the photo.

    The photo is copied without its location and camera data: once committed,
    the repository's history would keep them public.
    """
    post, image_dir = planned_paths(answers, content)
    image = None
    if answers.get("image"):
        image = _image_target(Path(answers["image"]), image_dir, answers["slug"])
    relative = image.relative_to(content).as_posix() if image else ""
    text = render_post(answers, relative, roles)
    post.parent.mkdir(parents=True, exist_ok=True)
    try:
        with post.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError as exc:
        raise NewPostError(
            f"{post} sudah ada dan tidak akan ditimpa; pilih Slug lain"
        ) from exc
    image_dir.mkdir(parents=True, exist_ok=True)
    if image is not None:
        save_stripped(Path(answers["image"]), image)
    return Written(post, image_dir, image)
