"""The web editor for admins at ``/admin/`` (Decap CMS), written after a build.

A tool, not a Pelican plugin: ``invoke build`` and ``invoke preview`` call
:func:`write_editor` after Pelican, as they run the search index. The forms
are generated from the registries and settings the build and ``invoke check``
use, so the editor offers exactly the choices the check accepts.
"""

from .bundle import EditorBundleError, write_editor
from .forms import editor_config
from .settings import EDITOR_DEFAULTS, EditorSettingsError, editor_settings

__all__ = [
    "EDITOR_DEFAULTS",
    "EditorBundleError",
    "EditorSettingsError",
    "editor_config",
    "editor_settings",
    "write_editor",
]
