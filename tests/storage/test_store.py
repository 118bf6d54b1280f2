"""The drafts store against SQLite and PostgreSQL: round trips, history, conflicts, owners,
share ids, undoable deletes, a killed writer, 20 concurrent writers and unavailable databases.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from components.campaign.model import Campaign, default_campaign
from components.storage.store import (
    DEFAULT_DATA_DIR,
    ID_BYTES,
    MAX_NAME_CHARS,
    STORE_SCHEMA_VERSION,
    DraftConflict,
    DraftInfo,
    DraftNotFound,
    InvalidDraftName,
    Store,
    StoreError,
    StoreUnavailable,
    database_url,
    new_draft_id,
)
from tests.factories import clean_image, full_campaign
from tests.storage.conftest import POSTGRES_ENV, postgres_url_with

ROOT = Path(__file__).resolve().parents[2]
OWNER = "email:ana@example.com"
OTHER = "email:bo@example.com"
LOCAL = "local:0123456789abcdef"


class FakeClock:
    """A clock the test moves by hand (for the undo window)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def _count(store: Store, table: str) -> int:
    engine, _ = store._engines()
    with engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar()


# ---- round trip --------------------------------------------------------------------------


def test_round_trip_every_field_and_image_bytes(store):
    ad = full_campaign()
    info = store.save(OWNER, "Bakery launch", ad)
    assert info.version == 1 and info.name == "Bakery launch" and info.owner == OWNER

    opened_info, opened = store.open(OWNER, info.id)
    assert opened == ad
    for f in dataclasses.fields(Campaign):
        assert getattr(opened, f.name) == getattr(ad, f.name), f.name
    assert opened.image == ad.image and opened.logo == ad.logo
    assert opened.story_image == ad.story_image
    assert opened_info == info


def test_round_trip_default_ad_and_empty_ad(store):
    for ad in (default_campaign(), Campaign()):
        info = store.save(OWNER, "x", ad)
        assert store.open(OWNER, info.id)[1] == ad


def test_hostile_strings_are_stored_as_inert_text(store):
    hostile = "<script>alert(1)</script>'; DROP TABLE drafts; --\x00\u202e"
    ad = replace(Campaign(), business=hostile, text=hostile * 3)
    info = store.save(OWNER, "Robert'); DROP TABLE drafts;--", ad)
    assert store.open(OWNER, info.id)[1] == ad
    assert store.list(OWNER)[0].name == "Robert'); DROP TABLE drafts;--"


def test_unchanged_images_are_stored_once(store):
    ad = full_campaign()
    info = store.save(OWNER, "x", ad)
    for number in range(1, 4):
        info = store.save(OWNER, "x", replace(ad, headline=f"v{number}"), info.id, info.version)
    assert _count(store, "blobs") == 3
    store.save(OWNER, "y", replace(ad, image=clean_image((40, 40), (1, 2, 3))))
    assert _count(store, "blobs") == 4


def test_a_payload_from_an_older_or_newer_campaign_still_opens(store):
    """A field added to Campaign since a save takes its default; an unknown stored key is
    ignored."""
    ad = replace(default_campaign(), greeting="Hello!")
    info = store.save(OWNER, "x", ad)
    engine, _ = store._engines()
    with engine.begin() as conn:
        payload = json.loads(
            conn.execute(sa.text("SELECT payload FROM draft_versions")).scalar_one()
        )
        del payload["greeting"]
        payload["a_field_from_the_future"] = {"x": 1}
        payload["days"] = "not a number"  # a value that no longer fits its field
        conn.execute(sa.text("UPDATE draft_versions SET payload = :p"), {"p": json.dumps(payload)})
    opened = store.open(OWNER, info.id)[1]
    assert opened.greeting == Campaign().greeting
    assert opened.days == Campaign().days
    assert opened.image == ad.image and opened.business == ad.business


# ---- versions ----------------------------------------------------------------------------


