"""What an admin does in the editor, as Playwright steps at a phone's size."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, expect

from .conftest import PHONE, TIMEOUT, Editor

# Saving and publishing are git commits, checkouts and merges in the local
# backend: on a loaded two-core machine they take seconds.
GIT_TIMEOUT = 90_000
# Starting the editor is loading and running megabytes of JavaScript, then
# reading the collections from git: on a loaded two-core machine it has taken
# longer than TIMEOUT.
START_TIMEOUT = 90_000

# The Markdown editor has the focus and the caret is inside it.
_HOLDS_CARET = """editable => {
    const selection = document.getSelection();
    return document.activeElement === editable && selection.rangeCount > 0
        && editable.contains(selection.anchorNode);
}"""
# The selection spans every character of the Markdown editor.
_ALL_SELECTED = """editable => {
    const text = value => value.replace(/[\\s\\uFEFF]+/g, '');
    const selection = document.getSelection();
    return document.activeElement === editable && selection.rangeCount > 0
        && editable.contains(selection.anchorNode)
        && editable.contains(selection.focusNode)
        && text(selection.toString()) === text(editable.textContent);
}"""

# Every visible element that reaches past the viewport's left or right edge,
# unless it sits in a box that scrolls sideways and itself fits the viewport
# (the toolbar does): what a phone would show cut off, or only by scrolling
# the whole page. A page wider than the viewport is reported too.
_OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    const fits = box => box.left >= -0.5 && box.right <= width + 0.5;
    const attribute = (element, key) => element.getAttribute(key)
        ? `[${key}=${element.getAttribute(key)}]` : '';
    const name = element => element.tagName.toLowerCase()
        + (element.id ? '#' + element.id : '')
        + attribute(element, 'data-testid') + attribute(element, 'role');
    const found = [];
    const page = document.scrollingElement.scrollWidth;
    if (page > width) found.push(`the page is ${page} px wide`);
    for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || fits(box)) continue;
        const style = getComputedStyle(element);
        if (style.visibility === 'hidden' || style.position === 'fixed') continue;
        let held = false;
        let up = element.parentElement;
        for (; up !== document.body; up = up.parentElement) {
            const overflow = getComputedStyle(up).overflowX;
            if (overflow === 'visible') continue;
            held = (overflow === 'auto' || overflow === 'scroll')
                && fits(up.getBoundingClientRect());
            break;
        }
        if (held) continue;
        const text = (element.innerText || '').trim().slice(0, 30);
        const span = `${Math.round(box.left)}..${Math.round(box.right)} px`;
        found.push(`${name(element)} "${text}" ${span}`);
    }
    return found;
}"""


