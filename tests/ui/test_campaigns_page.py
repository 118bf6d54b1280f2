"""The Campaigns page under AppTest: save, versions, restore, share, conflicts, a database
that is down, drafts per signed-in account (sign-in set up through `[auth]` secrets), and
without sign-in the studio's owner (a session that opened the claim link) and its guests (any
other session: one given only a share link sees, saves over, renames and deletes nothing of
the owner's)."""

import json
import uuid
from dataclasses import replace

import pytest
from streamlit.testing.v1 import AppTest

from components.campaign.model import default_campaign
from components.campaign.quoting import markdown_code
from components.storage.owners import guest_owner
from components.storage.store import drafts
from components.storage.workspace import GUEST_COOKIE, OWNER_COOKIE, load_key
from components.ui.accounts import CLAIM_REFUSED, IDENTITY_KEY, SIGN_IN_MESSAGE, drafts_store
from components.ui.navigation import page_path
from components.ui.session import OpenDraft
from components.ui.workspace import ACCOUNT_PROTECTS, GUEST_PROTECTS, OWNER_PROTECTS
from tests.ui.conftest import ROOT, assert_clean, run_app, type_text

PAGE = page_path("campaigns")
COMPOSE = page_path("compose")

# Sign-in set up as in .streamlit/secrets.toml; AppTest's `secrets` stands in for the file.
AUTH_SECRETS = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "only-for-tests",
        "client_id": "studio",
        "client_secret": "only-for-tests",
        "server_metadata_url": "https://accounts.example.com/.well-known/openid-configuration",
    }
}
ISSUER = "https://accounts.example.com"
SIGNED_OUT = {"is_logged_in": False}


def person(name: str) -> dict:
    """The identity claims st.user holds for a signed-in person."""
    slug = f"{name.lower()}-{uuid.uuid4().hex[:6]}"
    return {"is_logged_in": True, "iss": ISSUER, "sub": slug, "name": name,
            "email": f"{slug}@example.com"}  # fmt: skip


def run_as(user: dict, page: str | None = PAGE, params: dict[str, str] | None = None):
    """The app with sign-in set up, as `user` (SIGNED_OUT for nobody)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets.update(AUTH_SECRETS)
    at.user = dict(user)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert_clean(at)
    return at


def run_owner(page: str | None = PAGE, params: dict[str, str] | None = None) -> AppTest:
    """The app as the person who started the studio (no sign-in): a session that opened the
    claim link the terminal shows. Any other session without sign-in is a guest."""
    return run_app(page, {"claim": load_key().token} | (params or {}))


def studio_owner() -> str:
    """The owner id of the sign-in-less workspace's drafts."""
    return load_key().owner


def owner_of(at) -> str:
    """Whose drafts a sign-in-less session works on."""
    return at.session_state[IDENTITY_KEY].owner


def listed(at) -> set[str]:
    """The ids of the drafts the Campaigns page lists (each row has a Duplicate button)."""
    return {b.key.removeprefix("dup_") for b in at.button if (b.key or "").startswith("dup_")}


def unique(name: str) -> str:
    return f"{name} {uuid.uuid4().hex[:6]}"


def save_as(at, name: str):
    at.text_input(key="draft_name").input(name).run()
    at.button(key="draft_save").click().run()
    assert_clean(at)
    return at.session_state["draft"]


def test_save_edit_and_restore_a_version():
    at = run_owner()
    name = unique("Bakery")
    first = save_as(at, name)
    assert first.version == 1 and any("version 1" in s.value for s in at.success)
    at.switch_page(page_path("compose")).run()
    type_text(at, "ad_headline", "A brand new headline")
    at.switch_page(PAGE).run()
    assert any("unsaved changes" in c.value for c in at.caption)
    at.button(key="draft_save").click().run()
    assert at.session_state["draft"].version == 2
    at.button(key=f"restore_{first.id}_1").click().run()
    assert_clean(at)
    assert at.session_state["ad"].headline != "A brand new headline"
    assert at.session_state["draft"].version == 3


