"""The Campaigns page under AppTest: save, versions, restore, share, conflicts, a database
that is down."""

import uuid

import pytest

from components.session import drafts_store
from tests.app.conftest import assert_clean, run_app

PAGE = "app_pages/campaigns.py"


def unique(name: str) -> str:
    return f"{name} {uuid.uuid4().hex[:6]}"


def save_as(at, name: str):
    at.text_input(key="draft_name").input(name).run()
    at.button(key="draft_save").click().run()
    assert_clean(at)
    return at.session_state["draft"]


def test_save_edit_and_restore_a_version():
    at = run_app(PAGE)
    name = unique("Bakery")
    first = save_as(at, name)
    assert first.version == 1 and any("version 1" in s.value for s in at.success)
    at.switch_page("app_pages/compose.py").run()
    at.text_input(key="ad_headline").input("A brand new headline").run()
    at.switch_page(PAGE).run()
    assert any("unsaved changes" in c.value for c in at.caption)
    at.button(key="draft_save").click().run()
    assert at.session_state["draft"].version == 2
    at.button(key=f"restore_{first.id}_1").click().run()
    assert_clean(at)
    assert at.session_state["ad"].headline != "A brand new headline"
    assert at.session_state["draft"].version == 3


def test_search_duplicate_rename_delete_and_undo():
    at = run_app(PAGE)
    name = unique("Surf")
    draft = save_as(at, name)
    at.button(key=f"dup_{draft.id}").click().run()
    at.text_input(key="drafts_search").input(name).run()
    assert sum(name in m.value for m in at.markdown) == 2  # the draft and its copy
    at.text_input(key=f"rename_{draft.id}").input(name + " renamed").run()
    at.button(key=f"do_rename_{draft.id}").click().run()
    assert any("renamed" in m.value for m in at.markdown)
    at.button(key=f"del_{draft.id}").click().run()
    assert_clean(at)
    assert any("Undo it" in s.value for s in at.success)
    assert not any("renamed" in m.value for m in at.markdown if "~~" not in m.value)
    at.button(key=f"undo_{draft.id}").click().run()
    assert_clean(at)
    assert any("renamed" in m.value and "~~" not in m.value for m in at.markdown)


def test_share_link_opens_read_only_for_anyone():
    at = run_app(PAGE)
    at.switch_page("app_pages/compose.py").run()
    at.text_input(key="ad_headline").input("Shared headline 123").run()
    at.switch_page(PAGE).run()
    draft = save_as(at, unique("Shared"))
    visitor = run_app(params={"draft": draft.id})
    assert_clean(visitor)
    assert visitor.session_state["ad"].headline == "Shared headline 123"
    assert visitor.session_state["draft"].shared
    visitor.switch_page(PAGE).run()
    assert any("read-only" in i.value for i in visitor.info)
    assert not any(draft.id in m.value for m in visitor.markdown)  # not in their list


@pytest.mark.parametrize("bad", ["nope", "x" * 500, "<script>", "A" * 24])
def test_bad_draft_links_say_so(bad):
    at = run_app(params={"draft": bad})
    assert_clean(at)
    assert any("shared draft could not be opened" in w.value for w in at.warning)


def test_second_save_of_a_changed_draft_is_refused_and_a_copy_keeps_both():
    first = run_app(PAGE)
    draft = save_as(first, unique("Conflict"))
    second = run_app(PAGE)
    second.button(key=f"open_{draft.id}").click().run()
    second.button(key="draft_save").click().run()  # the other session saves first
    first.button(key="draft_save").click().run()
    assert_clean(first)
    assert any("changed since you opened it" in e.value for e in first.error)
    first.button(key="draft_save_copy").click().run()
    assert any("(copy)" in s.value for s in first.success)


def test_database_down_gives_a_message_and_keeps_the_campaign(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    drafts_store.clear()
    try:
        at = run_app(PAGE)
        assert_clean(at)
        assert any("cannot be reached" in e.value for e in at.error)
        at.button(key="draft_save").click().run()
        assert_clean(at)
        assert any("export it as JSON" in e.value for e in at.error)
        assert at.get("download_button")
    finally:
        monkeypatch.delenv("DATABASE_URL")
        drafts_store.clear()
