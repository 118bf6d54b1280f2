"""A share link is read-only without sign-in (issue 16, item 2), in two Chromium contexts on
a server of their own: the first browser on this computer claims the studio; a second one,
given only a `?draft=` link, is a guest who sees none of the owner's drafts, can save over,
rename or delete none of them, and keeps the copy it makes (after a reload too)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from components.storage.store import Store, default_sqlite_url
from components.storage.workspace import load_key
from components.ui.workspace import GUEST_PROTECTS, OWNER_PROTECTS
from tests.e2e.conftest import screenshot, wait_for_app
from tools.app_server import streamlit_server

# One per listed draft (its name sits in a `draft_title_…` container inside the row).
ROWS = "[data-testid='stVerticalBlock'][class*='st-key-draft_']:not([class*='st-key-draft_title_'])"


@pytest.fixture(scope="module")
def studio(tmp_path_factory):
    """A fresh studio nobody has claimed yet: its URL and its drafts folder."""
    folder = tmp_path_factory.mktemp("read-only")
    with streamlit_server(data_dir=folder) as server:
        yield server.url, folder


def go(page, title: str) -> None:
    page.locator("[data-testid='stSidebarNav']").get_by_text(title, exact=True).click()
    wait_for_app(page)


def save(page, name: str) -> None:
    page.locator(".st-key-draft_name input").fill(name)
    page.locator(".st-key-draft_save button").click()
    wait_for_app(page)
    expect(page.get_by_text(f"Saved {name}, version")).to_be_visible()  # the name as code


def test_a_link_visitor_is_a_guest_who_can_only_view_and_copy(browser, studio):
    base, folder = studio
    owner_context = browser.new_context(viewport={"width": 1400, "height": 1000})
    guest_context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        owner = owner_context.new_page()
        owner.goto(f"{base}/campaigns")  # the first browser here: it claims the studio
        wait_for_app(owner)
        expect(owner.get_by_text(OWNER_PROTECTS)).to_be_visible()
        save(owner, "Owner's private draft")
        owner.locator(".st-key-draft_save_copy button").click()  # a second draft of theirs
        wait_for_app(owner)
        store = Store(default_sqlite_url(folder))
        owned = {info.name: info for info in store.list(load_key(folder).owner)}
        assert set(owned) == {"Owner's private draft", "Owner's private draft (copy)"}
        shared = owned["Owner's private draft"]

        # The guest's browser sends a made-up owner cookie and a junk guest cookie: neither
        # makes it the owner, nor anything but a new guest.
        guest_context.add_cookies([
            {"name": "bas_workspace", "value": "guessed-token", "url": base},
            {"name": "bas_guest", "value": "../../etc", "url": base},
        ])  # fmt: skip
        guest = guest_context.new_page()
        guest.goto(f"{base}/?draft={shared.id}")
        wait_for_app(guest)
        expect(guest.locator(".st-key-shared_banner")).to_contain_text("Make a copy to edit")
        go(guest, "Campaigns")
        expect(guest.get_by_text(GUEST_PROTECTS)).to_be_visible()
        for name in owned:  # lists none of the owner's drafts
            expect(guest.locator(f".st-key-draft_{owned[name].id}")).to_have_count(0)
        for key in ("draft_save", "draft_save_copy", "drafts_search"):
            expect(guest.locator(f".st-key-{key}")).to_have_count(0)
        for label in ("Rename", "Delete", "Duplicate", "Open"):
            expect(guest.get_by_role("button", name=label, exact=True)).to_have_count(0)
        screenshot(guest, "read-only-guest-campaigns", full_page=True)

        guest.locator(".st-key-shared_make_copy button").click()
        wait_for_app(guest)
        expect(guest.get_by_text("guest space")).to_be_visible()
        guest.goto(f"{base}/campaigns")  # a new session of the same browser: its copy stays
        wait_for_app(guest)
        rows = guest.locator(ROWS)
        expect(rows).to_have_count(1)
        expect(rows).to_contain_text("Owner's private draft (copy)")
        screenshot(guest, "read-only-guest-own-copy", full_page=True)

        info, _ = store.open(load_key(folder).owner, shared.id)
        assert (info.name, info.version) == ("Owner's private draft", 1)  # not touched
        owner.goto(f"{base}/campaigns")  # the owner's browser is still the owner
        wait_for_app(owner)
        expect(owner.locator(ROWS)).to_have_count(2)
        store.close()
    finally:
        owner_context.close()
        guest_context.close()
