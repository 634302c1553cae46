"""Test fixtures: one real Neo4j per test session (the project's own, or the one NEO4J_URI names).

Tests that read the demo district use `rencheng` (loaded once, reloaded only after a test changed
the graph); tests that write use `mini`, a small district loaded afresh for each test.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from app.asgi import create_app
from app.auth import mint_token
from core.ids import to_global_id
from core.principal import Role
from core.settings import get_settings
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
    server = local_server(settings, instance=os.environ.get("YM_TEST_INSTANCE", "test"))
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


# -- the API -----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def app(db: Database) -> Starlette:
    return create_app(db=db)


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


def token(role: str, org: str, account: str = "tester") -> str:
    return mint_token(get_settings(), account=account, role=Role[role], org_id=org)


class GraphQL:
    """Posts GraphQL documents as a given caller; returns the decoded response."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def __call__(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        as_: tuple[str, str] | None = None,
        bearer: str | None = None,
    ) -> dict[str, Any]:
        headers = {}
        if as_ is not None:
            headers["Authorization"] = f"Bearer {token(*as_)}"
        elif bearer is not None:
            headers["Authorization"] = f"Bearer {bearer}"
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture
def gql(client: httpx.AsyncClient) -> GraphQL:
    return GraphQL(client)


def gid(type_name: str, key: str) -> str:
    return to_global_id(type_name, key)


def data(result: dict[str, Any]) -> dict[str, Any]:
    """The data of a response that must have no errors."""
    assert not result.get("errors"), result.get("errors")
    return result["data"]


def error(result: dict[str, Any]) -> dict[str, Any]:
    """The one error of a response that must have failed: its message and extensions."""
    errors = result.get("errors")
    assert errors, f"expected an error, got {result}"
    return {"message": errors[0]["message"], **errors[0].get("extensions", {})}
