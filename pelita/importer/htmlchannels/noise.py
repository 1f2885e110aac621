"""Remove the noise city CMSes print around an article's text.

"Dilihat: 990 kali", "Baca juga: ..." boxes, share buttons, tag clouds,
navigation, comment forms, "Editor: ... | Penulis: ..." lines, advertising
prompts, credit codes like "(ant/hrs)": none of it is the article. A
channel's own ``html: remove:`` selectors go first; then the general rules
of ``data/html-noise.yml`` (selectors, whole-line phrases, labels that head
a box of links, blocks of links to tag pages, and codes at the text's very
end), kept in data so a new phrase needs no code. Works on the
BeautifulSoup element of the article body, in place.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import soupsieve
import yaml
from bs4 import CData, NavigableString, Tag

from pelita.importer.errors import ImporterConfigError
from pelita.importer.registry.htmlrules import selector_problem

_LINE_TAGS = (
    "p", "div", "span", "li", "small", "em", "i", "strong", "b", "h2", "h3",
    "h4", "h5", "h6", "section", "footer", "header", "dd", "dt", "font", "center",
)  # fmt: skip
_INLINE = frozenset({"strong", "b", "em", "i", "span", "a", "u", "small", "font"})
_CONTAINERS = frozenset({"div", "aside", "section", "blockquote", "footer", "table"})
_BOX_MAX_TEXT = 800
_KEYS = ("selectors", "lines", "boxes", "tails", "tag_links", "max_line_length")
# What a block of tag links may say besides its links: a label and separators.
_TAG_LABEL = re.compile(
    r"^(?:(?:tags?|topik|topic|label|kata\s+kunci|keywords?|terkait)\s*:?|[\s,|/#•·:;-])*$",
    re.IGNORECASE,
)
_TAG_BLOCKS = ("p", "div", "ul", "ol", "li", "span", "section", "footer", "small")


@dataclass(frozen=True)
class NoiseRules:
    """The general noise rules (``data/html-noise.yml``)."""

    selectors: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()
    boxes: tuple[str, ...] = ()
    max_line_length: int = 200
    tails: tuple[str, ...] = ()
    tag_links: tuple[str, ...] = ()


def _strings(data: dict, key: str, path: Path) -> tuple[str, ...]:
    values = data.get(key) or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ImporterConfigError(f"importer: {path}: '{key}' must be a list of text")
    return tuple(values)


def _check_patterns(values: Iterable[str], key: str, path: Path) -> None:
    for value in values:
        try:
            re.compile(value)
        except re.error as exc:
            raise ImporterConfigError(
                f"importer: {path}: {key}: {value!r} is not a regular expression "
                f"({exc})"
            ) from exc


def load_noise_rules(path: Path) -> NoiseRules:
    """Read and check the noise rules; ``ImporterConfigError`` names the fault."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ImporterConfigError(
            f"importer: noise rules {path} cannot be read: {exc} "
            "(IMPORTER['noise_file'])"
        ) from exc
    if not isinstance(data, dict) or set(data) - set(_KEYS):
        raise ImporterConfigError(
            f"importer: {path}: expected a mapping with {', '.join(_KEYS)}"
        )
    selectors = _strings(data, "selectors", path)
    for selector in selectors:
        problem = selector_problem(selector)
        if problem:
            raise ImporterConfigError(f"importer: {path}: {selector!r}: {problem}")
    patterns = {}
    for key in ("lines", "boxes", "tails", "tag_links"):
        patterns[key] = _strings(data, key, path)
        _check_patterns(patterns[key], key, path)
    limit = data.get("max_line_length", 200)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ImporterConfigError(
            f"importer: {path}: max_line_length {limit!r} must be a whole number"
        )
    return NoiseRules(selectors, max_line_length=limit, **patterns)


@functools.cache
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


class _Texts:
    """Each element's text, computed once, bottom-up (linear in the tree).

    ``get_text`` per element would cost the square of the tree's size on a
    hostile page (thousands of nested elements); here every element gets its
    length, and its whitespace-normalized text when that is at most
    ``limit`` characters (longer text is never noise).
    """

    def __init__(self, root: Any, limit: int) -> None:
        self.short: dict[int, str] = {}
        self.length: dict[int, int] = {}
        self._elements = root.find_all(True)  # kept: the keys are their ids
        for element in reversed(self._elements):  # descendants first
            self._measure(element, limit)

    def _measure(self, element: Any, limit: int) -> None:
        pieces: list[str] = []
        total, fits = 0, True
        for child in element.children:
            if isinstance(child, Tag):
                size, piece = self.length[id(child)], self.short.get(id(child))
            elif type(child) in (NavigableString, CData):
                piece = " ".join(child.split())
                size = len(piece)
            else:
                continue
            total += size + (1 if size else 0)
            fits = fits and piece is not None and total <= limit + 1
            if fits and piece:
                pieces.append(piece)
        self.length[id(element)] = total
        if fits:
            self.short[id(element)] = " ".join(pieces)

    def text(self, element: Any) -> str | None:
        """The element's text if it is short, else None."""
        return self.short.get(id(element))


def _gone(element: Any) -> bool:
    """Removed already (itself or with an ancestor).

    Read from the element's own attributes: on a live tag, bs4's
    ``decomposed`` property falls back to a search of the whole subtree.
    """
    own = vars(element)
    return bool(own.get("_decomposed")) or own.get("parent") is None


@functools.cache
def _selector_list(selectors: tuple[str, ...]) -> Any:
    """All selectors as one compiled list: one walk of the tree, not one each."""
    return soupsieve.compile(", ".join(selectors)) if selectors else None


