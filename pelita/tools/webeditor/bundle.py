"""Write ``output/admin/``: Decap's bundle, Pelita's modules, config and page.

Everything the editor loads comes from the site's own origin: the bundle is
copied from ``admin/node_modules`` (installed by ``npm ci`` from the lock
file), and the page's Content-Security-Policy lets it talk only to this
origin and the repository host it commits to.
"""

from __future__ import annotations

import html
import json
import logging
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pelita.core.themeassets import collect_assets, published_name

from .forms import editor_config
from .rules import privacy_rules
from .settings import editor_settings

logger = logging.getLogger(__name__)

ADMIN_DIR = Path(__file__).resolve().parents[3] / "admin"
DIST = Path("node_modules") / "decap-cms" / "dist"
API_HOSTS = {"github": "https://api.github.com"}


class EditorBundleError(RuntimeError):
    """The CMS bundle is missing where a build requires it."""


def _bundle_files(dist: Path) -> list[Path]:
    """decap-cms.js, its lazily loaded chunks and WebAssembly, and the licence."""
    names = [p for p in dist.iterdir() if p.is_file()]
    return sorted(
        p
        for p in names
        if p.name == "decap-cms.js"
        or p.name.endswith((".decap-cms.js", ".wasm"))
        or p.name == "decap-cms.js.LICENSE.txt"
    )


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def content_security_policy(editor: Mapping[str, Any]) -> str:
    """Only this origin, plus the repository's API for a hosted backend."""
    hosts = {
        _origin(API_HOSTS.get(editor["backend"], "")),
        _origin(editor["api_root"]),
        _origin(editor["base_url"]),
    } - {""}
    connect = " ".join(["'self'", *sorted(hosts)])
    return (
        "default-src 'self'; "
        # Decap validates its configuration with Ajv, which compiles schemas.
        "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; "
        "style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data: blob: {' '.join(sorted(hosts))}".rstrip()
        + f"; connect-src {connect} blob: data:; "
        "frame-src 'self' blob:; worker-src 'self' blob:; "
        "object-src 'none'; base-uri 'self'; form-action 'none'"
    )


def _page(settings: Mapping[str, Any], editor: Mapping[str, Any]) -> str:
    site = html.escape(str(settings.get("SITENAME") or "Pelita"))
    csp = html.escape(content_security_policy(editor))
    return f"""<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="referrer" content="same-origin">
<title>Ruang Redaksi · {site}</title>
<link rel="stylesheet" href="pelita-editor.css">
<script src="pelita-before.js"></script>
<script src="decap-cms.js"></script>
<script type="module" src="pelita-editor.js"></script>
</head>
<body>
<noscript>Ruang Redaksi memerlukan JavaScript.</noscript>
</body>
</html>
"""


def preview_stylesheet(settings: Mapping[str, Any], base: Path) -> str:
    """The article pages' stylesheet, as the build publishes it (fingerprinted)."""
    theme = Path(str(settings.get("THEME") or "theme"))
    assets = collect_assets((theme if theme.is_absolute() else base / theme) / "static")
    name = published_name(assets, "css/pages/article.css")
    return f"/{str(settings.get('THEME_STATIC_DIR', 'theme')).strip('/')}/{name}"


def write_editor(
    output: Path,
    settings: Mapping[str, Any],
    base: Path | None = None,
    admin_dir: Path = ADMIN_DIR,
) -> Path | None:
    """Write the editor into ``output/admin/``; None when the bundle is absent."""
    base = Path(base or Path.cwd())
    editor = editor_settings(settings)
    dist = admin_dir / DIST
    if not (dist / "decap-cms.js").is_file():
        message = (
            f"the web editor's bundle is missing ({dist / 'decap-cms.js'}); "
            "run 'npm ci' in admin/ (make site does it)"
        )
        if editor["require_bundle"]:
            raise EditorBundleError(message)
        logger.warning("webeditor: %s; /admin/ is left out", message)
        return None
    target = Path(output) / "admin"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for path in _bundle_files(dist):
        shutil.copyfile(path, target / path.name)
    for path in sorted((admin_dir / "src").iterdir()):
        if path.suffix in {".js", ".css"}:
            shutil.copyfile(path, target / path.name)
    data = editor_config(settings, editor, base)
    data["rules"] = privacy_rules(dict(settings), base)
    data["site"] = {
        "name": str(settings.get("SITENAME") or ""),
        "stylesheets": [preview_stylesheet(settings, base)],
    }
    (target / "pelita-editor.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    (target / "index.html").write_text(_page(settings, editor), encoding="utf-8")
    logger.info("webeditor: wrote %s", target)
    return target