@pytest.mark.parametrize("who", [run_owner, run_app], ids=["owner", "guest"])
def test_search_duplicate_rename_delete_and_undo(who):
    at = who(PAGE)  # a guest does all of it in their own space
    name = unique("Surf")
    draft = save_as(at, name)
    at.button(key=f"dup_{draft.id}").click().run()
    at.text_input(key="drafts_search").input(name).run()
    assert sum(name in t.value for t in at.text) == 2  # the draft and its copy (plain text)
    at.text_input(key=f"rename_{draft.id}").input(name + " renamed").run()
    at.button(key=f"do_rename_{draft.id}").click().run()
    assert any("renamed" in t.value for t in at.text)
    at.button(key=f"del_{draft.id}").click().run()
    assert_clean(at)
    assert any("Undo it" in s.value for s in at.success)
    assert not any("renamed" in t.value for t in at.text)  # listed as deleted only
    at.button(key=f"undo_{draft.id}").click().run()
    assert_clean(at)
    assert any("renamed" in t.value for t in at.text)


def test_share_link_opens_read_only_for_anyone():
    ada, bob = person("Ada"), person("Bob")
    owner = run_as(ada, COMPOSE)
    type_text(owner, "ad_headline", "Shared headline 123")
    owner.switch_page(PAGE).run()
    name = unique("Shared")
    draft = save_as(owner, name)
    assert draft.id in listed(owner)
    link = {"draft": draft.id}
    for visitor in (run_as(bob, None, link), run_as(SIGNED_OUT, None, link)):
        assert visitor.session_state["ad"].headline == "Shared headline 123"
        assert visitor.session_state["draft"].shared
        visitor.switch_page(PAGE).run()
        assert_clean(visitor)
        assert any("read-only" in i.value for i in visitor.info)
        assert draft.id not in listed(visitor)  # not in their list
        assert not any(name in m.value for m in [*visitor.markdown, *visitor.text])
    # Bob keeps a copy: it is his, and Ada's list does not change.
    bob_page = run_as(bob, None, {"draft": draft.id})
    bob_page.switch_page(PAGE).run()
    # (The shared view has no Save buttons: the banner's "Make a copy" is the one way.)
    bob_page.button(key="shared_make_copy").click().run()
    assert_clean(bob_page)
    copy = bob_page.session_state["draft"]
    assert copy.id != draft.id and not copy.shared and copy.name == f"{name} (copy)"
    assert listed(bob_page) == {copy.id}
    assert listed(run_as(ada)) == {draft.id}


def test_each_signed_in_user_sees_only_their_own_drafts():
    ada, bob = person("Ada"), person("Bob")
    ada_page, bob_page = run_as(ada), run_as(bob)
    assert listed(ada_page) == set() and listed(bob_page) == set()
    ada_name, bob_name = unique("Ada's bakery"), unique("Bob's plumbing")
    ada_draft = save_as(ada_page, ada_name)
    bob_draft = save_as(bob_page, bob_name)
    for user, mine, theirs, their_name in (
        (ada, ada_draft, bob_draft, bob_name),
        (bob, bob_draft, ada_draft, ada_name),
    ):
        fresh = run_as(user)  # a new session of the same account
        assert listed(fresh) == {mine.id} and theirs.id not in listed(fresh)
        assert not any(their_name in m.value for m in [*fresh.markdown, *fresh.text])
        fresh.text_input(key="drafts_search").input(their_name).run()
        assert listed(fresh) == set()
    # The sign-in-less workspace holds neither.
    local = run_owner()
    assert not listed(local) & {ada_draft.id, bob_draft.id}
    assert drafts_store().list(f"oidc:{ISSUER}#{ada['sub']}")[0].id == ada_draft.id


def test_signed_out_with_sign_in_set_up_cannot_save_or_list():
    local = run_owner()  # a draft in the local workspace must not leak to signed-out people
    local_draft = save_as(local, unique("Local only"))
    at = run_as(SIGNED_OUT)
    assert any(w.value == SIGN_IN_MESSAGE for w in at.warning)
    assert any("Sign in (in the sidebar) to see your drafts" in c.value for c in at.caption)
    assert listed(at) == set() and local_draft.id not in listed(at)
    assert not any(t.key == "drafts_search" for t in at.text_input)
    assert at.button(key="draft_save").disabled and at.button(key="draft_save_copy").disabled
    assert at.get("download_button")  # export still works
    # The sidebar's Save draft says the same.
    at.switch_page(COMPOSE).run()
    at.menu_button(key="sidebar_menu").click("save").run()
    assert_clean(at)
    assert any(w.value == SIGN_IN_MESSAGE for w in at.warning)
    assert at.button(key="sidebar_draft_save").disabled
    assert "draft" not in at.session_state


