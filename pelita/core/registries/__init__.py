"""Loaders for the registries under data/ that non-programmers edit.

The gazetteer, the OPD list and the channel registry each have one reader
here, cached until its files change.

Not a Pelican plugin: the importer, ``invoke check`` and several plugins share
these loaders so that a kecamatan, kelurahan or OPD is spelled, validated and
suggested the same way everywhere.
"""

from .channels import (
    ChannelRecord,
    ChannelRegistry,
    load_channel_registry,
    site_channels,
)
from .contact import ContactProblem, Phone
from .errors import RegistryError
from .gazetteer import Gazetteer, Kecamatan, Kelurahan, load_gazetteer
from .names import closest, normalize_name, slugify_name
from .opd import Opd, OpdProblem, OpdRegistry, load_opd
from .paths import DEFAULT_REGISTRIES, registry_paths
from .yamltext import load_yaml_text

__all__ = [
    "DEFAULT_REGISTRIES",
    "ChannelRecord",
    "ChannelRegistry",
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
    "load_channel_registry",
    "load_gazetteer",
    "load_opd",
    "load_yaml_text",
    "normalize_name",
    "registry_paths",
    "site_channels",
    "slugify_name",
]
