"""The share dialog and the read-only view of a draft link (issue 14, item 4): a short draft
link with a Copy button and one sentence on what it carries, the long link when no draft can
be saved, and a shared draft that can be viewed and copied, never saved over."""

import io

from PIL import Image

from components.campaign.images import check_upload
from components.campaign.model import with_uploaded_image
from components.ui.accounts import drafts_store
from components.ui.navigation import page_path
from components.ui.share import SHARED_BANNER
from components.ui.workspace import SHARE_PROTECTS
from tests.ui.conftest import assert_clean, live_data, run_app, type_text
from tests.ui.test_campaigns_page import (
    SIGNED_OUT,
    listed,
    owner_of,
    run_as,
    run_owner,
    studio_owner,
    unique,
)
from tests.ui.test_compose_page import section

CAMPAIGNS = page_path("campaigns")
ALL_PAGES = [
    None,
    page_path("preview"),
    page_path("targeting"),
    page_path("engagement"),
    CAMPAIGNS,
    page_path("model"),
]


def own_image() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 500), (30, 160, 90)).save(buffer, "JPEG")
    return check_upload(buffer.getvalue()).data


def captions(at) -> str:
    return " ".join(caption.value for caption in at.caption)


def open_share(at):
    at.menu_button(key="sidebar_menu").click("share").run()
    assert_clean(at)
    return at


def has_component(at, key: str) -> bool:
    return any(element.key == key for element in at.get("bidi_component"))


def test_the_short_link_saves_a_draft_that_carries_the_pictures():
    at = run_app()
    type_text(at, "ad_headline", unique("Short link"))
    at.session_state["ad"] = with_uploaded_image(at.session_state["ad"], "image", own_image())
    open_share(at)
    assert "saves this campaign as a draft first" in captions(at)
    assert not has_component(at, "share_short_link")
    at.button(key="share_save").click().run()
    assert_clean(at)
    draft = at.session_state["draft"]
    assert not draft.shared
    _, stored = drafts_store().open(owner_of(at), draft.id)
    assert stored.image == at.session_state["ad"].image  # the pictures travel with the link
    open_share(at)
    link = live_data(at, "share_short_link")
    assert link["link"].endswith(f"/?draft={draft.id}") and link["button"] == "Copy"
    assert len(link["link"]) < 80
    assert "opens the saved campaign read-only: its words, pictures" in captions(at)
    assert SHARE_PROTECTS in captions(at)  # what the link does not give, in one sentence
    # An edit after saving: the short link no longer holds it, so the dialog offers to save.
    type_text(at, "ad_headline", "Changed after sharing")
    open_share(at)
    assert not has_component(at, "share_short_link") and at.button(key="share_save")


def test_without_a_store_the_long_link_says_the_pictures_are_the_samples():
    at = run_as(SIGNED_OUT, None)  # sign-in set up, nobody signed in: no draft can be saved
    at.session_state["ad"] = with_uploaded_image(at.session_state["ad"], "image", own_image())
    open_share(at)
    assert not any(button.key == "share_save" for button in at.button)
    link = live_data(at, "share_long_link")
    assert "headline=" in link["link"] and "draft=" not in link["link"]
    assert "whoever opens it sees the sample's pictures" in captions(at)
    assert "Sign in to get a short link" in captions(at)


def _shared_draft() -> tuple[str, str]:
    owner = run_owner(None)
    type_text(owner, "ad_headline", "A shared campaign")
    name = unique("Shared")
    owner.switch_page(CAMPAIGNS).run()
    owner.text_input(key="draft_name").input(name).run()
    owner.button(key="draft_save").click().run()
    assert_clean(owner)
    return owner.session_state["draft"].id, name


def banner(at) -> str:
    return " ".join(info.value for info in at.info if SHARED_BANNER in info.value)


def test_a_draft_link_is_read_only_on_every_page():
    draft_id, name = _shared_draft()
    for page in ALL_PAGES:
        at = run_app(page, {"draft": draft_id})
        assert_clean(at)
        assert name in banner(at), page
        assert any(button.key == "shared_make_copy" for button in at.button)
        options = " ".join(at.menu_button(key="sidebar_menu").proto.options)
        assert "Make a copy" in options and "Save draft" not in options
    at = run_app(None, {"draft": draft_id})
    # Compose shows the campaign but edits nothing, and does not call it a sample to edit.
    assert not any("make it yours" in element.value for element in at.markdown)
    assert live_data(at, "ad_headline")["disabled"] is True
    section(at, "page")
    assert at.toggle(key="ad_verified").disabled
    # Campaigns: no Save, no list of the workspace the link came from.
    at.switch_page(CAMPAIGNS).run()
    assert_clean(at)
    keys = {button.key for button in at.button}
    assert "draft_save" not in keys and "draft_save_copy" not in keys
    assert draft_id not in listed(at) and not listed(at)


def test_make_a_copy_saves_the_visitors_own_draft_and_leaves_the_shared_one():
    draft_id, name = _shared_draft()
    before = drafts_store().open(studio_owner(), draft_id)[0]
    at = run_app(None, {"draft": draft_id})
    at.button(key="shared_make_copy").click().run()
    assert_clean(at)
    copy = at.session_state["draft"]
    assert copy.id != draft_id and not copy.shared and copy.name == f"{name} (copy)"
    assert not banner(at)
    assert any("(copy)" in success.value for success in at.success)
    assert live_data(at, "ad_headline")["disabled"] is False
    type_text(at, "ad_headline", "Edited in my copy")
    after = drafts_store().open(studio_owner(), draft_id)
    assert after[0].version == before.version and after[1].headline == "A shared campaign"


def test_make_a_copy_from_the_sidebar_menu():
    draft_id, name = _shared_draft()
    at = run_app(page_path("preview"), {"draft": draft_id})
    at.menu_button(key="sidebar_menu").click("copy").run()
    assert_clean(at)
    assert at.session_state["draft"].name == f"{name} (copy)" and not banner(at)


def test_a_shared_draft_of_the_untouched_sample_is_not_called_a_sample_to_edit():
    from components.campaign.model import default_campaign

    info = drafts_store().save(studio_owner(), unique("Sample as is"), default_campaign())
    at = run_app(None, {"draft": info.id})
    assert_clean(at)
    assert banner(at)
    assert not any("make it yours" in element.value for element in at.markdown)


PAYLOAD = "![x](http://evil.example/x.png) [Sign in](http://evil.example) :orange[x] evil.example"


def test_a_hostile_draft_name_shows_as_typed_in_the_banner_and_the_copy_message():
    from components.campaign.model import default_campaign
    from components.ui.common import markdown_code

    info = drafts_store().save(studio_owner(), PAYLOAD, default_campaign())
    at = run_app(None, {"draft": info.id})
    assert markdown_code(PAYLOAD) in banner(at)
    at.button(key="shared_make_copy").click().run()
    message = " ".join(success.value for success in at.success)
    assert markdown_code(f"{PAYLOAD} (copy)") in message


def test_a_hostile_business_name_shows_as_typed_in_the_rename_offer():
    from components.ui.common import markdown_code

    name = "![x](http://e.example/x.png) [Sign in](http://e.example) :orange[x]"  # ≤ 75
    link = {"business": name, "greeting": f"Welcome to {name}!"}
    at = section(run_app(params=link), "page")
    type_text(at, "ad_business", "Ada")
    assert_clean(at)
    offer = [m.value for m in at.markdown if "still says" in m.value]
    assert offer == [f"The greeting still says {markdown_code(name)}."]
    at.button(key="rename_apply").click().run()
    assert at.session_state["ad"].greeting == "Welcome to Ada!"