def test_a_save_after_signing_out_is_refused_not_put_in_a_shared_workspace():
    at = run_as(person("Cleo"))
    before = {info.id for info in drafts_store().list(studio_owner())}
    at.user = dict(SIGNED_OUT)  # the session lost its sign-in; the page still shows Save
    at.button(key="draft_save").click().run()
    assert_clean(at)
    assert any(SIGN_IN_MESSAGE in e.value for e in at.error)
    assert "draft" not in at.session_state
    assert {info.id for info in drafts_store().list(studio_owner())} == before


def test_sidebar_save_draft_dialog_saves_from_compose():
    at = run_app()
    assert at.session_state["ad"] is not None
    type_text(at, "ad_headline", "Saved from the sidebar")
    at.menu_button(key="sidebar_menu").click("save").run()
    assert_clean(at)
    name = unique("Sidebar")
    at.text_input(key="sidebar_draft_name").input(name)
    at.button(key="sidebar_draft_save").click().run()
    assert_clean(at)
    draft = at.session_state["draft"]
    assert draft.name == name and draft.version == 1 and not draft.shared
    stored = {info.id: info for info in drafts_store().list(owner_of(at), name)}
    assert stored[draft.id].name == name
    _, ad = drafts_store().open(owner_of(at), draft.id)
    assert ad.headline == "Saved from the sidebar"
    at.switch_page(PAGE).run()
    assert any(f"Saved {markdown_code(name)}, version 1." in s.value for s in at.success)
    assert draft.id in listed(at)


@pytest.mark.parametrize("bad", ["nope", "x" * 500, "<script>", "A" * 24])
def test_bad_draft_links_say_so(bad):
    at = run_app(params={"draft": bad})
    assert_clean(at)
    assert any("shared draft could not be opened" in w.value for w in at.warning)


def test_second_save_of_a_changed_draft_is_refused_and_a_copy_keeps_both():
    first = run_owner()
    draft = save_as(first, unique("Conflict"))
    second = run_owner()  # the same person in another tab
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


def flash_script() -> None:
    """A page that shows the drafts message; `stopped` stands for a run a newer rerun
    interrupted (it never reaches `end_run`)."""
    import streamlit as st

    from components.ui.drafts import flash, show_flash
    from components.ui.session import end_run

    if st.session_state.pop("make_flash", False):
        flash("error", "list.json was not imported")
    show_flash()
    if not st.session_state.get("stopped"):
        end_run()


def test_a_message_outlives_a_run_stopped_before_it_was_sent():
    """A rerun that stops the run showing a message (Streamlit then drops what that run had
    not sent) used to lose it for good: CI once waited 90 s for "was not imported"."""
    at = AppTest.from_function(flash_script, default_timeout=30)
    at.session_state["make_flash"] = True
    at.session_state["stopped"] = True
    at.run()
    assert [e.value for e in at.error] == ["list.json was not imported"]
    at.session_state["stopped"] = False
    at.run()  # the next run shows it again, and finishes
    assert [e.value for e in at.error] == ["list.json was not imported"]
    at.run()  # shown once in a finished run: gone
    assert not at.error


# ---- without sign-in: the studio's owner and its guests (issue 16, item 2) ----------------


def cookie_to_keep(at) -> dict | None:
    """What the page asks the browser to keep (components/ui/workspace.py), if anything."""
    found = [e for e in at.get("bidi_component") if e.key == "workspace_cookie_setter"]
    return json.loads(found[0].proto.json) if found else None


