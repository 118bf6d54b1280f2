"""Owner ids by kind (issue 16, item 5), and the store's guarantees to an owner (item 2):
whoever is not a draft's owner — a guest with its share link, another account, the
sign-in-less workspace — can list, save over, rename or delete none of it. Against SQLite
and PostgreSQL: an upgraded version-1 database keeps every draft reachable by its owner."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from components.campaign.model import Campaign, default_campaign
from components.storage.owners import (
    LEGACY_LOCAL_OWNER,
    MAX_OWNER_CHARS,
    account_owner,
    guest_owner,
    legacy_owner_id,
    local_owner,
    owner_kind,
)
from components.storage.store import (
    STORE_SCHEMA_VERSION,
    DraftNotFound,
    Store,
    StoreError,
    drafts,
    schema_version,
)

ISSUER = "https://accounts.example.com"
LOCAL = local_owner("feedc0ffee123456")
GUEST = guest_owner("a-guest-browser-token-of-32-chars")
ACCOUNT = account_owner({"iss": ISSUER, "sub": "ada"})


# ---- owner ids (pure) --------------------------------------------------------------------


def test_every_kind_of_owner_is_prefixed_and_the_spaces_are_disjoint():
    assert account_owner({"iss": ISSUER, "sub": "ada", "email": "a@x"}) == f"oidc:{ISSUER}#ada"
    assert account_owner({"email": "ada@example.com"}) == "email:ada@example.com"
    # An account whose email is "local" is not the sign-in-less workspace.
    assert account_owner({"email": "local"}) == "email:local" != LEGACY_LOCAL_OWNER
    assert account_owner({"email": "local"}) != LOCAL
    assert account_owner({}) == "" and account_owner({"email": "  "}) == ""
    assert LOCAL.startswith("local:") and GUEST.startswith("guest:")
    assert "a-guest-browser-token" not in GUEST  # the database never holds the token
    assert [owner_kind(o) for o in (ACCOUNT, "email:x", LOCAL, GUEST)] == [
        "oidc",
        "email",
        "local",
        "guest",
    ]
    for bare in ("local", "ana@example.com", "https://x#y", "oidc:", "nope:x", ""):
        assert owner_kind(bare) == ""


def test_a_long_account_id_is_hashed_within_the_column():
    owner = account_owner({"iss": ISSUER, "sub": "s" * 400})
    assert owner.startswith("oidc:sha256:") and len(owner) <= MAX_OWNER_CHARS
    assert owner == account_owner({"iss": ISSUER, "sub": "s" * 400})  # stable


@pytest.mark.parametrize(
    "stored, now",
    [
        (f"{ISSUER}#ada", f"oidc:{ISSUER}#ada"),
        ("#ada", "oidc:#ada"),  # a provider that gave no issuer
        ("sha256:" + "ab" * 32, "oidc:sha256:" + "ab" * 32),
        ("ada@example.com", "email:ada@example.com"),
        ("odd#name@example.com", "email:odd#name@example.com"),
        ("local", "local"),  # handed over by adopt_legacy_local, not guessed
    ],
)
def test_legacy_owners_map_to_what_the_same_person_now_gets(stored, now):
    assert legacy_owner_id(stored) == now
    assert legacy_owner_id(now) == now  # applying it twice changes nothing


def test_a_long_legacy_account_maps_to_its_hashed_id():
    long_sub = "s" * 330
    old = "sha256:" + hashlib.sha256(f"{ISSUER}#{long_sub}".encode()).hexdigest()
    assert legacy_owner_id(old) == account_owner({"iss": ISSUER, "sub": long_sub})


# ---- the store's guarantees ----------------------------------------------------------------


@pytest.mark.parametrize("stranger", [GUEST, ACCOUNT, "email:local", local_owner("other")])
def test_nobody_but_the_owner_lists_saves_over_renames_or_deletes(store, stranger):
    mine = store.save(LOCAL, "The owner's draft", default_campaign())
    store.save(LOCAL, "Another of theirs", default_campaign())
    assert store.list(stranger) == [] and store.list(stranger, include_deleted=True) == []
    for action in (
        lambda: store.open(stranger, mine.id),
        lambda: store.save(stranger, "over it", Campaign(), mine.id, mine.version),
        lambda: store.rename(stranger, mine.id, "taken"),
        lambda: store.delete(stranger, mine.id),
        lambda: store.duplicate(stranger, mine.id),
        lambda: store.versions(stranger, mine.id),
        lambda: store.restore_version(stranger, mine.id, 1, mine.version),
    ):
        with pytest.raises(DraftNotFound):
            action()
    # What a share link gives: the campaign to read, and a copy of the stranger's own.
    shared_info, shared_ad = store.open_shared(mine.id)
    copy = store.save(stranger, f"{shared_info.name} (copy)", shared_ad)
    assert [info.id for info in store.list(stranger)] == [copy.id]
    info, ad = store.open(LOCAL, mine.id)
    assert (info.name, info.version, ad) == ("The owner's draft", 1, default_campaign())
    assert {i.name for i in store.list(LOCAL)} == {"The owner's draft", "Another of theirs"}


def test_owners_without_a_kind_are_refused(store):
    for bare in ("local", "ada@example.com", f"{ISSUER}#ada"):
        with pytest.raises(StoreError):
            store.save(bare, "x", Campaign())
        with pytest.raises(StoreError):
            store.list(bare)


def _make_version_1(url: str, rows: dict[str, str]) -> dict[str, str]:
    """A database as the studio before owner kinds left it: bare owners, schema version 1.
    `rows` maps each draft's name to its stored owner; returns name → id."""
    setup = Store(url)
    ids = {name: setup.save("guest:setup", name, default_campaign()).id for name in rows}
    engine, _ = setup._engines()
    with engine.begin() as conn:
        for name, owner in rows.items():
            conn.execute(drafts.update().where(drafts.c.id == ids[name]).values(owner=owner))
        conn.execute(schema_version.delete())
        conn.execute(schema_version.insert().values(version=1, applied_at=datetime.now(UTC)))
    setup.close()
    return ids


