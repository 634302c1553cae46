"""Neo4j away (graph/health.py, app/guard.py, graph/driver.py): the tests kill -9 an instance
of their own (`<YM_TEST_INSTANCE>-chaos`, holding `mini`) under reads and under writes, and
check readiness, the fast 503s, the recovery on the same and on a new Bolt port, and that every
answer tells the truth about what was written."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from app.asgi import create_app
from core import errors
from core.settings import get_settings
from graph.datasets import clear_database, load_dataset
from graph.driver import Database, Query, local_server, open_database
from graph.migrations import migrate
from graph.server import LocalNeo4j
from tests.conftest import INSTANCE, token

DISTRICT = ("DISTRICT_ADMIN", "RC")
READ = "{ organizations(first: 5) { totalCount nodes { name } } }"
CREATE = """mutation($y: ID!, $t: String!) {
  createAppeal(input: {youthId: $y, title: $t, category: CARE}) { key title } }"""
BY_TITLE = Query("test_appeal_titles", "MATCH (a:Appeal) WHERE a.title STARTS WITH $prefix "
                 "RETURN collect(a.title) AS titles")  # fmt: skip


@dataclass
class Chaos:
    server: LocalNeo4j
    db: Database
    app: Starlette
    http: httpx.AsyncClient

    async def post(self, query: str, variables: dict[str, Any] | None = None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token(*DISTRICT)}"}
        body = {"query": query, "variables": variables or {}}
        return await self.http.post("/graphql", json=body, headers=headers)

    def kill(self) -> None:
        pid = self.server.pid()
        assert pid is not None, "the chaos instance is not running"
        os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)  # it is our child when this session started it
        assert self.server.pid() is None


@dataclass
class Outcome:
    started: float
    seconds: float
    status: int
    codes: list[str]
    data: Any = None


@dataclass
class Load:
    """Requests sent in a loop by a few clients until stopped; every answer recorded."""

    outcomes: list[Outcome] = field(default_factory=list)
    stop: asyncio.Event = field(default_factory=asyncio.Event)


async def _until(check: Callable[[], Awaitable[bool]], timeout: float) -> float:
    """Polls `check` until it holds; returns the seconds it took (fails after `timeout`)."""
    started = time.monotonic()
    while not await check():
        assert time.monotonic() - started < timeout, f"not within {timeout} s"
        await asyncio.sleep(0.05)
    return time.monotonic() - started


async def _record(chaos: Chaos, load: Load, send: Callable[[], Awaitable[httpx.Response]]) -> None:
    while not load.stop.is_set():
        started = time.monotonic()
        response = await send()
        body = response.json()
        codes = [e.get("extensions", {}).get("code") for e in body.get("errors") or []]
        load.outcomes.append(
            Outcome(
                started, time.monotonic() - started, response.status_code, codes, body.get("data")
            )
        )
        if response.status_code == 503:
            assert response.headers["retry-after"] == str(get_settings().retry_after)
            await asyncio.sleep(0.05)  # a client backing off; not a wait for a state


@pytest.fixture(scope="module")
async def chaos() -> AsyncIterator[Chaos]:
    settings = get_settings()
    server = local_server(settings, f"{INSTANCE}-chaos")
    connection = await asyncio.to_thread(server.start)
    db = open_database(connection, settings)
    setup = db.for_setup(settings)
    await migrate(setup)
    await clear_database(setup)
    await load_dataset(setup, "mini")
    app = create_app(db=db, settings=settings, resolve=server.connection)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield Chaos(server, db, app, http)
    await app.state.health.stop()
    await db.close()
    await asyncio.to_thread(server.stop)


async def _ready(chaos: Chaos) -> bool:
    return (await chaos.http.get("/health/ready")).status_code == 200


async def _serving(chaos: Chaos) -> bool:
    response = await chaos.post(READ)
    return response.status_code == 200 and not response.json().get("errors")


async def _away(chaos: Chaos) -> float:
    """Seconds until readiness says 503, and checks what a client sees while Neo4j is away."""
    away = await _until(lambda: _not(_ready(chaos)), timeout=10)
    ready = await chaos.http.get("/health/ready")
    assert ready.status_code == 503 and ready.headers["retry-after"]
    started = time.monotonic()
    response = await chaos.post(READ)
    assert time.monotonic() - started < 2.0
    assert response.status_code == 503
    assert response.headers["retry-after"] == str(get_settings().retry_after)
    assert response.json()["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    download = await chaos.http.get(
        "/reports/partnership.csv", headers={"Authorization": f"Bearer {token(*DISTRICT)}"}
    )
    assert download.status_code == 503 and download.headers["retry-after"]
    assert download.json()["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    return away


async def _back(chaos: Chaos) -> float:
    """Seconds from Neo4j answering again (a fresh driver; a JVM just started on a busy machine
    is slow to answer anyone) to the API being ready and serving through its old driver: ready
    within 10 s; the first read may then still pay Neo4j's planning on a cold JVM."""
    fresh = open_database(chaos.server.connection(), get_settings().model_copy(
        update={"connection_timeout": 30.0, "acquisition_timeout": 30.0}))  # fmt: skip
    try:
        await fresh.with_timeout(120).read(Query("test_orgs", "MATCH (o:Organization) "
                                                 "RETURN count(o) AS n"))  # fmt: skip
    finally:
        await fresh.close()
    started = time.monotonic()
    ready = await _until(lambda: _ready(chaos), timeout=10)
    await _until(lambda: _serving(chaos), timeout=60)
    print(f"ready {ready:.2f} s, serving {time.monotonic() - started:.2f} s after Neo4j answered")
    return ready


