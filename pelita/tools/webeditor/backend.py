"""The ``backend`` block of Decap's configuration, from the ``EDITOR`` setting."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Commit messages and pull-request titles, in the admins' language. A
# Klarifikasi's title starts with "Klarifikasi (mendesak)", its form's label.
COMMIT_MESSAGES = {
    "create": "{{collection}}: tulisan baru “{{slug}}”",
    "update": "{{collection}}: ubah “{{slug}}”",
    "delete": "{{collection}}: hapus “{{slug}}”",
    "uploadMedia": "Unggah foto “{{path}}”",
    "deleteMedia": "Hapus foto “{{path}}”",
    "openAuthoring": "{{message}}",
}


def backend_config(editor: Mapping[str, Any]) -> dict[str, Any]:
    """Where the editor signs in and commits: GitHub, Gitea or Forgejo."""
    backend: dict[str, Any] = {
        "name": editor["backend"],
        "repo": editor["repo"],
        "branch": editor["branch"],
        "commit_messages": COMMIT_MESSAGES,
    }
    if editor["backend"] == "github":
        backend["squash_merges"] = True
        backend["cms_label_prefix"] = "pelita/"
    for key in ("base_url", "auth_endpoint", "app_id", "api_root"):
        if editor[key]:
            backend[key] = editor[key]
    return backend