def test_every_save_is_a_version_with_what_changed(store):
    clock = FakeClock()
    store._clock = clock
    first = full_campaign()
    info = store.save(OWNER, "Launch", first)
    clock.advance(minutes=5)
    second = replace(first, headline="New headline", image=clean_image((50, 50), (9, 9, 9)))
    info = store.save(OWNER, "Launch", second, info.id, info.version)
    clock.advance(minutes=5)
    third = replace(second, budget=99.0)
    info = store.save(OWNER, "Launch v2", third, info.id, info.version)
    assert info.version == 3 and info.name == "Launch v2"

    versions = store.versions(OWNER, info.id)
    assert [v.number for v in versions] == [3, 2, 1]
    assert versions[0].changed == ("Daily budget", "Draft name")
    assert versions[1].changed == ("Headline", "Image")
    assert versions[2].changed == () and versions[2].note == "Created"
    assert versions[1].saved_at == datetime(2026, 3, 1, 12, 5, tzinfo=UTC)
    assert all(v.saved_at.tzinfo is not None for v in versions)

    assert store.open_version(OWNER, info.id, 1) == first
    assert store.open_version(OWNER, info.id, 2) == second

    restored = store.restore_version(OWNER, info.id, 1, expected_version=3)
    assert restored.version == 4
    assert store.open(OWNER, info.id)[1] == first
    latest = store.versions(OWNER, info.id)[0]
    assert latest.number == 4 and latest.note == "Restored version 1"
    assert latest.changed == ("Headline", "Daily budget", "Image")
    # History is kept: the versions in between are still there.
    assert store.open_version(OWNER, info.id, 3) == third

    with pytest.raises(DraftNotFound):
        store.restore_version(OWNER, info.id, 42, expected_version=4)
    with pytest.raises(DraftConflict):
        store.restore_version(OWNER, info.id, 2, expected_version=3)


# ---- conflicts ---------------------------------------------------------------------------


def test_second_save_from_a_stale_copy_is_refused_and_can_be_kept_as_a_copy(store):
    base = full_campaign()
    info = store.save(OWNER, "Shared draft", base)
    # Two sessions open version 1.
    first_session = replace(base, headline="from session 1")
    second_session = replace(base, headline="from session 2")
    saved = store.save(OWNER, "Shared draft", first_session, info.id, expected_version=1)
    assert saved.version == 2

    with pytest.raises(DraftConflict) as caught:
        store.save(OWNER, "Shared draft", second_session, info.id, expected_version=1)
    assert "changed since you opened it" in str(caught.value)
    assert "copy" in str(caught.value)
    assert caught.value.current_version == 2 and caught.value.expected_version == 1
    assert isinstance(caught.value, StoreError)

    # Nothing was overwritten, and "save as a copy" keeps both.
    assert store.open(OWNER, info.id)[1].headline == "from session 1"
    copy = store.save(OWNER, "Shared draft (copy)", second_session)
    assert copy.id != info.id
    assert store.open(OWNER, copy.id)[1].headline == "from session 2"
    assert len(store.list(OWNER)) == 2


def test_saving_over_a_draft_needs_the_version_it_was_opened_at(store):
    info = store.save(OWNER, "x", Campaign())
    with pytest.raises(ValueError):
        store.save(OWNER, "x", Campaign(), info.id)


def test_concurrent_saves_from_the_same_version_let_exactly_one_through(store):
    info = store.save(OWNER, "race", Campaign())
    store.health()
    barrier = threading.Barrier(8)
    outcomes: list[str] = []

    def attempt(index: int) -> None:
        barrier.wait()
        try:
            store.save(OWNER, "race", replace(Campaign(), headline=f"t{index}"), info.id, 1)
            outcomes.append(f"saved t{index}")
        except DraftConflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    saved = [o for o in outcomes if o.startswith("saved")]
    assert len(saved) == 1 and outcomes.count("conflict") == 7
    current_info, current = store.open(OWNER, info.id)
    assert current_info.version == 2 and saved == [f"saved {current.headline}"]


def test_saving_over_a_deleted_draft_says_so(store):
    info = store.save(OWNER, "x", Campaign())
    store.delete(OWNER, info.id)
    with pytest.raises(DraftNotFound, match="deleted"):
        store.save(OWNER, "x", Campaign(), info.id, 1)


# ---- owners and share links --------------------------------------------------------------


