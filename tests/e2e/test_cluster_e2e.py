"""Two replicas behind HAProxy (`tools/cluster.py`, as `make cluster` starts it), drafts in
PostgreSQL, two people in Chromium: each lands on their own replica and sees their own image;
a draft saved through one replica opens through the other; a replica killed mid-session
loses no saved draft, and the page that was on it says what happened."""

from __future__ import annotations

import io
import os
import re
import uuid

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, wait_for_app
from tools.cluster import REPLICA_COOKIE, cluster

PREVIEW = ".st-key-preview_panel [data-testid='stHtml']"
MOVED = "stopped, so the page reopened on"


@pytest.fixture(scope="module")
def database_url():
    """A database of its own on the PostgreSQL server tools/with_postgres.sh started."""
    server = os.environ.get("BAS_TEST_POSTGRES_URL")
    if not server:
        pytest.skip(
            "the cluster needs PostgreSQL: run through `make test` (tools/with_postgres.sh)"
        )
    import sqlalchemy

    name = f"bas_cluster_{uuid.uuid4().hex[:8]}"
    admin = sqlalchemy.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sqlalchemy.text(f"CREATE DATABASE {name}"))
    yield server.rsplit("/", 1)[0] + f"/{name}"
    admin.dispose()


@pytest.fixture(scope="module")
def two_replicas(database_url):
    with cluster(database_url, replicas=2) as running:
        yield running


def replica_of(page) -> str:
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    return cookies[REPLICA_COOKIE]


def preview_image_colour(page) -> tuple[int, int, int]:
    """The colour of the preview's main image, fetched as this browser fetches it (same
    cookies, so the same replica: media live in the process that drew the page)."""
    style = page.locator(f"{PREVIEW} style").first.inner_text()
    url = re.search(r"--bas-img-main:\s*url\(['\"]?([^'\")]+)", style).group(1)
    origin = "/".join(page.url.split("/", 3)[:3])
    reply = page.request.get(url if url.startswith("http") else origin + url)
    assert reply.ok, (url, reply.status)
    return Image.open(io.BytesIO(reply.body())).convert("RGB").getpixel((5, 5))


def upload_image(page, colour: tuple[int, int, int]) -> None:
    data = io.BytesIO()
    Image.new("RGB", (1200, 1200), colour).save(data, "PNG")
    page.locator(".st-key-compose_section button", has_text="Images").click()
    wait_for_app(page)
    page.locator(".st-key-ad_image_upload input[type=file]").set_input_files(
        {"name": "mine.png", "mimeType": "image/png", "buffer": data.getvalue()}
    )
    wait_for_app(page)


def go(page, title: str) -> None:
    page.locator("[data-testid='stSidebarNav']").get_by_text(title, exact=True).click()
    wait_for_app(page)


def test_two_replicas_share_drafts_and_survive_one_dying(browser, two_replicas):
    owner, visitor = browser.new_context(), browser.new_context()
    try:
        first, second = owner.new_page(), visitor.new_page()
        for page in (first, second):
            page.goto(two_replicas.url)
            wait_for_app(page, 90_000)
        assert {replica_of(first), replica_of(second)} == set(two_replicas.replicas)

        # Each sees their own picture, served by their own replica.
        upload_image(first, (200, 30, 30))
        upload_image(second, (30, 30, 200))
        assert preview_image_colour(first)[0] > 150
        assert preview_image_colour(second)[2] > 150

        # A draft saved through one replica opens through the other.
        first.locator(".st-key-compose_section button", has_text="Copy").click()
        wait_for_app(first)
        headline = first.locator(".st-key-ad_headline input")
        headline.fill("Saved through one replica")
        headline.press("Tab")
        wait_for_app(first)
        go(first, "Campaigns")
        first.locator(".st-key-draft_name input").fill("Cluster draft")
        first.locator(".st-key-draft_save button").click()
        wait_for_app(first)
        expect(first.get_by_text("Saved Cluster draft, version 1.")).to_be_visible()
        row = first.locator("[class*='st-key-draft_']", has_text="Cluster draft").first
        row.get_by_role("button", name="Share").click()
        link = first.locator("[data-testid='stPopoverBody'] .bas-copy-link").input_value()
        path = "/?" + link.strip().split("?", 1)[1]
        second.goto(two_replicas.url + path)
        wait_for_app(second, 90_000)
        expect(second.locator(PREVIEW)).to_contain_text("Saved through one replica")

        # The owner's replica dies: the page reconnects to the other one (Streamlit redraws
        # nothing until the next action) and, at the next click, says what happened; the saved
        # draft is still there, pictures included.
        lost = replica_of(first)
        two_replicas.kill(lost)
        go(first, "Preview")
        expect(first.get_by_text(MOVED)).to_be_visible(timeout=90_000)
        expect(first.get_by_text(f"({lost})")).to_be_visible()
        screenshot(first, "cluster-replica-stopped")
        first.goto(two_replicas.url + path)
        wait_for_app(first, 90_000)
        expect(first.locator(PREVIEW)).to_contain_text("Saved through one replica")
        assert replica_of(first) != lost
        assert preview_image_colour(first)[0] > 150
        expect(second.get_by_text(MOVED)).to_have_count(0)
    finally:
        owner.close()
        visitor.close()
