"""Store tests run against SQLite always and against PostgreSQL when BAS_TEST_POSTGRES_URL is set.

`tools/with_postgres.sh` starts a throwaway PostgreSQL server and sets the variable; `make test`
runs the suite through it. Each PostgreSQL test gets a fresh schema (via `search_path`), so tests
never see each other's drafts.
"""

from __future__ import annotations

import os
import secrets

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from components.storage.store import Store

POSTGRES_ENV = "BAS_TEST_POSTGRES_URL"
NO_POSTGRES = (
    f"PostgreSQL store tests need {POSTGRES_ENV} "
    "(run `tools/with_postgres.sh .venv/bin/python -m pytest`)"
)


def pytest_report_header(config):
    if os.environ.get(POSTGRES_ENV):
        return f"store backends: sqlite, postgresql ({POSTGRES_ENV} is set)"
    return f"store backends: sqlite only ({POSTGRES_ENV} is not set)"


@pytest.fixture(scope="session")
def postgres_admin():
    """An engine on the test PostgreSQL database, or a skip when there is none."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(NO_POSTGRES)
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    # A set-but-unreachable server is an error, never a skip.
    with engine.connect() as conn:
        conn.execute(sa.text("SELECT 1"))
    yield engine
    engine.dispose()


def postgres_url_with(base: str, **options: str) -> str:
    """`base` with server options (`-c name=value`) passed at connect time."""
    value = " ".join(f"-c{name}={setting}" for name, setting in options.items())
    return (
        make_url(base).update_query_dict({"options": value}).render_as_string(hide_password=False)
    )


@pytest.fixture
def postgres_schema(postgres_admin):
    """A fresh schema on the test server; its name, dropped afterwards."""
    schema = f"t_{secrets.token_hex(6)}"
    with postgres_admin.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    yield schema
    with postgres_admin.connect() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A database URL for one backend, empty at the start of the test."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'drafts.sqlite3'}"
    schema = request.getfixturevalue("postgres_schema")
    return postgres_url_with(os.environ[POSTGRES_ENV], search_path=schema)


@pytest.fixture
def store(store_url):
    """A Store on an empty database of each backend."""
    instance = Store(store_url)
    yield instance
    instance.close()