def test_owners_only_see_their_own_drafts_and_links_open_for_anyone(store):
    ad = full_campaign()
    mine = store.save(OWNER, "Ana's draft", ad)
    assert store.list(OTHER) == []
    assert store.list(OTHER, include_deleted=True) == []
    assert store.list(OTHER, search="Ana") == []

    for action in (
        lambda: store.open(OTHER, mine.id),
        lambda: store.open_version(OTHER, mine.id, 1),
        lambda: store.versions(OTHER, mine.id),
        lambda: store.rename(OTHER, mine.id, "stolen"),
        lambda: store.duplicate(OTHER, mine.id),
        lambda: store.delete(OTHER, mine.id),
        lambda: store.undelete(OTHER, mine.id),
        lambda: store.save(OTHER, "stolen", Campaign(), mine.id, 1),
        lambda: store.restore_version(OTHER, mine.id, 1, 1),
    ):
        with pytest.raises(DraftNotFound) as caught:
            action()
        assert OWNER not in str(caught.value)

    info, opened = store.open(OWNER, mine.id)
    assert opened == ad and info.name == "Ana's draft" and info.version == 1

    shared_info, shared = store.open_shared(mine.id)
    assert shared == ad
    assert shared_info.owner == "" and shared_info.id == mine.id
    assert shared_info.share_query == {"draft": mine.id}

    store.delete(OWNER, mine.id)
    with pytest.raises(DraftNotFound):
        store.open_shared(mine.id)


@pytest.mark.parametrize(
    "bad_id",
    ["", "1", "2", "../../etc/passwd", "' OR '1'='1", "x" * 200, "%", None, 7, "ünïcode" * 4],
)
def test_junk_draft_ids_are_not_found(store, bad_id):
    store.save(OWNER, "x", Campaign())
    with pytest.raises(DraftNotFound):
        store.open_shared(bad_id)
    with pytest.raises(DraftNotFound):
        store.open(OWNER, bad_id)


def test_an_owner_is_required(store):
    # An owner without its kind could stand for two people: "local", a bare email.
    for owner in ("", "   ", None, "x" * 1000, "local", "ana@example.com", "oidc:", "x:y"):
        with pytest.raises(StoreError):
            store.list(owner)


# ---- ids ---------------------------------------------------------------------------------


def test_ids_are_long_random_and_never_sequential():
    ids = [new_draft_id() for _ in range(1000)]
    assert len(set(ids)) == 1000
    raw = [base64.urlsafe_b64decode(i + "=" * (-len(i) % 4)) for i in ids]
    assert all(len(r) == ID_BYTES for r in raw) and ID_BYTES * 8 >= 128
    assert all(len(i) == 24 and set(i) <= set(_URLSAFE) for i in ids)
    ones = sum(bin(int.from_bytes(r, "big")).count("1") for r in raw)
    assert abs(ones / (1000 * ID_BYTES * 8) - 0.5) < 0.01
    for position in range(24):
        assert len({i[position] for i in ids}) >= 50  # ~64 expected at every position
    # No order: neither sorted nor sharing a prefix, unlike counters or timestamps.
    assert ids != sorted(ids) and ids != sorted(ids, reverse=True)
    assert len({i[:3] for i in ids}) > 900


_URLSAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def test_saved_drafts_get_random_ids(store):
    ids = [store.save(OWNER, f"d{i}", Campaign()).id for i in range(30)]
    assert len(set(ids)) == 30
    assert all(len(i) == 24 for i in ids)
    assert ids != sorted(ids)
    assert len({i[:2] for i in ids}) > 20


# ---- rename, duplicate, delete, search ---------------------------------------------------


def test_rename_duplicate_and_search(store):
    ad = full_campaign()
    cafe = store.save(OWNER, "Café  Launch\n", ad)
    assert cafe.name == "Café Launch"
    store.save(OWNER, "100% off_sale", Campaign())
    store.save(OTHER, "Café of Bo", Campaign())

    renamed = store.rename(OWNER, cafe.id, "  CAFÉ spring push ")
    assert renamed.name == "CAFÉ spring push" and renamed.version == 1
    assert [d.name for d in store.list(OWNER, search="café")] == ["CAFÉ spring push"]
    assert [d.name for d in store.list(OWNER, search="%")] == ["100% off_sale"]
    assert [d.name for d in store.list(OWNER, search="_")] == ["100% off_sale"]
    assert store.list(OWNER, search="nothing like it") == []
    assert len(store.list(OWNER, search="")) == 2

    copy = store.duplicate(OWNER, cafe.id)
    assert copy.id != cafe.id and copy.name == "CAFÉ spring push (copy)" and copy.version == 1
    assert store.open(OWNER, copy.id)[1] == ad
    assert store.versions(OWNER, copy.id)[0].note.startswith("Copied from")
    named = store.duplicate(OWNER, cafe.id, "Autumn")
    assert named.name == "Autumn"
    # The copy is independent of the original.
    store.save(OWNER, "Autumn", replace(ad, headline="changed"), named.id, 1)
    assert store.open(OWNER, cafe.id)[1] == ad
    # Last saved first.
    assert store.list(OWNER)[0].id == named.id