def test_without_sign_in_a_share_link_visitor_is_a_guest_who_touches_nothing_of_the_owners():
    tag = unique("guest-test")  # the owner's list holds other tests' drafts: search by it
    private = drafts_store().save(studio_owner(), f"Private {tag}", default_campaign())
    owner = run_owner(COMPOSE)
    type_text(owner, "ad_headline", "The owner's headline")
    owner.switch_page(PAGE).run()
    shared = save_as(owner, f"Shared {tag}")
    owner.text_input(key="drafts_search").input(tag).run()
    assert listed(owner) == {shared.id, private.id}
    assert OWNER_PROTECTS in [c.value for c in owner.caption]

    visitor = run_app(PAGE, {"draft": shared.id})  # a second browser, given only the link
    assert_clean(visitor)
    assert owner_of(visitor).startswith("guest:") and owner_of(visitor) != studio_owner()
    assert visitor.session_state["ad"].headline == "The owner's headline"
    assert any("read-only" in i.value for i in visitor.info)
    assert not listed(visitor)
    assert not any(private.name in m.value or shared.name in m.value for m in visitor.markdown)
    keys = {b.key for b in visitor.button}
    assert not keys & {"draft_save", "draft_save_copy", f"del_{shared.id}", f"open_{shared.id}"}

    # Make a copy: the guest's own, in their own space; the owner's draft is not written.
    visitor.button(key="shared_make_copy").click().run()
    assert_clean(visitor)
    copy = visitor.session_state["draft"]
    assert copy.id not in (shared.id, private.id) and not copy.shared
    assert any("guest space" in s.value for s in visitor.success)
    assert listed(visitor) == {copy.id}
    assert GUEST_PROTECTS in [c.value for c in visitor.caption]
    visitor.switch_page(COMPOSE).run()
    type_text(visitor, "ad_headline", "The guest's headline")
    visitor.switch_page(PAGE).run()
    visitor.button(key="draft_save").click().run()
    assert visitor.session_state["draft"].version == 2

    # A session that forges the owner's draft as its own open draft is refused by the store.
    forged = OpenDraft(shared.id, shared.name, shared.version, False, visitor.session_state["ad"])
    visitor.session_state["draft"] = forged
    visitor.run()
    visitor.button(key="draft_save").click().run()
    assert_clean(visitor)
    assert any("isn't one of yours" in e.value for e in visitor.error)

    info, ad = drafts_store().open(studio_owner(), shared.id)
    assert (info.version, ad.headline) == (1, "The owner's headline")
    fresh = run_owner()
    fresh.text_input(key="drafts_search").input(tag).run()
    assert listed(fresh) == {shared.id, private.id}  # the guest's copy is not the owner's
    # Another guest (no link at all) sees neither the owner's drafts nor the first guest's.
    other = run_app(PAGE)
    assert not listed(other) & {shared.id, private.id, copy.id}


def guest_tries_every_draft_action():
    """Each Campaigns callback, called by a guest session on the owner's draft `target`."""
    import streamlit as st

    from components.ui import drafts

    target = st.session_state["target"]
    st.session_state[f"rename_{target}"] = "Taken over"
    for action in (drafts.rename, drafts.delete, drafts.duplicate, drafts.undelete,
                   drafts.open_saved):  # fmt: skip
        action(target)
        st.session_state.setdefault("refusals", []).append(drafts.pending_message("drafts_flash"))
    drafts.restore(target, 1)
    st.session_state["refusals"].append(drafts.pending_message("drafts_flash"))
    # A refused delete of the draft the session has open leaves it open.
    opened = st.session_state["opened"]
    drafts.set_open_draft(opened)
    drafts.delete(target)
    st.session_state["still_open"] = drafts.open_draft() == opened
    drafts.save_current()  # saving over it: refused
    st.session_state["refusals"].append(drafts.pending_message("drafts_flash"))
    drafts.set_open_draft(None)
    drafts.save_current()  # with nothing open: a new draft of the guest's own
    st.session_state["refusals"].append(drafts.pending_message("drafts_flash"))


