"""Test fixtures: one real Neo4j per test session (the project's own, or the one NEO4J_URI names).

Tests that read the demo district use `rencheng` (loaded once, reloaded only after a test changed
the graph); tests that write use `mini`, a small district loaded afresh for each test.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from app.settings import get_settings
from graph.datasets import clear_database, load_dataset
from graph.driver import Database, local_server, open_database, resolve_connection
from graph.migrations import migrate
from graph.server import Connection

_loaded: dict[str, str | None] = {"dataset": None}


@pytest.fixture(scope="session")
def neo4j_connection() -> Iterator[Connection]:
    settings = get_settings()
    if settings.neo4j_uri:
        yield resolve_connection(settings)
        return
    server = local_server(settings, instance="test")
    started_here = not server.is_running()
    connection = server.start()
    yield connection
    if started_here:
        server.stop()


@pytest.fixture(scope="session")
async def db(neo4j_connection: Connection) -> AsyncIterator[Database]:
    database = open_database(neo4j_connection, get_settings())
    await migrate(database)
    yield database
    await database.close()


async def _load(db: Database, name: str) -> Database:
    await clear_database(db)
    _loaded["dataset"] = None
    await load_dataset(db, name)
    _loaded["dataset"] = name
    return db


@pytest.fixture
async def rencheng(db: Database) -> Database:
    """The demo district, read-only: a test that writes to it must use `mini` instead."""
    if _loaded["dataset"] != "rencheng":
        await _load(db, "rencheng")
    return db


@pytest.fixture
async def mini(db: Database) -> Database:
    """A small district of the same shape, fresh for each test (tests may write to it)."""
    await _load(db, "mini")
    _loaded["dataset"] = "mini-dirty"
    return db


@pytest.fixture
async def empty(db: Database) -> Database:
    await clear_database(db)
    _loaded["dataset"] = None
    return db