def test_a_version_1_database_keeps_every_owner_reaching_their_drafts(store_url):
    long_sub = "s" * 330
    long_old = "sha256:" + hashlib.sha256(f"{ISSUER}#{long_sub}".encode()).hexdigest()
    rows = {
        "Ada's": f"{ISSUER}#ada",
        "Bo's": "bo@example.com",
        "Long's": long_old,
        "Local one": "local",
        "Local two": "local",
    }
    ids = _make_version_1(store_url, rows)
    store = Store(store_url)
    try:
        assert [i.id for i in store.list(account_owner({"iss": ISSUER, "sub": "ada"}))] == [
            ids["Ada's"]
        ]
        assert [i.id for i in store.list(account_owner({"email": "bo@example.com"}))] == [
            ids["Bo's"]
        ]
        assert [i.id for i in store.list(account_owner({"iss": ISSUER, "sub": long_sub}))] == [
            ids["Long's"]
        ]
        # The old local workspace: nobody reaches it (an email "local" least of all) until
        # the install's owner takes it; then it is theirs, with its history.
        assert store.list(account_owner({"email": "local"})) == []
        assert store.list(LOCAL) == []
        assert store.adopt_legacy_local(LOCAL) == 2
        assert {i.name for i in store.list(LOCAL)} == {"Local one", "Local two"}
        assert store.adopt_legacy_local(LOCAL) == 0  # once only
        assert store.adopt_legacy_local(local_owner("another-install")) == 0
        info = store.save(LOCAL, "Local one", replace(default_campaign(), headline="Edited"),
                          ids["Local one"], 1)  # fmt: skip
        assert info.version == 2
        engine, _ = store._engines()
        with engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() == (
                STORE_SCHEMA_VERSION
            )
            owners = set(conn.execute(sa.select(drafts.c.owner)).scalars())
        assert all(owner_kind(owner) for owner in owners), owners
    finally:
        store.close()
    # A second start finds the schema current and changes nothing.
    again = Store(store_url)
    try:
        assert {i.name for i in again.list(LOCAL)} == {"Local one", "Local two"}
    finally:
        again.close()


def test_only_a_local_owner_takes_the_old_local_drafts(store):
    for owner in (GUEST, ACCOUNT):
        with pytest.raises(StoreError):
            store.adopt_legacy_local(owner)
