"""Loaders for the registries under data/ that non-programmers edit.

Not a Pelican plugin: the importer, ``invoke check`` and several plugins share
these loaders so that a kecamatan, kelurahan or OPD is spelled, validated and
suggested the same way everywhere.
"""

from .contact import ContactProblem, Phone
from .errors import RegistryError
from .gazetteer import Gazetteer, Kecamatan, Kelurahan, load_gazetteer
from .names import closest, normalize_name, slugify_name
from .opd import Opd, OpdProblem, OpdRegistry, load_opd
from .paths import DEFAULT_REGISTRIES, registry_paths
from .yamltext import load_yaml_text

__all__ = [
    "DEFAULT_REGISTRIES",
    "ContactProblem",
    "Gazetteer",
    "Kecamatan",
    "Kelurahan",
    "Opd",
    "OpdProblem",
    "OpdRegistry",
    "Phone",
    "RegistryError",
    "closest",
    "load_gazetteer",
    "load_opd",
    "load_yaml_text",
    "normalize_name",
    "registry_paths",
    "slugify_name",
]
