"""The ``EDITOR`` setting: where the editor signs in and where it commits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from pelita.core.settings import EDITOR, merge_settings
from pelita.tools.check.config import load_config

# Declared (keys, defaults, docs) in pelita.core.settings; kept for readers.
EDITOR_DEFAULTS: dict[str, Any] = EDITOR.defaults()
BACKENDS = ("github", "gitea", "forgejo")


class EditorSettingsError(ValueError):
    """The ``EDITOR`` setting has an unknown key or an unusable value."""


def _repo_from_url(url: str) -> str:
    path = urlsplit(url).path.strip("/")
    return path.removesuffix(".git") if path.count("/") == 1 else ""


# What each self-hosted backend cannot sign in without.
REQUIRED = {
    "gitea": ("base_url", "api_root", "app_id"),
    "forgejo": ("api_root", "app_id"),
}


def _check_self_hosted(editor: Mapping[str, Any], settings: Mapping[str, Any]) -> None:
    for key in REQUIRED.get(editor["backend"], ()):
        if not editor[key]:
            raise EditorSettingsError(
                f"EDITOR['{key}'] is empty; the {editor['backend']} backend needs "
                "base_url (https://git.example.go.id), api_root "
                "(https://git.example.go.id/api/v1) and app_id (the OAuth "
                "application's client id): see docs/editor-setup.md"
            )
    published = settings.get("REPOSITORY_BRANCH") or "main"
    if editor["backend"] == "gitea" and editor["branch"] == published:
        # Decap's Gitea backend has no editorial workflow: its posts are
        # commits, so they go to a branch editors review and merge.
        raise EditorSettingsError(
            f"EDITOR['branch'] = {editor['branch']!r} is the published branch; "
            "with gitea the editor commits directly, so give it a review branch, "
            "e.g. 'redaksi', and merge that into "
            f"{published!r} after review (or use the forgejo backend, which has "
            "the review workflow)"
        )


def editor_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """``settings["EDITOR"]`` over the defaults, with repo and branch filled in."""
    merged = merge_settings(settings, EDITOR)
    if merged["backend"] not in BACKENDS:
        raise EditorSettingsError(
            f"EDITOR['backend'] = {merged['backend']!r}; expected one of "
            f"{', '.join(BACKENDS)}"
        )
    merged["repo"] = merged["repo"] or _repo_from_url(
        str(settings.get("REPOSITORY_URL") or "")
    )
    if merged["repo"].count("/") != 1:
        raise EditorSettingsError(
            f"EDITOR['repo'] = {merged['repo']!r}; expected owner/name, e.g. "
            "'pemkot-semarang/pelita' (or set REPOSITORY_URL)"
        )
    merged["branch"] = merged["branch"] or settings.get("REPOSITORY_BRANCH") or "main"
    if merged["photo_max_bytes"] is None:  # the check's limit for a photo
        merged["photo_max_bytes"] = load_config(settings).image_max_bytes
    _check_self_hosted(merged, settings)
    if not 1 <= int(merged["photo_quality"]) <= 100:
        raise EditorSettingsError(
            f"EDITOR['photo_quality'] = {merged['photo_quality']!r}; expected 1 to 100"
        )
    return merged