def test_every_draft_action_of_a_guest_on_the_owners_draft_is_refused():
    mine = drafts_store().save(studio_owner(), unique("Owner only"), default_campaign())
    drafts_store().save(studio_owner(), mine.name, default_campaign(), mine.id, 1)
    at = AppTest.from_function(guest_tries_every_draft_action, default_timeout=30)
    at.session_state["target"] = mine.id
    at.session_state["opened"] = OpenDraft(mine.id, mine.name, 2, False, default_campaign())
    at.run()
    assert_clean(at)
    assert at.session_state["still_open"]
    *refusals, saved = at.session_state["refusals"]
    assert len(refusals) == 7
    for kind, message in refusals:
        assert kind == "error" and ("isn't one of yours" in message or "can't be" in message)
    assert saved[0] == "success" and at.session_state["draft"].id != mine.id
    info, _ = drafts_store().open(studio_owner(), mine.id)
    assert (info.name, info.version) == (mine.name, 2)
    assert [i.id for i in drafts_store().list(owner_of(at))] == [at.session_state["draft"].id]


def test_the_claim_link_makes_a_browser_the_owner_and_a_wrong_one_says_so():
    owner = run_owner(None)
    assert owner_of(owner) == studio_owner()
    kept = cookie_to_keep(owner)
    assert (kept["name"], kept["value"]) == (OWNER_COOKIE, load_key().token)
    assert "claim" not in owner.query_params  # the token leaves the address bar
    wrong = run_app(None, {"claim": "not-this-studios-token"})
    assert owner_of(wrong).startswith("guest:")
    assert any(CLAIM_REFUSED in w.value for w in wrong.warning)
    guest = run_app(None)
    kept = cookie_to_keep(guest)
    assert kept["name"] == GUEST_COOKIE and guest_owner(kept["value"]) == owner_of(guest)
    guest.run()
    assert cookie_to_keep(guest) == kept  # the same guest for the whole session
    # With sign-in set up the account decides: the browser is given nothing to keep.
    assert cookie_to_keep(run_as(person("Ada"))) is None


def test_drafts_of_the_old_local_workspace_open_for_the_studio_owner_alone():
    old = drafts_store().save(studio_owner(), unique("From before owner kinds"), default_campaign())
    engine, _ = drafts_store()._engines()
    with engine.begin() as conn:  # as the studio stored it before kinds: the bare "local"
        conn.execute(drafts.update().where(drafts.c.id == old.id).values(owner="local"))
    assert old.id not in listed(run_app(PAGE))  # a guest does not take it
    email_local = {"is_logged_in": True, "email": "local", "name": "Local"}  # no subject
    assert old.id not in listed(run_as(email_local))  # an email "local" is not the workspace
    owner = run_owner()
    owner.text_input(key="drafts_search").input(old.name).run()
    assert listed(owner) == {old.id}
    assert drafts_store().open(studio_owner(), old.id)[0].name == old.name


def test_a_signed_in_link_visitor_cannot_save_over_the_owners_draft():
    ada, bob = person("Ada"), person("Bob")
    ada_page = run_as(ada)
    draft = save_as(ada_page, unique("Ada's"))
    assert ACCOUNT_PROTECTS in [c.value for c in ada_page.caption]
    visitor = run_as(bob, PAGE, {"draft": draft.id})
    assert not listed(visitor)
    visitor.session_state["draft"] = replace(visitor.session_state["draft"], shared=False)
    visitor.run()
    visitor.button(key="draft_save").click().run()
    assert any("isn't one of yours" in e.value for e in visitor.error)
    assert drafts_store().open(f"oidc:{ISSUER}#{ada['sub']}", draft.id)[0].version == 1


@pytest.mark.parametrize(
    "claim",
    ["x" * 5000, "\x00", "<script>alert(1)</script>", "../../data/workspace.json", "%00", " "],
)
def test_a_made_up_claim_link_leaves_a_guest_and_says_so_in_words(claim):
    at = run_app(PAGE, {"claim": claim})
    assert_clean(at)
    assert owner_of(at).startswith("guest:")
    if claim.strip():
        assert any(CLAIM_REFUSED in w.value for w in at.warning)
    assert not any(claim in w.value for w in at.warning if claim.strip())  # never echoed
    assert not listed(at) & {i.id for i in drafts_store().list(studio_owner())}


def test_the_real_token_with_something_added_is_refused():
    at = run_app(PAGE, {"claim": load_key().token + "x"})
    assert owner_of(at).startswith("guest:")
