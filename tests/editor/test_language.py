"""The editor speaks Indonesian on every screen of the admins' main flows."""

from __future__ import annotations

import json
import re
import subprocess

from pelita.tools.webeditor.bundle import ADMIN_DIR

from .driver import open_editor

# English that Decap or its libraries write without going through a locale.
HARD_CODED = ("Select...", "No options", "Loading...", "Remove", "Clear", "Close")
# Punctuation around a phrase: quotes, the full-width plus of "+ New".
STRIP = " .:'\"\u201c\u201d\u2018\u2019\uff0b"
VISIBLE_TEXT = """() => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const box = node.parentElement;
    if (!box) continue;
    if (!box.offsetParent && getComputedStyle(box).position !== 'fixed') continue;
    if (box.closest('[contenteditable="true"], textarea, script, style')) continue;
    if (node.textContent.trim()) texts.push(node.textContent.trim());
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value && value.trim()) texts.push(value.trim());
    }
  }
  return texts;
}"""


def english_phrases() -> set[str]:
    """Decap's English interface strings, without their %{placeholders}."""
    script = (
        "import('decap-cms-locales/src/en/index.js')"
        ".then(m => console.log(JSON.stringify(m.default)))"
    )
    out = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        cwd=ADMIN_DIR, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    phrases: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
            return
        for piece in re.split(r"%\{\w+\}|\|\|\|\|", str(value)):
            part = piece.strip(STRIP)
            if len(part) >= 4 and re.search(r"[a-z]", part):
                phrases.add(part)

    walk(json.loads(out))
    return phrases


def _english_on(texts: list[str], phrases: set[str]) -> list[str]:
    found = []
    for text in texts:
        for phrase in (*phrases, *HARD_CODED):
            if text == phrase or (" " in phrase and phrase in text):
                found.append(f"{phrase!r} in {text!r}")
    return found


def test_no_english_in_the_main_flows(editor, browser):
    phrases = english_phrases() - {"Markdown", "Status", "Media"}
    # The detector itself: Decap's own English would be caught.
    caught = _english_on(["Publish now", "Save", "Status: In review"], phrases)
    assert sorted(caught) == [
        "'In review' in 'Status: In review'",
        "'Publish now' in 'Publish now'",
        "'Save' in 'Save'",
    ]
    admin = open_editor(browser, editor, "#/collections/klarifikasi")
    page = admin.page
    seen: dict[str, list[str]] = {}

    def look(screen: str) -> None:
        page.wait_for_timeout(800)
        seen[screen] = _english_on(page.evaluate(VISIBLE_TEXT), phrases)

    page.get_by_text("Klarifikasi (mendesak)").first.wait_for()
    look("daftar tulisan")
    page.goto(f"{editor.url}/admin/#/collections/prestasi/new")
    page.locator('[id^="title-field-"]').wait_for()
    look("formulir Prestasi")
    admin.field("kecamatan").click()
    look("pilihan kecamatan")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Pilih foto").first.click()
    look("pustaka foto")
    page.get_by_role("button", name="Tutup").click()
    page.goto(f"{editor.url}/admin/#/collections/kabar/new")
    page.locator('[id^="title-field-"]').wait_for()
    look("formulir Kabar")
    page.goto(f"{editor.url}/admin/#/workflow")
    page.get_by_text("Alur terbit").first.wait_for()
    look("alur terbit")
    assert {screen: found for screen, found in seen.items() if found} == {}
    assert admin.outside == []
