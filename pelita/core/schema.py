"""The post schema: every metadata key a post may carry, and the category roles.

One owner for what a post's header means. ``invoke check`` and the web
editor know the keys and their spellings from here, docs/writing.md's metadata
table is generated from :data:`POST_KEYS`, the build-safety checks read
:data:`URL_KEYS`, and every plugin and tool asks :func:`category_roles`
which category holds the achievements and which the hoax clarifications.
Renaming a category is then one setting (``CATEGORY_ROLES`` in
``pelicanconf.py``) and the ``CATEGORIES`` list, not a search through code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .registries import closest


class SchemaError(ValueError):
    """A setting of the post schema (``CATEGORY_ROLES``) is wrong."""


@dataclass(frozen=True)
class Key:
    """One metadata key: how Pelican reads it, how admins write it, what it holds."""

    name: str  # lower case, as Pelican reads it
    spelling: str  # as admins write it, in the docs and in messages
    meaning: str  # one line of Markdown for docs/writing.md's table
    required: str = "no"  # "yes", "no", "recommended", or when it is needed
    url: bool = False  # the value is a web address and is checked as one
    multiline: bool = False  # the value may continue on indented lines
    repeatable: bool = False  # the key may be written more than once
    admin: bool = True  # admins may write it (else only the importer does)


# Every key, in the order of docs/writing.md's table. ``{categories}``,
# ``{levels}``, ``{verdicts}`` and ``{clarifications}`` are filled from the
# settings and the prestasi core when the table is made.
POST_KEYS: tuple[Key, ...] = (
    Key("title", "Title", "the headline", required="yes"),
    Key(
        "date",
        "Date",
        "`YYYY-MM-DD HH:MM` in WIB, or ISO 8601 with an offset",
        required="yes",
    ),
    Key("modified", "Modified", "last substantive change"),
    Key("category", "Category", "one of {categories}", required="yes"),
    Key("tags", "Tags", "comma-separated topics"),
    Key(
        "summary",
        "Summary",
        "one or two sentences for lists and link previews",
        multiline=True,
    ),
    Key(
        "slug",
        "Slug",
        "the URL part; made from the title when absent (so editing the title "
        "would change the URL)",
        required="recommended",
    ),
    Key(
        "kecamatan",
        "Kecamatan",
        "the post's kecamatan, any spelling (`Gunung Pati`, `kec. tembalang`); "
        "several separated by commas; `-` for none. Found in the text when "
        "absent; see [Kecamatan and kelurahan](#kecamatan-and-kelurahan)",
    ),
    Key(
        "kelurahan",
        "Kelurahan",
        "the post's kelurahan; must lie in the `Kecamatan` given (a name that "
        "exists twice needs it), and sets the kecamatan when that is absent",
    ),
    Key("opd", "OPD", "an OPD `id` from the OPD registry, e.g. `diskominfo`"),
    Key(
        "image",
        "Image",
        "path of the featured image under `content/`, e.g. "
        "`images/2025/foo.jpg`; a phone photo can go in as it is (turned "
        "upright, stripped of location and camera data, resized to WebP at "
        "build time); on imported posts the importer's copy "
        "(`images/imported/<hash>.webp`), or an `https://` URL for a channel "
        "with `images: remote`",
    ),
    Key(
        "image_alt",
        "Image_alt",
        "the image's alternative text",
        required="with `Image`",
    ),
    Key("status", "Status", "`draft`, `hidden` or `published`"),
    Key(
        "ralat",
        "Ralat",
        "a correction, one line each: `2025-09-12 — what was wrong and what "
        "is right`; shown under the post and on `/ralat/`",
        multiline=True,
        repeatable=True,
    ),
    Key(
        "prestasi",
        "Prestasi",
        "`ya`: this post reports an achievement or award; `tidak`: it does "
        "not, whatever the text says (see [the register]"
        "(#prestasi--penghargaan-the-register))",
    ),
    Key("penghargaan", "Penghargaan", "the award's name, e.g. `Adipura Kencana`"),
    Key("pemberi", "Pemberi", "who gave it, e.g. `Kementerian Lingkungan Hidup`"),
    Key("tingkat", "Tingkat", "{levels}"),
    Key(
        "penerima",
        "Penerima",
        "who received it: an OPD `id` (`dinkes`), a kecamatan or kelurahan "
        "(`Kecamatan Tembalang`, `Meteseh`), or free text "
        "(`SMP Negeri 2 Semarang`)",
    ),
    Key(
        "tahun", "Tahun", "the award's year, e.g. `2025` (the post's year when absent)"
    ),
    Key(
        "bukti", "Bukti", "a link (`https://…`) to the decree or certificate", url=True
    ),
    Key(
        "klaim",
        "Klaim",
        "the claim being checked, in one sentence",
        required="{clarifications}",
    ),
    Key("putusan", "Putusan", "the verdict: {verdicts}", required="{clarifications}"),
    Key(
        "video",
        "Video",
        "a YouTube watch URL (`https://www.youtube.com/watch?v=…`); the theme "
        "shows `Image` as a click-to-load player, never an iframe",
        url=True,
    ),
    Key(
        "channel",
        "Channel",
        "the channel's id in the channel registry",
        required="imported",
    ),
    Key("source", "Source", "the original URL", required="imported", url=True),
    Key(
        "import_id",
        "Import_id",
        "the entry's identity (`guid:…`, `link:…` or `hash:…`, hashed); how a "
        "re-run finds the file again, even without the state file",
        required="imported",
        admin=False,
    ),
    Key(
        "import_hash",
        "Import_hash",
        "SHA-256 of the file as the importer wrote it (without this line); a "
        "file that no longer matches was edited by hand and is never overwritten",
        required="imported",
        admin=False,
    ),
    Key(
        "story",
        "Story",
        "the story the post belongs to (the slug of its first post); a label "
        "written by the importer, see [One story, many channels]"
        "(#one-story-many-channels)",
    ),
    Key(
        "duplicate_of",
        "Duplicate_of",
        "this post reports the same story as another post, named by its slug, "
        "its `Import_id` or its URL: it is not listed, its page stays and "
        "points to that post. Delete the line to list the post again; add it "
        "(to any post, an admin's too) to merge",
    ),
    Key(
        "story_reason",
        "Story_reason",
        "why the importer grouped the post, in words",
        admin=False,
    ),
)

# Keys Pelican itself understands; admins rarely need them, the check knows them.
PELICAN_KEYS: frozenset[str] = frozenset(
    {"author", "authors", "lang", "translation", "template", "save_as", "url"}
)
KEYS: dict[str, Key] = {key.name: key for key in POST_KEYS}
# Keys an admin's post may carry; anything else is reported as unknown.
ADMIN_KEYS: frozenset[str] = frozenset(
    {key.name for key in POST_KEYS if key.admin} | PELICAN_KEYS
)
# Keys whose value is a web address: validated as one wherever it is read.
URL_KEYS: frozenset[str] = frozenset(key.name for key in POST_KEYS if key.url)
MULTILINE_KEYS: frozenset[str] = frozenset(k.name for k in POST_KEYS if k.multiline)
REPEATABLE_KEYS: frozenset[str] = frozenset(k.name for k in POST_KEYS if k.repeatable)
STATUSES: tuple[str, ...] = ("published", "draft", "hidden")


@dataclass(frozen=True)
class Verdict:
    """One verdict a clarification's ``Putusan`` may give.

    The set follows Indonesian fact-checking usage (the government's
    ``[HOAKS]``/``[DISINFORMASI]`` labels, the CekFakta newsrooms' "Menyesatkan",
    "Sebagian Benar"), so an admin can say how wrong a claim is, not only
    that it is. Every consumer (``invoke check``, the web editor's select,
    the theme's colours, the share cards, ClaimReview) reads it from here.
    """

    name: str  # as admins write it and readers see it
    meaning: str  # when to use it, for the admins' manual (Indonesian)
    rating: int  # ClaimReview ratingValue: 1 (false) to 5 (true)
    token: str  # the theme colour, ``--color-<token>`` in tokens.css

    @property
    def slug(self) -> str:
        """CSS class suffix: "Sebagian Benar" -> "sebagian-benar"."""
        return "-".join(self.name.casefold().split())

    @property
    def is_true(self) -> bool:
        """The claim holds (a check mark, not a warning, goes with it)."""
        return self.rating == 5


VERDICT_SET: tuple[Verdict, ...] = (
    Verdict(
        "Hoaks",
        "Klaim dibuat-buat, tidak ada dasarnya sama sekali.",
        1, "hoaks",
    ),
    Verdict(
        "Disinformasi",
        "Klaim salah yang sengaja disebarkan untuk menipu atau merugikan.",
        1, "disinformasi",
    ),
    Verdict(
        "Misinformasi",
        "Klaim salah yang tersebar tanpa niat menipu (salah paham, info lama).",
        2, "misinformasi",
    ),
    Verdict(
        "Menyesatkan",
        "Fakta yang benar dipakai di luar konteks atau dipelintir.",
        2, "menyesatkan",
    ),
    Verdict(
        "Tidak Tepat",
        "Klaim keliru dalam angka, tanggal, tempat atau orangnya.",
        2, "salah",
    ),
    Verdict(
        "Sebagian Benar",
        "Sebagian klaim benar, sebagian lagi keliru atau belum terbukti.",
        3, "sebagian",
    ),
    Verdict("Benar", "Klaim sesuai fakta.", 5, "benar"),
)  # fmt: skip
# The verdicts a clarification's ``Putusan`` may give, as admins write them.
VERDICTS: tuple[str, ...] = tuple(v.name for v in VERDICT_SET)
_VERDICTS_BY_KEY = {v.name.casefold(): v for v in VERDICT_SET}


def verdict_of(name: object) -> Verdict | None:
    """The verdict an admin wrote (case and spacing forgiven); None if unknown."""
    return _VERDICTS_BY_KEY.get(" ".join(str(name or "").split()).casefold())


# The words of a yes/no key (``Prestasi``). Admins write YES or NO; the other
# words are read the same way but reported, with YES or NO as the suggestion.
YES, NO = "ya", "tidak"
_YES_WORDS = frozenset({YES, "yes", "true", "1"})
_NO_WORDS = frozenset({NO, "no", "false", "0"})


def spelt(key: str) -> str:
    """``Image_alt`` for ``image_alt``: the key as admins write it."""
    found = KEYS.get(key)
    return found.spelling if found else key.capitalize()


def yes_no(value: Any) -> bool | None:
    """True for ``ya`` (or yes/true/1), False for ``tidak`` (no/false/0), else None."""
    word = str(value if value is not None else "").strip().casefold()
    if word in _YES_WORDS:
        return True
    if word in _NO_WORDS:
        return False
    return None


@dataclass(frozen=True)
class CategoryRoles:
    """The categories that mean something to the code, by role.

    ``achievements``: posts in it are achievements (its page becomes the
    awards wall); ``clarifications``: hoax clarifications, with ``Klaim`` and
    ``Putusan`` and never read by the achievements classifier; ``services``:
    public-service news, shown in its own box on the home page.
    """

    achievements: str = "Prestasi"
    clarifications: str = "Klarifikasi"
    services: str = "Layanan Publik"


ROLE_DOCS = {
    "achievements": "the category of achievements; its page is the awards wall",
    "clarifications": "the category of hoax clarifications (`Klaim`, `Putusan`)",
    "services": "the category of public-service news, boxed on the home page",
}
ROLE_DEFAULTS = CategoryRoles()


def category_roles(settings: Mapping[str, Any]) -> CategoryRoles:
    """The site's ``CATEGORY_ROLES`` merged over :data:`ROLE_DEFAULTS`.

    Raises :class:`SchemaError` for an unknown role (naming the closest) or a
    role set to a category that is not in ``CATEGORIES`` (naming the closest
    category).
    """
    given = settings.get("CATEGORY_ROLES") or {}
    if not isinstance(given, Mapping):
        raise SchemaError(
            f"CATEGORY_ROLES: expected a dict of role -> category, got "
            f"{type(given).__name__} {given!r}; roles: {', '.join(ROLE_DOCS)}"
        )
    roles = dict(vars(ROLE_DEFAULTS))
    for role, category in given.items():
        if role not in roles:
            hint = closest(str(role), list(ROLE_DOCS), limit=1)
            raise SchemaError(
                f"CATEGORY_ROLES: unknown role {role!r}"
                + (f"; did you mean {hint[0]!r}?" if hint else "")
                + f" Roles: {', '.join(ROLE_DOCS)}"
            )
        roles[role] = str(category)
    categories = [str(c) for c in settings.get("CATEGORIES") or ()]
    # A role left at its default may name a category the site does not have
    # (a city without public-service news): that role then matches nothing.
    for role, category in roles.items():
        if role in given and categories and category not in categories:
            hint = closest(category, categories, limit=1)
            raise SchemaError(
                f"CATEGORY_ROLES[{role!r}]: {category!r} is not in CATEGORIES "
                f"({', '.join(categories)})"
                + (f"; did you mean {hint[0]!r}?" if hint else "")
            )
    return CategoryRoles(**roles)


def verdict_table(settings: Mapping[str, Any]) -> str:
    """The admins' manual's verdict table: one Markdown row per verdict."""
    rows = ["| `Putusan` | kapan dipakai |", "|---|---|"]
    rows += [f"| `{v.name}` | {v.meaning} |" for v in VERDICT_SET]
    return "\n".join(rows) + "\n"


def metadata_table(settings: Mapping[str, Any]) -> str:
    """docs/writing.md's metadata reference: one Markdown row per POST_KEYS key."""
    roles = category_roles(settings)
    categories = [str(c) for c in settings.get("CATEGORIES") or ()]
    from .prestasi.model import LEVELS  # noqa: PLC0415 - only the docs need it

    fill = {
        "categories": ", ".join(categories) or "the site's `CATEGORIES`",
        "levels": " or ".join(
            [", ".join(f"`{level}`" for level in LEVELS[:-1]), f"`{LEVELS[-1]}`"]
        ),
        "verdicts": " or ".join(
            [", ".join(f"`{v}`" for v in VERDICTS[:-1]), f"`{VERDICTS[-1]}`"]
        ),
        "clarifications": roles.clarifications,
    }
    rows = ["| key | required | meaning |", "|---|---|---|"]
    for key in POST_KEYS:
        rows.append(
            f"| `{key.spelling}` | {key.required.format(**fill)} "
            f"| {key.meaning.format(**fill)} |"
        )
    return "\n".join(rows) + "\n"
