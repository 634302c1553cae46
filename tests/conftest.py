"""Test fixtures against real Neo4j servers: the project's own, or the one NEO4J_URI names.

Two databases, each dataset loaded once per session where it can be:
- `rencheng`, the demo district, read-only, on the instance `test` (YM_TEST_INSTANCE);
- `mini`, a small district of the same shape for tests that write, on the instance `test-mini`,
  loaded afresh before each test that asks for it (it is small), so a write never reaches the
  `rencheng` that every read test shares.
With an external server (NEO4J_URI) both live in its one database, and `rencheng` is reloaded
after a writing test, as before.

`gql` posts to the app over the database of the dataset fixture the test asked for.
"""

from __future__ import annotations

import os

# A busy machine plans and runs statements slowly: the tests' transactions get a generous limit
# (an explicit YM_QUERY_TIMEOUT still wins), so no test depends on the machine being fast.
os.environ.setdefault("YM_QUERY_TIMEOUT", "180")

from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from app.asgi import create_app
from app.auth import mint_token
from core.ids import to_global_id
from core.principal import Role
from core.settings import get_settings
from graph.datasets import clear_database, load_dataset, loaded_dataset
from graph.driver import Database, local_server, open_database, resolve_connection
from graph.migrations import migrate
from graph.server import Connection

INSTANCE = os.environ.get("YM_TEST_INSTANCE", "test")


@dataclass
class Store:
    """A test database and what it holds now."""

    db: Database
    app: Starlette
    holds: str | None = None

    @property
    def setup(self) -> Database:
        return self.db.for_setup(get_settings())  # set-up's timeout, retries on transient errors

    async def hold(self, dataset: str) -> Database:
        # a server kept running between sessions may hold it whole already (it is read-only)
        whole = ("rencheng", 1, True)
        if self.holds is None and dataset == "rencheng" and await loaded_dataset(self.db) == whole:
            self.holds = dataset
        if self.holds != dataset:
            await clear_database(self.setup)
            self.holds = None
            if dataset != "empty":
                await load_dataset(self.setup, dataset)
            self.holds = dataset
        return self.db


@pytest.fixture(scope="session")
def connections() -> Iterator[tuple[Connection, Connection]]:
    """(the read-only server, the writable server): the same one when NEO4J_URI is set."""
    settings = get_settings()
    if settings.neo4j_uri:
        external = resolve_connection(settings)
        yield external, external
        return
    servers = [local_server(settings, INSTANCE), local_server(settings, f"{INSTANCE}-mini")]
    started = [not server.is_running() for server in servers]
    servers[0].ensure_runtime()  # the jars both share, copied once before they start
    with ThreadPoolExecutor(2) as pool:  # two JVMs start in the time of one
        read, write = pool.map(lambda server: server.start(), servers)
    yield read, write
    for server, here in zip(servers, started, strict=True):
        if here:
            server.stop()


async def _store(connection: Connection) -> Store:
    settings = get_settings()
    db = open_database(connection, settings)
    await migrate(db.for_setup(settings))
    return Store(db, create_app(db=db))


@pytest.fixture(scope="session")
async def stores(connections: tuple[Connection, Connection]) -> AsyncIterator[dict[str, Store]]:
    read, write = connections
    reading = await _store(read)
    writing = reading if write == read else await _store(write)
    yield {"read": reading, "write": writing}
    await reading.db.close()
    if writing is not reading:
        await writing.db.close()


@pytest.fixture
async def rencheng(stores: dict[str, Store]) -> Database:
    """The demo district, read-only: a test that writes uses `mini` instead."""
    return await stores["read"].hold("rencheng")


@pytest.fixture
async def mini(stores: dict[str, Store]) -> Database:
    """A small district of the same shape, fresh for each test (tests may write to it)."""
    store = stores["write"]
    store.holds = None  # the previous test may have written: load afresh
    return await store.hold("mini")


@pytest.fixture
async def empty(stores: dict[str, Store]) -> Database:
    store = stores["write"]
    store.holds = None
    return await store.hold("empty")


@pytest.fixture
def db(request: pytest.FixtureRequest, stores: dict[str, Store]) -> Database:
    """The database of the test's dataset fixture (for tests that read the graph directly)."""
    return _store_for(request, stores).db


def _store_for(request: pytest.FixtureRequest, stores: dict[str, Store]) -> Store:
    writes = {"mini", "empty"} & set(request.fixturenames)
    return stores["write" if writes else "read"]


# -- the API -----------------------------------------------------------------------------------


@pytest.fixture
def app(request: pytest.FixtureRequest, stores: dict[str, Store]) -> Starlette:
    return _store_for(request, stores).app


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