@pytest.mark.parametrize("name", ["", "   ", "\n\t", "x" * (MAX_NAME_CHARS + 1), None, 5])
def test_bad_names_are_refused(store, name):
    with pytest.raises(InvalidDraftName):
        store.save(OWNER, name, Campaign())


def test_delete_can_be_undone_for_a_while_then_is_purged(store_url):
    clock = FakeClock()
    store = Store(store_url, clock=clock)
    ad = full_campaign()
    keep = store.save(OWNER, "keep", ad)
    gone = store.save(OWNER, "gone", replace(ad, logo=clean_image((20, 20), (5, 5, 5))))
    assert _count(store, "blobs") == 4

    deleted = store.delete(OWNER, gone.id)
    assert deleted.deleted_at == clock.now
    assert [d.id for d in store.list(OWNER)] == [keep.id]
    listed = store.list(OWNER, include_deleted=True)
    assert {d.id for d in listed} == {keep.id, gone.id}
    with pytest.raises(DraftNotFound):
        store.open(OWNER, gone.id)
    with pytest.raises(DraftNotFound):
        store.delete(OWNER, gone.id)

    clock.advance(hours=3)
    back = store.undelete(OWNER, gone.id)
    assert back.deleted_at is None
    assert store.open(OWNER, gone.id)[1].logo == clean_image((20, 20), (5, 5, 5))
    with pytest.raises(DraftNotFound):
        store.undelete(OWNER, gone.id)

    store.delete(OWNER, gone.id)
    clock.advance(days=1, minutes=1)
    assert store.list(OWNER, include_deleted=True) == [store.list(OWNER)[0]]
    with pytest.raises(DraftNotFound, match="too long ago"):
        store.undelete(OWNER, gone.id)

    assert store.purge_deleted() == 1
    assert _count(store, "drafts") == 1
    # The logo only the purged draft used is gone; the shared images stay.
    assert _count(store, "blobs") == 3
    assert store.open(OWNER, keep.id)[1] == ad
    assert store.purge_deleted() == 0
    store.close()


def test_deleting_purges_long_deleted_drafts_lazily(store_url):
    clock = FakeClock()
    store = Store(store_url, clock=clock)
    old = store.save(OTHER, "old", Campaign())
    store.delete(OTHER, old.id)
    clock.advance(days=2)
    fresh = store.save(OWNER, "fresh", Campaign())
    store.delete(OWNER, fresh.id)
    assert _count(store, "drafts") == 1
    assert store.undelete(OWNER, fresh.id).id == fresh.id
    store.close()


# ---- a killed writer and concurrent writers ----------------------------------------------

_WRITER = r"""
import sys
from dataclasses import replace
sys.path.insert(0, sys.argv[2])
from components.campaign.model import default_campaign
from components.storage.store import Store

store = Store(sys.argv[1])
LOCAL = sys.argv[3]
ad = default_campaign()
info = None
for i in range(100000):
    changed = replace(ad, headline=f"save {i}", image=ad.image if i % 2 else ad.story_image)
    if i % 4 == 0:
        info = store.save(LOCAL, f"draft {i}", changed)
    else:
        info = store.save(LOCAL, info.name, changed, info.id, info.version)
    print(info.id, info.version, i, flush=True)
"""