@dataclass
class Session:
    """One admin's tab: the page, what it requested, and the time each step took."""

    page: Page
    origin: str
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    steps: list[tuple[str, float]] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def step(self, name: str) -> None:
        """Record the time since the previous step."""
        now = time.monotonic()
        self.steps.append((name, now - self.started))
        self.started = now

    def field(self, name: str):
        """The input of the form field ``name`` (Decap ids are name-field-N)."""
        return self.page.locator(f'[id^="{name}-field-"]').first

    def fill(self, name: str, value: str) -> None:
        """Type into a text field."""
        self.field(name).fill(value)

    def choose(self, name: str, option: str) -> None:
        """Pick an option of a searchable select."""
        box = self.field(name)
        box.click()
        box.fill(option)
        self.page.get_by_role("option", name=option, exact=True).first.click()

    def choose_kelurahan(self, name: str) -> None:
        """Pick a kelurahan in the native select."""
        self.field("kelurahan").select_option(name)

    def set_body(self, markdown: str) -> None:
        """Replace the scaffold as an admin does: Markdown, select all, type.

        Each step waits for what the next one needs, never for a fixed time:
        the Markdown editor is mounted with the scaffold and holds the caret
        (Decap focuses it after the switch, and Slate moves the caret there),
        then the whole scaffold is selected, so typing replaces it instead of
        landing wherever the caret was. No Delete key: Slate deletes its own
        idea of the selection, which can lag the page's; typed text replaces
        the page's selection. The result is read back line by line.
        """
        # Decap's switch between "Teks biasa" and "Markdown" has no name.
        self.page.locator(".cms-editor-visual").get_by_role("switch").click()
        body = self.page.locator('.cms-editor-raw [data-slate-editor="true"]')
        expect(body).to_contain_text("[[")
        editable = body.element_handle()
        self.page.wait_for_function(_HOLDS_CARET, arg=editable)
        self.page.keyboard.press("Control+A")
        self.page.wait_for_function(_ALL_SELECTED, arg=editable)
        for number, line in enumerate(markdown.split("\n")):
            if number:
                self.page.keyboard.press("Enter")
            if line:
                self.page.keyboard.insert_text(line)
        expect(body.locator(':scope > [data-slate-node="element"]')).to_have_text(
            markdown.split("\n")
        )

    def overflowing(self) -> list[str]:
        """What sticks out of the viewport sideways (nothing should)."""
        return self.page.evaluate(_OVERFLOWING)

    def upload_photo(self, photo: Path) -> None:
        """Choose the featured photo from the phone: upload it and use it."""
        self.page.get_by_role("button", name="Pilih foto").first.click()
        self.page.locator('input[type="file"]').set_input_files(str(photo))
        self.page.get_by_role("button", name="Pakai foto ini").click()

    def save(self) -> None:
        """Save (a draft on its own branch) and wait for the confirmation.

        When the checks refuse the entry, fail at once with their list.
        """
        self.page.get_by_role("button", name="Simpan", exact=True).click()
        refused = self.page.get_by_text("Belum bisa dikirim")
        self.expect_toast("Tulisan tersimpan", also_failed=refused)

    def set_status(self, label: str) -> None:
        """Move the post along the editorial workflow."""
        self.page.get_by_role("button", name="Status:").first.click()
        self.page.get_by_role("menuitem", name=label).first.click()
        self.expect_toast("Status tulisan diperbarui")

    def publish(self) -> None:
        """An editor publishes: the post's branch is merged into main."""
        self.page.get_by_role("button", name="Terbitkan", exact=True).click()
        self.page.get_by_role("menuitem", name="Terbitkan sekarang").click()
        self.expect_toast("Tulisan diterbitkan")

    def expect_toast(self, text: str, also_failed: Locator | None = None) -> None:
        """Wait for Decap's confirmation; fail with its error toast if one shows."""
        done = self.page.get_by_text(text)
        failed = self.page.get_by_text(re.compile(r"^(Tulisan|Status) gagal|^Gagal"))
        if also_failed is not None:
            failed = failed.or_(also_failed)
        expect(done.or_(failed).first).to_be_visible(timeout=GIT_TIMEOUT)
        if failed.count():
            checks = self.page.locator(".pelita-checks")
            reason = checks.first.inner_text() if checks.count() else ""
            raise AssertionError(f"{failed.first.inner_text()}\n{reason}".strip())


def open_editor(browser: Browser, editor: Editor, hash_path: str = "") -> Session:
    """A phone-sized tab, signed in to the local backend, at ``hash_path``."""
    context = browser.new_context(viewport=PHONE, timezone_id="Asia/Jakarta")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    session = Session(page, editor.url)

    def answer(dialog) -> None:
        session.dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)

    def track(request) -> None:
        if not request.url.startswith((editor.url + "/", "blob:", "data:")):
            session.outside.append(request.url)

    page.on("request", track)
    page.goto(f"{editor.url}/admin/{hash_path}", timeout=START_TIMEOUT)
    sign_in = page.get_by_role("button", name="Masuk")
    expect(sign_in).to_be_visible(timeout=START_TIMEOUT)
    sign_in.click()
    expect(sign_in).to_be_hidden(timeout=START_TIMEOUT)
    return session
