"""Saved campaigns: named drafts with a version per save, share links and undoable deletes.

Pure Python on SQLAlchemy 2 Core (no Streamlit). The embedded default is a SQLite file in
``data/`` (WAL mode, ``synchronous=FULL``, a busy timeout); ``DATABASE_URL`` or
``[connections.drafts]`` in ``.streamlit/secrets.toml`` points it at PostgreSQL (psycopg 3).

- Every draft belongs to an owner id prefixed by its kind (`components.storage.owners`: ``oidc:``,
  ``email:``, ``local:``, ``guest:``); every query filters by it, and an id without a kind
  is refused. `open_shared` is the one exception: whoever has a draft's id can read it, and
  can do nothing else with it.
  Ids are `secrets.token_urlsafe(18)`: 144 random bits, never sequential.
- Every save is a new version holding the whole campaign (`components.campaign.campaign_file`, with
  images kept aside in a content-addressed ``blobs`` table so an unchanged image is stored
  once). Saving over a draft names the version it was opened at; when someone saved since,
  `DraftConflict` is raised and nothing is written (optimistic concurrency).
- Deleting is soft: `undelete` brings a draft back within `UNDO_WINDOW`; older deleted
  drafts are purged on the next delete or by `purge_deleted`.
- A database that cannot be reached, is read-only, full or damaged raises `StoreUnavailable`
  with a message for people (the original error is chained and kept in ``detail``).

Schema (version `STORE_SCHEMA_VERSION` in table ``schema_version``), created on first use
(version 2 gave owner ids their kind: a version-1 database is upgraded once, on first use,
by `components.storage.owners.legacy_owner_id`; its bare ``local`` owner waits for
`adopt_legacy_local`):
``drafts`` (id, owner, name, current_version, created_at, updated_at, deleted_at),
``draft_versions`` (draft_id, number, saved_at, payload, changed, note), ``blobs`` (sha256,
size, data) and ``version_blobs`` (which version uses which blob).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import secrets
import sqlite3
import threading
import tomllib
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import URL, Connection, Engine, make_url

from components import ROOT
from components.campaign.campaign_file import (
    CampaignFileError,
    campaign_from_dict,
    campaign_to_dict,
    changed_field_names,
    field_label,
)
from components.campaign.model import Campaign
from components.storage.owners import (
    LEGACY_LOCAL_OWNER,
    MAX_OWNER_CHARS,
    legacy_owner_id,
    owner_kind,
)

DEFAULT_DATA_DIR = ROOT / "data"
DB_FILENAME = "drafts.sqlite3"
SECRETS_PATH = Path(".streamlit/secrets.toml")
SECRETS_CONNECTION = "drafts"

STORE_SCHEMA_VERSION = 2  # 2: owner ids carry their kind (components.storage.owners)
ID_BYTES = 18  # 144 random bits; token_urlsafe gives 24 characters
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{22,64}$")
UNDO_WINDOW = timedelta(days=1)
MAX_NAME_CHARS = 120
DRAFT_NAME_FIELD = "draft_name"  # in a version's change list: the draft was renamed by a save
_SQLITE_BUSY_SECONDS = 30
_PG_CONNECT_TIMEOUT_SECONDS = 5
_PG_INIT_LOCK = 0x0B_A5_D8_AF  # pg_advisory_xact_lock key: one schema creation at a time


# ---- errors -----------------------------------------------------------------------------


class StoreError(Exception):
    """Anything the drafts store refuses; `str(error)` is a message for people."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StoreUnavailable(StoreError):
    """The database cannot be reached, is read-only, full or damaged."""

    def __init__(self, message: str, *, reason: str = "unavailable", detail: str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.detail = detail


class DraftNotFound(StoreError):
    """No such draft for this owner (or it was deleted); never says whose a draft is."""


class DraftConflict(StoreError):
    """Someone saved the draft since it was opened: nothing was written."""

    def __init__(self, draft_id: str, expected_version: int, current_version: int) -> None:
        super().__init__(
            "This draft has changed since you opened it (you opened version "
            f"{expected_version}; it is now at version {current_version}). Your changes were "
            "not saved: save them as a copy to keep both, or reopen the draft to see the other "
            "changes."
        )
        self.draft_id = draft_id
        self.expected_version = expected_version
        self.current_version = current_version


class InvalidDraftName(StoreError):
    """A draft name that is empty or too long."""


# ---- records ----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class DraftInfo:
    """A draft as listed: its id (the share-link token), name, current version and times."""

    id: str
    name: str
    version: int
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None
    # Empty when the draft was opened through a share link: the owner is not shared.
    owner: str = ""

    @property
    def share_query(self) -> dict[str, str]:
        """The query parameters of the draft's share link (`?draft=<id>`)."""
        return {"draft": self.id}


@dataclasses.dataclass(frozen=True)
class VersionInfo:
    """One save of a draft: its number, when, which fields changed (human names), a note."""

    number: int
    saved_at: datetime
    changed: tuple[str, ...]
    note: str = ""


# ---- configuration ----------------------------------------------------------------------


def _normalise_url(url: str) -> str:
    """Accept the common spellings of a PostgreSQL URL and use psycopg 3 for them."""
    text = url.strip()
    for prefix in ("postgres://", "postgresql://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text[len(prefix) :]
    return text


def default_sqlite_url(data_dir: Path) -> str:
    """The embedded database: a SQLite file in `data_dir`."""
    return f"sqlite:///{Path(data_dir).resolve() / DB_FILENAME}"


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """The data folder: ``$BAS_DATA_DIR``, else ``data/`` in the repository. The SQLite
    database lives there, and so does the sign-in-less workspace's key."""
    env = os.environ if env is None else env
    folder = (env.get("BAS_DATA_DIR") or "").strip()
    return Path(folder) if folder else DEFAULT_DATA_DIR


def database_url(env: Mapping[str, str] | None = None, secrets_path: Path = SECRETS_PATH) -> str:
    """Where drafts live: DATABASE_URL, else ``[connections.drafts]`` in secrets.toml, else the
    SQLite file in ``data/`` (or in ``$BAS_DATA_DIR``)."""
    env = os.environ if env is None else env
    url = (env.get("DATABASE_URL") or "").strip()
    if url:
        return _normalise_url(url)
    secrets_path = Path(secrets_path)
    if secrets_path.is_file():
        try:
            with open(secrets_path, "rb") as handle:
                secrets_toml = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise StoreUnavailable(
                f"The database settings in {secrets_path} cannot be read: {exc}",
                reason="config",
            ) from exc
        section = (secrets_toml.get("connections") or {}).get(SECRETS_CONNECTION)
        if isinstance(section, Mapping):
            if isinstance(section.get("url"), str) and section["url"].strip():
                return _normalise_url(section["url"])
            if section.get("dialect"):
                return _url_from_parts(section)
    return default_sqlite_url(data_dir(env))


def _url_from_parts(section: Mapping[str, Any]) -> str:
    """Streamlit's split form: dialect, driver, host, port, database, username, password."""
    dialect = str(section["dialect"])
    driver = section.get("driver") or ("psycopg" if dialect.startswith("postgres") else None)
    drivername = f"{'postgresql' if dialect.startswith('postgres') else dialect}"
    if driver:
        drivername += f"+{driver}"
    url = URL.create(
        drivername,
        username=section.get("username"),
        password=section.get("password"),
        host=section.get("host"),
        port=int(section["port"]) if section.get("port") else None,
        database=section.get("database"),
        query={str(k): str(v) for k, v in (section.get("query") or {}).items()},
    )
    return url.render_as_string(hide_password=False)


# ---- schema -----------------------------------------------------------------------------

metadata = sa.MetaData()
_TS = sa.DateTime(timezone=True)

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("applied_at", _TS, nullable=False),
)
drafts = sa.Table(
    "drafts",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("owner", sa.String(MAX_OWNER_CHARS), nullable=False),
    sa.Column("name", sa.String(MAX_NAME_CHARS), nullable=False),
    sa.Column("current_version", sa.Integer, nullable=False),
    sa.Column("created_at", _TS, nullable=False),
    sa.Column("updated_at", _TS, nullable=False),
    sa.Column("deleted_at", _TS, nullable=True),
    sa.Index("ix_drafts_owner_updated", "owner", "updated_at"),
    sa.Index("ix_drafts_deleted_at", "deleted_at"),
)
draft_versions = sa.Table(
    "draft_versions",
    metadata,
    sa.Column("draft_id", sa.String(64), sa.ForeignKey("drafts.id"), primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("saved_at", _TS, nullable=False),
    # The campaign as campaign_json's dict (images as {"blob": sha256}), ASCII JSON text.
    sa.Column("payload", sa.Text, nullable=False),
    # JSON list of Campaign field names that differ from the previous version.
    sa.Column("changed", sa.Text, nullable=False),
    sa.Column("note", sa.String(400), nullable=False, server_default=""),
)
blobs = sa.Table(
    "blobs",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)
version_blobs = sa.Table(
    "version_blobs",
    metadata,
    sa.Column("draft_id", sa.String(64), primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("sha256", sa.String(64), sa.ForeignKey("blobs.sha256"), primary_key=True),
    sa.ForeignKeyConstraint(
        ["draft_id", "number"], ["draft_versions.draft_id", "draft_versions.number"]
    ),
    sa.Index("ix_version_blobs_sha256", "sha256"),
)


# ---- errors from the database -----------------------------------------------------------


def _classify(error: BaseException) -> tuple[str, str]:
    """(reason, message for people) for a database failure."""
    text = str(getattr(error, "orig", None) or error).lower()
    if any(k in text for k in ("readonly", "read-only", "read only")):
        return "read-only", ("The drafts database is read-only, so nothing can be saved right now.")
    if any(k in text for k in ("disk is full", "no space", "database or disk is full")):
        return "full", "The drafts database's disk is full, so nothing can be saved right now."
    if any(k in text for k in ("not a database", "malformed", "disk i/o", "corrupt")):
        return "damaged", (
            "The drafts database file is damaged or unreadable, so drafts can't be opened or "
            "saved right now."
        )
    if any(k in text for k in ("locked", "busy", "timed out waiting", "queuepool limit")):
        return "busy", "The drafts database is busy; try again in a moment."
    return "unreachable", (
        "The drafts database can't be reached right now, so drafts can't be opened or saved."
    )


def _unavailable(error: BaseException) -> StoreUnavailable:
    reason, message = _classify(error)
    detail = str(getattr(error, "orig", None) or error).strip().splitlines()
    return StoreUnavailable(message, reason=reason, detail=detail[0][:300] if detail else "")


# ---- helpers ----------------------------------------------------------------------------


def new_draft_id() -> str:
    """An unguessable draft id: 144 random bits from `secrets`, URL-safe."""
    return secrets.token_urlsafe(ID_BYTES)


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def clean_name(name: Any) -> str:
    """A draft name as stored: one line, trimmed, readable characters; raises when unusable."""
    if not isinstance(name, str):
        raise InvalidDraftName("A draft name must be text.")
    text = name.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")
    text = " ".join(text.split())
    if not text:
        raise InvalidDraftName("Give the draft a name.")
    if len(text) > MAX_NAME_CHARS:
        raise InvalidDraftName(
            f"A draft name can be at most {MAX_NAME_CHARS} characters ({len(text)} given)."
        )
    return text


def _check_owner(owner: Any) -> str:
    # An owner without its kind (a bare "local", an email) could stand for two people.
    if not isinstance(owner, str) or len(owner) > MAX_OWNER_CHARS or not owner_kind(owner):
        raise StoreError("Drafts need a signed-in owner.")
    return owner


def _valid_id(draft_id: Any) -> bool:
    return isinstance(draft_id, str) and bool(ID_PATTERN.match(draft_id))


def _blob_refs(value: Any) -> set[str]:
    """The sha256 of every {"blob": …} reference in a stored payload."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if set(item) == {"blob"} and isinstance(item["blob"], str):
                found.add(item["blob"])
            else:
                stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _info(row: Any, *, shared: bool = False) -> DraftInfo:
    return DraftInfo(
        id=row.id,
        name=row.name,
        version=row.current_version,
        created_at=_utc(row.created_at),
        updated_at=_utc(row.updated_at),
        deleted_at=_utc(row.deleted_at),
        owner="" if shared else row.owner,
    )


# ---- the store --------------------------------------------------------------------------


class Store:
    """Drafts in a SQL database (SQLite or PostgreSQL). Thread-safe; connects lazily."""

    def __init__(
        self,
        url: str | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        undo_window: timedelta = UNDO_WINDOW,
    ) -> None:
        self.url = _normalise_url(url) if url else database_url()
        self._clock = clock or (lambda: datetime.now(UTC))
        self.undo_window = undo_window
        self._engine: Engine | None = None
        self._writer: Engine | None = None
        self._ready = False
        self._lock = threading.RLock()

    # -- plumbing --

    def __repr__(self) -> str:
        return f"Store({self.describe()!r})"

    def describe(self) -> str:
        """Where drafts are kept, password hidden (for the page)."""
        try:
            url = make_url(self.url)
        except sa_exc.ArgumentError:
            return "(an unreadable database address)"
        if url.get_backend_name() == "sqlite":
            return f"SQLite file {url.database}"
        return url.render_as_string(hide_password=True)

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return make_url(self.url).get_backend_name()

    def _now(self) -> datetime:
        return _utc(self._clock())

    def _make_engine(self) -> Engine:
        try:
            url = make_url(self.url)
        except sa_exc.ArgumentError as exc:
            raise StoreUnavailable(
                "The drafts database address can't be used; check DATABASE_URL.",
                reason="config",
                detail=str(exc)[:300],
            ) from exc
        backend = url.get_backend_name()
        try:
            if backend == "sqlite":
                engine = self._sqlite_engine(url)
            elif backend == "postgresql":
                engine = sa.create_engine(
                    url,
                    pool_pre_ping=True,
                    connect_args={"connect_timeout": _PG_CONNECT_TIMEOUT_SECONDS},
                )
            else:
                engine = sa.create_engine(url, pool_pre_ping=True)
        except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError, ImportError) as exc:
            raise StoreUnavailable(
                f"The drafts database driver for “{backend}” isn't installed or the address "
                "is wrong.",
                reason="config",
                detail=str(exc)[:300],
            ) from exc
        return engine

    def _sqlite_engine(self, url: URL) -> Engine:
        database = url.database or ""
        memory = database in ("", ":memory:") or "mode=memory" in database
        if not memory and not database.startswith("file:"):
            try:
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreUnavailable(
                    f"The drafts folder {Path(database).parent} can't be created, so drafts "
                    "can't be saved.",
                    reason="read-only",
                    detail=str(exc)[:300],
                ) from exc
        kwargs: dict[str, Any] = {"connect_args": {"timeout": _SQLITE_BUSY_SECONDS}}
        if memory:
            kwargs["poolclass"] = sa.pool.StaticPool
            kwargs["connect_args"]["check_same_thread"] = False
        engine = sa.create_engine(url, **kwargs)

        @sa.event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            # Transactions are begun by hand below (BEGIN or BEGIN IMMEDIATE).
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            try:
                cursor.execute(f"PRAGMA busy_timeout = {_SQLITE_BUSY_SECONDS * 1000}")
                cursor.execute("PRAGMA foreign_keys = ON")
                if not memory:
                    # A read-only file keeps the journal mode it has.
                    with contextlib.suppress(sqlite3.OperationalError):
                        cursor.execute("PRAGMA journal_mode = WAL")
                # FULL: a save that returned survives a crash and a power cut too.
                cursor.execute("PRAGMA synchronous = FULL")
            finally:
                cursor.close()

        @sa.event.listens_for(engine, "begin")
        def _on_begin(connection: Connection) -> None:
            # Writers take the write lock up front, so two writers never deadlock upgrading a
            # read lock (SQLITE_BUSY without waiting); readers never block anybody.
            write = connection.get_execution_options().get("bas_write")
            connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine

    def _engines(self) -> tuple[Engine, Engine]:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    engine = self._make_engine()
                    self._writer = engine.execution_options(bas_write=True)
                    self._engine = engine
        assert self._writer is not None
        return self._engine, self._writer

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn database failures into StoreUnavailable (with a human message)."""
        try:
            yield
        except StoreError:
            raise
        except sa_exc.IntegrityError as exc:
            raise StoreError("The drafts database refused the change; try again.") from exc
        except (sa_exc.DBAPIError, sa_exc.TimeoutError, sa_exc.ResourceClosedError) as exc:
            raise _unavailable(exc) from exc
        except sa_exc.NoSuchTableError as exc:
            raise _unavailable(exc) from exc
        except OSError as exc:
            raise _unavailable(exc) from exc

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._errors():
            self._ensure_schema()
            engine, _ = self._engines()
            with engine.connect() as conn, conn.begin():
                yield conn

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._errors():
            self._ensure_schema()
            _, writer = self._engines()
            with writer.connect() as conn, conn.begin():
                yield conn

    def _ensure_schema(self) -> None:
        if self._ready:
            return
        with self._lock:
            if self._ready:
                return
            engine, writer = self._engines()
            # A database that already has this schema is only read (so a read-only one
            # still opens drafts); otherwise the schema is created under a write lock.
            with engine.connect() as conn, conn.begin():
                found = self._schema_version(conn)
            if found is None:
                with writer.connect() as conn, conn.begin():
                    if conn.dialect.name == "postgresql":
                        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_INIT_LOCK)))
                    metadata.create_all(conn, checkfirst=True)
                    found = self._schema_version(conn)
                    if found is None:
                        conn.execute(
                            schema_version.insert().values(
                                version=STORE_SCHEMA_VERSION, applied_at=self._now()
                            )
                        )
                        found = STORE_SCHEMA_VERSION
            if found < STORE_SCHEMA_VERSION:
                found = self._upgrade(writer)
            if found > STORE_SCHEMA_VERSION:
                raise StoreUnavailable(
                    f"The drafts database was set up by a newer Button Ad Studio (schema "
                    f"{found}; this one knows {STORE_SCHEMA_VERSION}). Update the studio to "
                    "open these drafts.",
                    reason="schema",
                )
            self._ready = True

    def _upgrade(self, writer: Engine) -> int:
        """Bring an older schema to this version, once, under the write lock."""
        try:
            with writer.connect() as conn, conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_INIT_LOCK)))
                found = self._schema_version(conn) or STORE_SCHEMA_VERSION
                if found < 2:
                    # Owner ids gain their kind: one UPDATE per owner (there are few).
                    owners = conn.execute(sa.select(drafts.c.owner).distinct()).scalars().all()
                    for old in owners:
                        new = legacy_owner_id(old)
                        if new != old:
                            conn.execute(
                                drafts.update().where(drafts.c.owner == old).values(owner=new)
                            )
                if found < STORE_SCHEMA_VERSION:
                    conn.execute(
                        schema_version.insert().values(
                            version=STORE_SCHEMA_VERSION, applied_at=self._now()
                        )
                    )
                    found = STORE_SCHEMA_VERSION
                return found
        except (sa_exc.DBAPIError, OSError) as exc:
            error = _unavailable(exc)
            raise StoreUnavailable(
                "The drafts database needs a one-time update for this version of the studio, "
                f"and it cannot take it now: {error.message}",
                reason=error.reason,
                detail=error.detail,
            ) from exc

    @staticmethod
    def _schema_version(conn: Connection) -> int | None:
        if not sa.inspect(conn).has_table("schema_version"):
            return None
        return conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()

    def close(self) -> None:
        """Close the connection pool."""
        if self._engine is not None:
            self._engine.dispose()

    # -- payloads --

    @staticmethod
    def _pack(ad: Campaign) -> tuple[dict[str, Any], dict[str, bytes]]:
        kept: dict[str, bytes] = {}

        def keep(data: bytes) -> dict[str, str]:
            digest = hashlib.sha256(data).hexdigest()
            kept[digest] = bytes(data)
            return {"blob": digest}

        return campaign_to_dict(ad, encode_bytes=keep), kept

    @staticmethod
    def _dump(record: Mapping[str, Any]) -> str:
        return json.dumps(record, ensure_ascii=True, separators=(",", ":"), allow_nan=False)

    def _insert_blobs(self, conn: Connection, kept: Mapping[str, bytes]) -> None:
        if not kept:
            return
        rows = [{"sha256": k, "size": len(v), "data": v} for k, v in kept.items()]
        dialect = pg_dialect if conn.dialect.name == "postgresql" else sqlite_dialect
        if conn.dialect.name in ("postgresql", "sqlite"):
            conn.execute(dialect.insert(blobs).on_conflict_do_nothing(), rows)
            return
        present = set(
            conn.execute(sa.select(blobs.c.sha256).where(blobs.c.sha256.in_(kept))).scalars()
        )
        missing = [row for row in rows if row["sha256"] not in present]
        if missing:
            conn.execute(blobs.insert(), missing)

    def _insert_version(
        self,
        conn: Connection,
        draft_id: str,
        number: int,
        record: Mapping[str, Any],
        changed: list[str],
        note: str,
        saved_at: datetime,
    ) -> None:
        refs = _blob_refs(record)
        conn.execute(
            draft_versions.insert().values(
                draft_id=draft_id,
                number=number,
                saved_at=saved_at,
                payload=self._dump(record),
                changed=json.dumps(changed),
                note=note[:400],
            )
        )
        if refs:
            conn.execute(
                version_blobs.insert(),
                [{"draft_id": draft_id, "number": number, "sha256": sha} for sha in refs],
            )

    def _payload(self, conn: Connection, draft_id: str, number: int) -> dict[str, Any]:
        text = conn.execute(
            sa.select(draft_versions.c.payload).where(
                draft_versions.c.draft_id == draft_id, draft_versions.c.number == number
            )
        ).scalar()
        if text is None:
            raise DraftNotFound(f"Version {number} of this draft doesn't exist.")
        return json.loads(text)

    def _unpack(self, conn: Connection, record: dict[str, Any]) -> Campaign:
        refs = _blob_refs(record)
        data: dict[str, bytes] = {}
        if refs:
            rows = conn.execute(
                sa.select(blobs.c.sha256, blobs.c.data).where(blobs.c.sha256.in_(refs))
            )
            data = {row.sha256: bytes(row.data) for row in rows}

        def load(ref: Any) -> bytes:
            return data[ref["blob"]]

        try:
            return campaign_from_dict(record, trusted=True, decode_bytes=load)
        except CampaignFileError as exc:
            raise StoreError(f"This draft can't be opened: {exc}") from exc

    def _owned(self, conn: Connection, owner: str, draft_id: str, *, deleted: bool = False) -> Any:
        if not _valid_id(draft_id):
            raise DraftNotFound("There is no such draft.")
        query = sa.select(drafts).where(drafts.c.id == draft_id, drafts.c.owner == owner)
        query = query.where(
            drafts.c.deleted_at.is_not(None) if deleted else drafts.c.deleted_at.is_(None)
        )
        row = conn.execute(query).first()
        if row is None:
            raise DraftNotFound(
                "This draft doesn't exist any more, or it isn't one of yours."
                if not deleted
                else "This draft can't be brought back any more."
            )
        return row

    # -- drafts --

    def health(self, *, writable: bool = True) -> None:
        """Raise StoreUnavailable unless the database answers (and, by default, takes writes)."""
        with self._read() as conn:
            conn.execute(sa.select(sa.literal(1))).scalar()
            if (
                writable
                and conn.dialect.name == "postgresql"
                and conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "on"
            ):
                raise StoreUnavailable(_classify(RuntimeError("read-only"))[1], reason="read-only")
        if writable and self.backend == "sqlite":
            with self._write() as conn:
                # BEGIN IMMEDIATE took the write lock; a harmless write proves the file takes
                # writes (a read-only file fails here), then the transaction rolls back.
                conn.execute(
                    schema_version.update()
                    .where(schema_version.c.version == STORE_SCHEMA_VERSION)
                    .values(version=schema_version.c.version)
                )
                conn.rollback()

    def save(
        self,
        owner: str,
        name: str,
        ad: Campaign,
        draft_id: str | None = None,
        expected_version: int | None = None,
        *,
        note: str = "",
    ) -> DraftInfo:
        """Save `ad` as a new draft (`draft_id` None) or as the next version of a draft.

        Over an existing draft, `expected_version` is the version it was opened at: when the
        draft has moved on since, `DraftConflict` is raised and nothing is written.
        """
        owner = _check_owner(owner)
        name = clean_name(name)
        record, kept = self._pack(ad)
        if draft_id is None:
            return self._create(owner, name, record, kept, note=note or "Created")
        if expected_version is None:
            raise ValueError("expected_version is required when saving over a draft")
        if not _valid_id(draft_id):
            raise DraftNotFound("There is no such draft.")
        return self._next_version(owner, draft_id, expected_version, record, kept, name, note)

    def _create(
        self,
        owner: str,
        name: str,
        record: dict[str, Any],
        kept: Mapping[str, bytes],
        *,
        note: str,
    ) -> DraftInfo:
        for attempt in range(3):
            draft_id = new_draft_id()
            now = self._now()
            try:
                with self._write() as conn:
                    conn.execute(
                        drafts.insert().values(
                            id=draft_id,
                            owner=owner,
                            name=name,
                            current_version=1,
                            created_at=now,
                            updated_at=now,
                            deleted_at=None,
                        )
                    )
                    self._insert_blobs(conn, kept)
                    self._insert_version(conn, draft_id, 1, record, [], note, now)
                return DraftInfo(draft_id, name, 1, now, now, None, owner)
            except StoreError as exc:
                # An id collision (never seen) or a blob purged meanwhile: try again.
                if attempt == 2 or not isinstance(exc.__cause__, sa_exc.IntegrityError):
                    raise
        raise AssertionError("unreachable")

    def _next_version(
        self,
        owner: str,
        draft_id: str,
        expected_version: int,
        record: dict[str, Any],
        kept: Mapping[str, bytes],
        name: str | None,
        note: str,
    ) -> DraftInfo:
        now = self._now()
        with self._write() as conn:
            # FOR UPDATE: on PostgreSQL a second writer waits here, then sees the new version
            # (SQLite's BEGIN IMMEDIATE already serialises writers).
            if not _valid_id(draft_id):
                raise DraftNotFound("There is no such draft.")
            row = conn.execute(
                sa.select(drafts)
                .where(
                    drafts.c.id == draft_id,
                    drafts.c.owner == owner,
                    drafts.c.deleted_at.is_(None),
                )
                .with_for_update()
            ).first()
            if row is None:
                raise DraftNotFound(
                    "This draft was deleted, or it isn't one of yours: save your work as a "
                    "new draft to keep it."
                )
            if row.current_version != expected_version:
                raise DraftConflict(draft_id, expected_version, row.current_version)
            values: dict[str, Any] = {"current_version": expected_version + 1, "updated_at": now}
            if name is not None:
                values["name"] = name
            result = conn.execute(
                drafts.update()
                .where(drafts.c.id == draft_id, drafts.c.current_version == expected_version)
                .values(**values)
            )
            if result.rowcount != 1:  # cannot happen under the lock; never overwrite anyway
                raise DraftConflict(draft_id, expected_version, expected_version + 1)
            previous = self._payload(conn, draft_id, expected_version)
            changed = changed_field_names(previous, record)
            if name is not None and name != row.name:
                changed.append(DRAFT_NAME_FIELD)
            self._insert_blobs(conn, kept)
            self._insert_version(conn, draft_id, expected_version + 1, record, changed, note, now)
            return _info(self._owned(conn, owner, draft_id))

    def open(self, owner: str, draft_id: str) -> tuple[DraftInfo, Campaign]:
        """One of the owner's drafts at its current version."""
        owner = _check_owner(owner)
        with self._read() as conn:
            row = self._owned(conn, owner, draft_id)
            ad = self._unpack(conn, self._payload(conn, draft_id, row.current_version))
            return _info(row), ad

    def open_version(self, owner: str, draft_id: str, number: int) -> Campaign:
        """The campaign as it was at an older version (to look at before restoring it)."""
        owner = _check_owner(owner)
        with self._read() as conn:
            self._owned(conn, owner, draft_id)
            return self._unpack(conn, self._payload(conn, draft_id, int(number)))

    def adopt_legacy_local(self, owner: str) -> int:
        """Give the drafts of the sign-in-less workspace of before owner kinds (the bare
        ``local``) to `owner`, the install's ``local:`` owner; how many it took. Idempotent:
        called whenever the install's owner is known, it finds nothing the second time."""
        owner = _check_owner(owner)
        if owner_kind(owner) != "local":
            raise StoreError("Only the person who started the studio takes its old drafts.")
        with self._read() as conn:  # the usual case, nothing left: no write lock
            waiting = conn.execute(
                sa.select(sa.func.count()).where(drafts.c.owner == LEGACY_LOCAL_OWNER)
            ).scalar()
        if not waiting:
            return 0
        with self._write() as conn:
            result = conn.execute(
                drafts.update().where(drafts.c.owner == LEGACY_LOCAL_OWNER).values(owner=owner)
            )
            return result.rowcount

    def open_shared(self, draft_id: str) -> tuple[DraftInfo, Campaign]:
        """A draft by its id, for whoever has the link (read-only; the owner is not shown)."""
        if not _valid_id(draft_id):
            raise DraftNotFound("This share link doesn't point to a draft.")
        with self._read() as conn:
            row = conn.execute(
                sa.select(drafts).where(drafts.c.id == draft_id, drafts.c.deleted_at.is_(None))
            ).first()
            if row is None:
                raise DraftNotFound("This share link doesn't point to a draft any more.")
            ad = self._unpack(conn, self._payload(conn, draft_id, row.current_version))
            return _info(row, shared=True), ad

    def list(self, owner: str, search: str = "", include_deleted: bool = False) -> list[DraftInfo]:
        """The owner's drafts, last saved first; `search` matches names (any case).

        With `include_deleted`, drafts deleted within the undo window are listed too (their
        `deleted_at` is set).
        """
        owner = _check_owner(owner)
        query = sa.select(drafts).where(drafts.c.owner == owner)
        if include_deleted:
            cutoff = self._now() - self.undo_window
            query = query.where(
                sa.or_(drafts.c.deleted_at.is_(None), drafts.c.deleted_at >= cutoff)
            )
        else:
            query = query.where(drafts.c.deleted_at.is_(None))
        query = query.order_by(drafts.c.updated_at.desc(), drafts.c.id)
        with self._read() as conn:
            infos = [_info(row) for row in conn.execute(query)]
        needle = " ".join(str(search or "").split()).casefold()
        if needle:
            infos = [info for info in infos if needle in info.name.casefold()]
        return infos

    def rename(self, owner: str, draft_id: str, name: str) -> DraftInfo:
        """Give a draft a new name (not a new version)."""
        owner = _check_owner(owner)
        name = clean_name(name)
        with self._write() as conn:
            self._owned(conn, owner, draft_id)
            conn.execute(
                drafts.update()
                .where(drafts.c.id == draft_id, drafts.c.owner == owner)
                .values(name=name, updated_at=self._now())
            )
            return _info(self._owned(conn, owner, draft_id))

    def duplicate(self, owner: str, draft_id: str, name: str | None = None) -> DraftInfo:
        """A new draft (new id, version 1) holding the current version of one of the owner's."""
        owner = _check_owner(owner)
        with self._read() as conn:
            row = self._owned(conn, owner, draft_id)
            record = self._payload(conn, draft_id, row.current_version)
        copy_name = clean_name(name) if name is not None else _copy_name(row.name)
        return self._create(owner, copy_name, record, {}, note=f"Copied from “{row.name}”")

    def delete(self, owner: str, draft_id: str) -> DraftInfo:
        """Move a draft to the bin: `undelete` brings it back within the undo window."""
        owner = _check_owner(owner)
        now = self._now()
        with self._write() as conn:
            self._owned(conn, owner, draft_id)
            conn.execute(
                drafts.update()
                .where(drafts.c.id == draft_id, drafts.c.owner == owner)
                .values(deleted_at=now)
            )
            info = _info(self._owned(conn, owner, draft_id, deleted=True))
        with contextlib.suppress(StoreError):
            self.purge_deleted()
        return info

    def undelete(self, owner: str, draft_id: str) -> DraftInfo:
        """Undo a delete made within the undo window."""
        owner = _check_owner(owner)
        cutoff = self._now() - self.undo_window
        with self._write() as conn:
            row = self._owned(conn, owner, draft_id, deleted=True)
            if _utc(row.deleted_at) < cutoff:
                raise DraftNotFound("This draft was deleted too long ago to bring back.")
            conn.execute(
                drafts.update()
                .where(drafts.c.id == draft_id, drafts.c.owner == owner)
                .values(deleted_at=None)
            )
            return _info(self._owned(conn, owner, draft_id))

    def purge_deleted(self, older_than: timedelta | None = None) -> int:
        """Remove for good the drafts deleted longer ago than `older_than` (the undo window).

        Returns how many drafts were removed; images no version uses any more go too.
        """
        cutoff = self._now() - (self.undo_window if older_than is None else older_than)
        with self._write() as conn:
            ids = list(
                conn.execute(
                    sa.select(drafts.c.id).where(
                        drafts.c.deleted_at.is_not(None), drafts.c.deleted_at < cutoff
                    )
                ).scalars()
            )
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                conn.execute(version_blobs.delete().where(version_blobs.c.draft_id.in_(chunk)))
                conn.execute(draft_versions.delete().where(draft_versions.c.draft_id.in_(chunk)))
                conn.execute(drafts.delete().where(drafts.c.id.in_(chunk)))
        if ids:
            # A save reusing an image at this very moment makes this fail on the foreign key:
            # the image stays, and the next purge takes it if nobody uses it.
            with contextlib.suppress(StoreError), self._write() as conn:
                used = sa.select(version_blobs.c.sha256).where(
                    version_blobs.c.sha256 == blobs.c.sha256
                )
                conn.execute(blobs.delete().where(~sa.exists(used)))
        return len(ids)

    # -- history --

    def versions(self, owner: str, draft_id: str) -> list[VersionInfo]:
        """Every save of one of the owner's drafts, newest first."""
        owner = _check_owner(owner)
        with self._read() as conn:
            self._owned(conn, owner, draft_id)
            rows = conn.execute(
                sa.select(
                    draft_versions.c.number,
                    draft_versions.c.saved_at,
                    draft_versions.c.changed,
                    draft_versions.c.note,
                )
                .where(draft_versions.c.draft_id == draft_id)
                .order_by(draft_versions.c.number.desc())
            ).all()
        return [
            VersionInfo(
                number=row.number,
                saved_at=_utc(row.saved_at),
                changed=tuple(_change_label(name) for name in json.loads(row.changed or "[]")),
                note=row.note or "",
            )
            for row in rows
        ]

    def restore_version(
        self, owner: str, draft_id: str, number: int, expected_version: int
    ) -> DraftInfo:
        """Make an older version current again, as a new version (history is kept)."""
        owner = _check_owner(owner)
        if not _valid_id(draft_id):
            raise DraftNotFound("There is no such draft.")
        with self._read() as conn:
            self._owned(conn, owner, draft_id)
            record = self._payload(conn, draft_id, int(number))
        return self._next_version(
            owner, draft_id, expected_version, record, {}, None, f"Restored version {number}"
        )


def _change_label(name: str) -> str:
    return "Draft name" if name == DRAFT_NAME_FIELD else field_label(name)


def _copy_name(name: str) -> str:
    suffix = " (copy)"
    return name[: MAX_NAME_CHARS - len(suffix)] + suffix