def test_a_writer_killed_mid_stream_loses_no_save_that_returned(store_url):
    Store(store_url).health()  # the schema exists before the writer starts
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, store_url, str(ROOT), LOCAL],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    lines: list[str] = []
    deadline = time.monotonic() + 60
    try:
        while len(lines) < 60 and time.monotonic() < deadline:
            line = writer.stdout.readline()
            if not line:
                break
            lines.append(line)
        assert len(lines) >= 60, writer.stderr.read()
        time.sleep(random.uniform(0, 0.02))  # land somewhere inside the next save
        os.kill(writer.pid, signal.SIGKILL)
        rest, _ = writer.communicate(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == -signal.SIGKILL
    lines += rest.splitlines()

    saves = []
    for line in lines:
        parts = line.split()
        if len(parts) == 3:  # a line cut by the kill is not a save that returned
            saves.append((parts[0], int(parts[1]), int(parts[2])))
    assert len(saves) >= 60

    if store_url.startswith("sqlite"):
        path = store_url.removeprefix("sqlite:///")
        with sqlite3.connect(path) as check:
            assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert check.execute("PRAGMA journal_mode").fetchone() == ("wal",)

    reopened = Store(store_url)
    for draft_id, version, index in saves:
        info, _ = reopened.open(LOCAL, draft_id)
        assert info.version >= version
        assert reopened.open_version(LOCAL, draft_id, version).headline == f"save {index}"
    # Every returned save is there; at most one more draft (created, killed before printing).
    listed = len(reopened.list(LOCAL))
    assert len({s[0] for s in saves}) <= listed <= len({s[0] for s in saves}) + 1
    reopened.close()


def test_twenty_concurrent_writers_lose_nothing(store_url):
    """20 threads, each with its own Store (its own pool, like separate processes), start on an
    empty database at once: schema creation races too."""
    barrier = threading.Barrier(20)
    results: dict[int, DraftInfo] = {}
    errors: list[BaseException] = []
    base = default_campaign()

    def writer(index: int) -> None:
        store = Store(store_url)
        try:
            barrier.wait()
            info = store.save(
                f"guest:owner-{index % 4}", f"draft {index}", replace(base, seed=index)
            )
            for step in range(1, 3):
                ad = replace(base, seed=index, headline=f"{index}/{step}", days=step)
                info = store.save(
                    f"guest:owner-{index % 4}", f"draft {index}", ad, info.id, info.version
                )
            results[index] = info
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(20)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    assert len(results) == 20
    assert time.monotonic() - started < 60

    store = Store(store_url)
    total = 0
    for owner in (f"guest:owner-{k}" for k in range(4)):
        listed = store.list(owner)
        total += len(listed)
        assert all(d.version == 3 for d in listed)
    assert total == 20
    for index, info in results.items():
        _, ad = store.open(f"guest:owner-{index % 4}", info.id)
        assert (ad.seed, ad.headline, ad.days) == (index, f"{index}/2", 2)
        assert ad.image == base.image
        assert [v.number for v in store.versions(f"guest:owner-{index % 4}", info.id)] == [3, 2, 1]
    store.close()


# ---- the database out of reach -----------------------------------------------------------


def test_sqlite_is_created_on_first_use_in_wal_mode(tmp_path):
    path = tmp_path / "new" / "folder" / "drafts.sqlite3"
    store = Store(f"sqlite:///{path}")
    assert not path.exists()
    store.health()
    assert path.is_file()
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        tables = {row[0] for row in check.execute("SELECT name FROM sqlite_master")}
        assert {"schema_version", "drafts", "draft_versions"} <= tables
        assert check.execute("SELECT version FROM schema_version").fetchall() == [
            (STORE_SCHEMA_VERSION,)
        ]
    engine, _ = store._engines()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    store.close()


def test_sqlite_folder_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = Store(f"sqlite:///{blocker / 'data' / 'drafts.sqlite3'}")
    for action in (
        store.health,
        lambda: store.list(OWNER),
        lambda: store.save(OWNER, "x", Campaign()),
    ):
        with pytest.raises(StoreUnavailable) as caught:
            action()
        assert "can't be created" in str(caught.value)
        assert "Traceback" not in str(caught.value)


def test_read_only_sqlite_opens_drafts_but_refuses_saves(tmp_path):
    path = tmp_path / "drafts.sqlite3"
    writable = Store(f"sqlite:///{path}")
    info = writable.save(OWNER, "x", full_campaign())
    writable.close()

    read_only = Store(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert read_only.open(OWNER, info.id)[1] == full_campaign()
    assert [d.id for d in read_only.list(OWNER)] == [info.id]
    read_only.health(writable=False)
    with pytest.raises(StoreUnavailable) as caught:
        read_only.save(OWNER, "y", Campaign())
    assert caught.value.reason == "read-only"
    assert (
        str(caught.value) == "The drafts database is read-only, so nothing can be saved right now."
    )
    with pytest.raises(StoreUnavailable, match="read-only"):
        read_only.health()
    with pytest.raises(StoreUnavailable, match="read-only"):
        read_only.delete(OWNER, info.id)
    read_only.close()


def test_damaged_sqlite_file(tmp_path):
    path = tmp_path / "drafts.sqlite3"
    path.write_bytes(b"this is not a database at all " * 200)
    store = Store(f"sqlite:///{path}")
    with pytest.raises(StoreUnavailable) as caught:
        store.list(OWNER)
    assert caught.value.reason == "damaged"
    assert "damaged" in str(caught.value)


def test_postgres_on_a_closed_port_is_unavailable_quickly():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    store = Store(f"postgresql://bas:s3cret-pw@127.0.0.1:{port}/drafts")
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as caught:
        store.health()
    assert time.monotonic() - started < 10
    assert caught.value.reason == "unreachable"
    assert "can't be reached" in str(caught.value)
    assert "s3cret-pw" not in str(caught.value) and "s3cret-pw" not in caught.value.detail
    assert "s3cret-pw" not in store.describe() and "s3cret-pw" not in repr(store)
    with pytest.raises(StoreUnavailable):
        store.save(OWNER, "x", Campaign())


def test_read_only_postgres_opens_drafts_but_refuses_saves(postgres_schema):
    base = os.environ[POSTGRES_ENV]
    writable = Store(postgres_url_with(base, search_path=postgres_schema))
    info = writable.save(OWNER, "x", full_campaign())
    writable.close()
    read_only = Store(
        postgres_url_with(base, search_path=postgres_schema, default_transaction_read_only="on")
    )
    assert read_only.open(OWNER, info.id)[1] == full_campaign()
    with pytest.raises(StoreUnavailable) as caught:
        read_only.save(OWNER, "y", Campaign())
    assert caught.value.reason == "read-only"
    with pytest.raises(StoreUnavailable, match="read-only"):
        read_only.health()
    read_only.close()


def test_a_database_from_a_newer_studio_is_refused(store_url):
    store = Store(store_url)
    store.health()
    engine, _ = store._engines()
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE schema_version SET version = 99"))
    store.close()
    with pytest.raises(StoreUnavailable, match="newer Button Ad Studio"):
        Store(store_url).list(OWNER)


def test_an_unknown_database_driver_is_a_clear_error():
    with pytest.raises(StoreUnavailable, match="driver"):
        Store("nosuchdb://x/y").health()


# ---- where the database is ---------------------------------------------------------------


def test_database_url_prefers_the_environment(tmp_path):
    secrets_file = tmp_path / "secrets.toml"
    secrets_file.write_text('[connections.drafts]\nurl = "postgresql://a@b/c"\n')
    env = {"DATABASE_URL": "postgres://u:p@db.example:5432/ads", "BAS_DATA_DIR": "/x"}
    assert database_url(env, secrets_file) == "postgresql+psycopg://u:p@db.example:5432/ads"
    assert database_url({}, secrets_file) == "postgresql+psycopg://a@b/c"
    assert database_url({"DATABASE_URL": "sqlite:///x.db"}, secrets_file) == "sqlite:///x.db"


def test_database_url_from_split_secrets(tmp_path):
    secrets_file = tmp_path / "secrets.toml"
    secrets_file.write_text(
        '[connections.drafts]\ndialect = "postgresql"\nhost = "db"\nport = 5433\n'
        'database = "ads"\nusername = "bas"\npassword = "p@ss"\n'
    )
    assert database_url({}, secrets_file) == "postgresql+psycopg://bas:p%40ss@db:5433/ads"


def test_database_url_defaults_to_sqlite_in_the_data_folder(tmp_path):
    missing = tmp_path / "no-secrets.toml"
    assert database_url({}, missing) == f"sqlite:///{DEFAULT_DATA_DIR / 'drafts.sqlite3'}"
    assert DEFAULT_DATA_DIR == ROOT / "data"
    assert database_url({"BAS_DATA_DIR": str(tmp_path)}, missing) == (
        f"sqlite:///{tmp_path.resolve() / 'drafts.sqlite3'}"
    )
    other = tmp_path / "other.toml"
    other.write_text('[connections.analytics]\nurl = "postgresql://x/y"\n')
    assert database_url({"BAS_DATA_DIR": str(tmp_path)}, other).startswith("sqlite:///")


def test_unreadable_secrets_are_a_clear_error(tmp_path):
    secrets_file = tmp_path / "secrets.toml"
    secrets_file.write_text("[connections.drafts\nurl = ")
    with pytest.raises(StoreUnavailable, match=r"secrets\.toml"):
        database_url({}, secrets_file)


def test_data_folder_is_ignored_by_git():
    assert "data/" in (ROOT / ".gitignore").read_text().split()
