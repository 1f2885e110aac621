"""The register's vocabulary: an award, its levels, and a metadata problem.

Frozen dataclasses so an award can be cached with its article, compared in
tests and shared by templates, the CSV/JSON register and ``invoke check``.
"""

from __future__ import annotations

from dataclasses import dataclass

# The levels an award is given at, highest first (the contract's spelling):
# a contest within one kelurahan (among its RW) is "kelurahan", within one
# kecamatan (among its kelurahan) "kecamatan", across the city "kota".
LEVELS: tuple[str, ...] = (
    "internasional", "nasional", "provinsi", "kota", "kecamatan", "kelurahan",
)  # fmt: skip

# How each level reads on the site.
LEVEL_LABELS: dict[str, str] = {
    "internasional": "Internasional",
    "nasional": "Nasional",
    "provinsi": "Provinsi",
    "kota": "Kota",
    "kecamatan": "Kecamatan",
    "kelurahan": "Kelurahan",
}

# Where the register learned that a post is an achievement.
SOURCE_METADATA = "metadata"  # Prestasi: ya, or Penghargaan/Pemberi/Tingkat given
SOURCE_CATEGORY = "kategori"  # filed under the Prestasi category
SOURCE_CLASSIFIER = "otomatis"  # recognised from the title and lead


class PrestasiError(ValueError):
    """A rules file, setting or page layout the register cannot work with."""


@dataclass(frozen=True)
class Award:
    """One achievement or award, as the register shows and exports it.

    ``name``, ``giver``, ``level`` and ``recipient`` are what the post says
    (from metadata, or extracted from the text when the admin left them
    out); any may be None when neither tells. ``opd``, ``kecamatan`` and
    ``kelurahan`` are the recipient resolved against the registries, then
    completed from the post's own ``OPD``/``Kecamatan`` (or its channel's)
    before any page is written; ``kecamatan`` holds official names.
    """

    name: str | None = None
    giver: str | None = None
    level: str | None = None
    recipient: str | None = None
    year: int | None = None
    evidence: str | None = None
    source: str = SOURCE_CLASSIFIER
    confidence: float = 1.0
    reasons: tuple[str, ...] = ()
    opd: str | None = None
    kecamatan: tuple[str, ...] = ()
    kelurahan: str | None = None

    @property
    def level_label(self) -> str:
        """The level as the site prints it ("Nasional"), or an empty string."""
        return LEVEL_LABELS.get(self.level or "", "")

    @property
    def inferred(self) -> bool:
        """True when only the classifier says this post is an achievement."""
        return self.source == SOURCE_CLASSIFIER


@dataclass(frozen=True)
class Problem:
    """One invalid achievement field, with what was expected and a suggestion."""

    field: str
    value: str
    message: str
    expected: str = ""
    suggestion: str | None = None

    def describe(self, path: str | None = None, line: int | None = None) -> str:
        """Format for a log or ``invoke check``: file:line: Field: 'value' ..."""
        where = f"{path}:{line}: " if path and line else f"{path}: " if path else ""
        text = f"{where}{self.field}: {self.value!r} {self.message}"
        if self.expected:
            text += f"; expected {self.expected}"
        if self.suggestion:
            text += f"; did you mean {self.suggestion!r}?"
        return text