async def _not(check: Awaitable[bool]) -> bool:
    return not await check


async def test_reads_while_neo4j_dies_and_comes_back_on_its_port(chaos: Chaos) -> None:
    await _until(lambda: _serving(chaos), timeout=30)
    port = chaos.server.connection().uri
    load = Load()
    clients = [asyncio.create_task(_record(chaos, load, lambda: chaos.post(READ)))
               for _ in range(4)]  # fmt: skip
    await _until(lambda: _has(load, 8), timeout=60)

    chaos.kill()
    killed = time.monotonic()
    away = await _away(chaos)
    assert away <= 2.0, f"readiness followed Neo4j after {away:.2f} s"

    await _until(lambda: _has_after(load, killed + away, 8), timeout=30)
    load.stop.set()
    await asyncio.gather(*clients)

    await asyncio.to_thread(chaos.server.start)
    assert chaos.server.connection().uri == port  # the port is kept across a crash
    back = await _back(chaos)

    for outcome in load.outcomes:
        assert (outcome.status, outcome.codes) in [
            (200, []), (503, ["SERVICE_UNAVAILABLE"]), (503, ["TIMEOUT"]),
        ], outcome  # fmt: skip
    during = [o for o in load.outcomes if o.started > killed + away]
    assert during and all(o.seconds < 2.0 for o in during), max(o.seconds for o in during)
    assert any(o.status == 503 for o in load.outcomes)
    print(f"ready 503 after {away:.2f} s; serving {back:.2f} s after Neo4j was up")


async def _has_after(load: Load, started: float, n: int) -> bool:
    return sum(o.started > started for o in load.outcomes) >= n


async def _has(load: Load, n: int) -> bool:
    return len(load.outcomes) >= n


async def test_writes_while_neo4j_dies_and_comes_back_on_a_new_port(chaos: Chaos) -> None:
    """Every acknowledged write is in the graph, every SERVICE_UNAVAILABLE one is not (an
    INCOMPLETE_COMMIT may be either); Neo4j restarted on another port is found again."""
    await _until(lambda: _serving(chaos), timeout=30)
    youth = (await chaos.post("{ youth(first: 1) { nodes { id } } }")).json()
    youth_id = youth["data"]["youth"]["nodes"][0]["id"]
    load = Load()
    titles: list[str] = []

    def writer(n: int) -> Callable[[], Awaitable[httpx.Response]]:
        def send() -> Awaitable[httpx.Response]:
            titles.append(f"chaos-{n}-{len(titles)}")
            return chaos.post(CREATE, {"y": youth_id, "t": titles[-1]})

        return send

    # one writer per task: each outcome is recorded right after its title was made
    clients = [asyncio.create_task(_record_titled(chaos, load, writer(n))) for n in range(3)]
    await _until(lambda: _has(load, 6), timeout=60)
    chaos.kill()
    await _away(chaos)

    old = chaos.server.connection().uri
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        new_port = s.getsockname()[1]
    moved = LocalNeo4j(chaos.server.state_dir, instance=chaos.server.home.name, port=new_port)
    load.stop.set()
    await asyncio.gather(*clients)
    await asyncio.to_thread(moved.start)
    assert chaos.server.connection().uri != old
    back = await _back(chaos)

    stored = set((await chaos.db.read(BY_TITLE, prefix="chaos-"))[0]["titles"])
    assert stored, "no write was acknowledged before the kill"
    for outcome in load.outcomes:
        title = outcome.data
        if outcome.codes == []:
            assert outcome.status == 200 and title in stored, outcome
        elif outcome.codes in (["SERVICE_UNAVAILABLE"], ["TIMEOUT"]):  # nothing was written
            assert outcome.status == 503 and title not in stored, outcome
        else:
            assert outcome.codes == ["INCOMPLETE_COMMIT"], outcome
    print(f"serving {back:.2f} s after Neo4j was up on a new port")


async def _record_titled(
    chaos: Chaos, load: Load, send: Callable[[], Awaitable[httpx.Response]]
) -> None:
    """As `_record`, keeping the title each write sent as the outcome's data."""
    while not load.stop.is_set():
        started = time.monotonic()
        response = await send()
        body = response.json()
        codes = [e.get("extensions", {}).get("code") for e in body.get("errors") or []]
        title = json.loads(response.request.content)["variables"]["t"]
        if not codes:
            assert body["data"]["createAppeal"]["title"] == title
        load.outcomes.append(
            Outcome(started, time.monotonic() - started, response.status_code, codes, title)
        )
        if response.status_code == 503:
            await asyncio.sleep(0.05)  # a client backing off; not a wait for a state


async def test_a_transaction_out_of_time_is_timeout(chaos: Chaos) -> None:
    """TIMEOUT, retryable, never INTERNAL: a statement that runs longer than its timeout."""
    slow = Query("test_slow", "UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 "
                 "RETURN count(x) AS n")  # fmt: skip
    with pytest.raises(errors.Timeout):
        await chaos.db.with_timeout(0.5).read(slow)
