"""The "Take it to Ads Manager" section on Preview and Campaigns under AppTest: the owner's
summary shown as plain text, the three downloads, the checklist, a Call ad scheduled by its
hours, a campaign Ads Manager would refuse, and hostile text that stays literal."""

from __future__ import annotations

import pytest

from components.campaign.model import to_query_params
from components.campaign.samples import load_samples
from components.handoff import build_handoff, owner_summary
from components.ui.navigation import page_path
from components.ui.session import AD_KEY
from tests.ui.conftest import assert_clean, run_app

PAGES = [page_path("preview"), page_path("campaigns")]
KEYS = {page_path("preview"): "preview_handoff", page_path("campaigns"): "campaigns_handoff"}


def section_texts(at) -> list[str]:
    return [element.value for element in at.text]


def downloads(at, key: str) -> list[str]:
    return [
        button.proto.label
        for button in at.get("download_button")
        if (button.proto.id or "").find(key) >= 0
    ]


@pytest.mark.parametrize("page", PAGES)
def test_the_section_shows_the_summary_the_downloads_and_the_checklist(page):
    at = run_app(page)
    assert_clean(at)
    assert "Take it to Ads Manager" in [header.value for header in at.header]
    ad = current_ad_of(at)
    assert owner_summary(ad, build_handoff(ad)) in section_texts(at)
    assert downloads(at, KEYS[page]) == [
        "Download the handoff (JSON)",
        "Download the curl commands",
        "Download the ad image",
    ]
    checklist = " ".join(element.value for element in at.markdown)
    assert "**A payment method on the ad account**" in checklist
    assert "Special ad categories" in checklist
    # The requests wait in a dialog, built when asked for.
    assert not any("OUTCOME_ENGAGEMENT" in element.value for element in at.code)
    at.button(key=f"{KEYS[page]}_show").click().run()
    assert_clean(at)
    code = " ".join(element.value for element in at.code)
    assert '"objective": "OUTCOME_ENGAGEMENT"' in code and "--form-string" in code


def current_ad_of(at):
    """The campaign the session holds (what the section was built from)."""
    return at.session_state[AD_KEY]


def test_a_scheduled_call_ad_says_its_hours_in_the_summary():
    plumber = load_samples()["sao-paulo-plumber"].ad
    at = run_app(PAGES[0], {**to_query_params(plumber), "schedule": "1"})
    assert_clean(at)
    summary = " ".join(section_texts(at))
    assert "People tap Call Now and their phone calls +55 11 96123-4580." in summary
    assert "The ad runs only in your business hours (America/Sao_Paulo time)" in summary
    notes = " ".join(caption.value for caption in at.caption)
    assert "Ad scheduling needs a lifetime budget" in notes


@pytest.mark.parametrize("page", PAGES)
def test_a_campaign_ads_manager_would_refuse_gets_the_reasons_and_no_download(page):
    at = run_app(page, {"phone": "12", "region": "NG"})
    assert_clean(at)
    warnings = " ".join(warning.value for warning in at.warning)
    assert "Ads Manager would refuse this campaign as it is" in warnings
    assert "is not valid" in warnings
    assert downloads(at, KEYS[page]) == []


HOSTILE = "**bold** <b>tag</b> [link](https://example.com) `code` $(touch x) ' \" \\"


@pytest.mark.parametrize("page", PAGES)
def test_hostile_text_is_shown_literally_and_never_as_markdown(page):
    at = run_app(page, {"greeting": HOSTILE, "headline": HOSTILE})
    assert_clean(at)
    summary = " ".join(section_texts(at))
    assert f"greets them with “{HOSTILE}”" in summary
    assert f"the headline “{HOSTILE}”" in summary
    # No Markdown, caption or warning of the section carries the text to be formatted.
    for element in [*at.markdown, *at.caption, *at.warning]:
        assert "**bold**" not in element.value