def _remove_selected(root: Any, selectors: Iterable[str]) -> int:
    compiled = _selector_list(tuple(selectors))
    if compiled is None:
        return 0
    removed = 0
    for element in compiled.select(root):
        if not _gone(element):
            element.decompose()
            removed += 1
    return removed


def _remove_line_elements(root: Any, rules: NoiseRules, pattern: re.Pattern) -> int:
    texts = _Texts(root, rules.max_line_length)
    removed = 0
    for element in root.find_all(_LINE_TAGS):
        if _gone(element):
            continue
        text = texts.text(element)
        if text and pattern.search(text):
            element.decompose()
            removed += 1
    return removed


def _remove_lines(root: Any, rules: NoiseRules) -> int:
    pattern = _compiled(rules.lines)
    if pattern is None:
        return 0
    removed = _remove_line_elements(root, rules, pattern)
    for string in root.find_all(string=True):
        text = " ".join(string.split())
        parent = string.parent
        if parent is None or parent.name in _INLINE or not text:
            continue
        if len(text) <= rules.max_line_length and pattern.search(text):
            following = string.find_next_sibling()
            if following is not None and following.name == "br":
                following.decompose()
            string.extract()
            removed += 1
    return removed


def _box_of(label: Any, root: Any, texts: _Texts) -> Any:
    """The element to drop for a box label: its box, or the label's block."""
    block = label
    while block.parent is not None and block.parent is not root:
        if block.parent.name not in _INLINE:
            break
        block = block.parent
    box = block.parent
    if (
        box is not None
        and box is not root
        and box.name in _CONTAINERS
        and texts.length.get(id(box), _BOX_MAX_TEXT + 1) <= _BOX_MAX_TEXT
        and box.find("a") is not None
    ):
        return box
    following = block.find_next_sibling()
    if following is not None and following.name in ("ul", "ol"):
        following.decompose()
    return block


def _remove_boxes(root: Any, rules: NoiseRules) -> int:
    pattern = _compiled(rules.boxes)
    if pattern is None:
        return 0
    texts = _Texts(root, max(rules.max_line_length, _BOX_MAX_TEXT))
    removed = 0
    for element in root.find_all(True):
        if _gone(element) or element.name in ("a", "ul", "ol"):
            continue
        text = texts.text(element)
        if not text or len(text) > rules.max_line_length or not pattern.search(text):
            continue
        _box_of(element, root, texts).decompose()
        removed += 1
    return removed


class _Links:
    """Per element: its links, those to tag pages, and its text outside links.

    Computed once, bottom-up, like ``_Texts`` (linear in the tree).
    """

    def __init__(self, root: Any, pattern: re.Pattern[str]) -> None:
        self.links: dict[int, int] = {}
        self.tags: dict[int, int] = {}
        self.rest: dict[int, str] = {}
        self._elements = root.find_all(True)
        for element in reversed(self._elements):
            self._measure(element, pattern)

    def _measure(self, element: Any, pattern: re.Pattern[str]) -> None:
        if element.name == "a":
            href = str(element.get("href") or "")
            self.links[id(element)] = 1 if href else 0
            self.tags[id(element)] = 1 if href and pattern.search(href) else 0
            self.rest[id(element)] = ""
            return
        links = tags = 0
        rest: list[str] = []
        for child in element.children:
            if isinstance(child, Tag):
                links += self.links[id(child)]
                tags += self.tags[id(child)]
                if len(rest) < 20:
                    rest.append(self.rest[id(child)])
            elif type(child) in (NavigableString, CData) and len(rest) < 20:
                rest.append(str(child))
        self.links[id(element)], self.tags[id(element)] = links, tags
        self.rest[id(element)] = " ".join(rest)[:200]

    def tag_block(self, element: Any) -> bool:
        """Only links to tag pages, and no words of its own but a label."""
        key = id(element)
        return (
            self.links.get(key, 0) >= 1
            and self.tags[key] == self.links[key]
            and bool(_TAG_LABEL.match(self.rest[key]))
            and (self.links[key] >= 2 or bool(self.rest[key].strip(" ,|#:")))
        )


def _remove_tag_links(root: Any, rules: NoiseRules) -> int:
    pattern = _compiled(rules.tag_links)
    if pattern is None:
        return 0
    links = _Links(root, pattern)
    removed = 0
    for element in root.find_all(_TAG_BLOCKS):
        if not _gone(element) and links.tag_block(element):
            element.decompose()
            removed += 1
    return removed


def _remove_tail(root: Any, rules: NoiseRules) -> int:
    """A credit code at the very end of the text ("... Kamis. (ant/hrs)")."""
    pattern = _compiled(tuple(f"(?:{p})\\s*$" for p in rules.tails))
    if pattern is None:
        return 0
    last = next((s for s in reversed(root.find_all(string=True)) if s.strip()), None)
    if last is None or type(last) not in (NavigableString, CData):
        return 0
    kept = pattern.sub("", str(last).rstrip())
    if kept == str(last).rstrip():
        return 0
    last.replace_with(NavigableString(kept))
    return 1


def remove_noise(root: Any, rules: NoiseRules, own: Iterable[str] = ()) -> int:
    """Remove the channel's ``own`` selectors, then the general noise; a count."""
    removed = _remove_selected(root, own)
    removed += _remove_selected(root, rules.selectors)
    removed += _remove_boxes(root, rules)
    removed += _remove_tag_links(root, rules)
    removed += _remove_lines(root, rules)
    return removed + _remove_tail(root, rules)
