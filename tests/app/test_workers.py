"""Two real API worker processes (uvicorn on loopback ports) over one Neo4j (the `mini` district)
and the project's own broker (NATS, graph/natsd.py): a write through one worker is seen by the
next read on the other, and a subscriber on one receives an acknowledgement made on the other."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import neo4j.time
import pytest
from websockets.asyncio.client import connect
from websockets.typing import Subprotocol

from app.auth import jwt_secret
from core.settings import get_settings
from graph import broker
from graph.driver import Database
from graph.natsd import LocalNats
from graph.server import Connection
from resolvers.mobilization import acknowledgements
from tests.conftest import INSTANCE, data, gid, token

BRANCHES = """query($org: ID!) {
  organizations(first: 100, filter: {under: $org, kind: GRID_BRANCH}) { totalCount } }"""
CREATE_ORG = """mutation($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { id key } }"""
ISSUE = """mutation { issueNotice(title: "防汛值守", body: "请各网格团支部安排值守。",
  urgency: URGENT) { id key } }"""
ACK = """mutation($notice: ID!) { acknowledgeNotice(noticeId: $notice) {
  organization { key } minutes recorded } }"""
SUBSCRIBE = """subscription($notice: ID!) { noticeAcknowledged(noticeId: $notice) {
  notice { key } organization { key name } at minutes late recorded by } }"""
TOWN_1 = ("TOWN_ADMIN", "RC-T01")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def broker_url() -> Iterator[str]:
    """The project's own broker, started for this module and stopped after it."""
    nats = LocalNats(get_settings().state_dir, f"{INSTANCE}-workers")
    url = nats.start()
    yield url
    nats.stop()


@pytest.fixture
async def workers(
    mini: Database, connections: tuple[Connection, Connection], broker_url: str, tmp_path: Path
) -> AsyncIterator[list[str]]:
    """Two `uvicorn app.asgi:create_app --factory` processes over the `mini` database."""
    conn = connections[1]
    settings = get_settings()
    env = {
        **os.environ,
        **dict(line.split("=", 1) for line in conn.env_lines().splitlines()),
        "YM_BROKER_URL": broker_url,
        "YM_JWT_SECRET": jwt_secret(settings),
        "YM_STATE_DIR": str(settings.state_dir.resolve()),
        "YM_WORKERS": "2",
    }
    ports = [_free_port(), _free_port()]
    command = [sys.executable, "-m", "uvicorn", "app.asgi:create_app", "--factory",
               "--host", "127.0.0.1", "--log-level", "warning"]  # fmt: skip
    procs = [
        subprocess.Popen(
            [*command, "--port", str(port)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=(tmp_path / f"worker-{port}.log").open("wb"),
        )
        for port in ports
    ]
    bases = [f"127.0.0.1:{port}" for port in ports]
    try:
        deadline = time.monotonic() + 120  # generous: the machine is shared
        async with httpx.AsyncClient() as http:
            for proc, base in zip(procs, bases, strict=True):
                while True:
                    assert proc.poll() is None, _logs(tmp_path)
                    try:
                        if (await http.get(f"http://{base}/health/ready")).status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    assert time.monotonic() < deadline, "a worker did not become ready"
                    await asyncio.sleep(0.2)
        yield bases
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def _logs(folder: Path) -> str:
    return "\n".join(p.read_text()[-3000:] for p in sorted(folder.glob("worker-*.log")))


async def _post(
    http: httpx.AsyncClient, base: str, query: str, variables: dict[str, Any], as_: tuple[str, str]
) -> dict[str, Any]:
    response = await http.post(
        f"http://{base}/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token(*as_)}"},
    )
    assert response.status_code == 200, response.text
    return data(response.json())


async def test_a_write_through_one_worker_is_read_at_once_on_the_other(
    workers: list[str],
) -> None:
    first, second = workers
    town = gid("Organization", "RC-T01")
    async with httpx.AsyncClient(timeout=60) as http:
        # the second worker memoises the town admin's scope (30 s): the organisations it sees
        before = await _post(http, second, BRANCHES, {"org": town}, TOWN_1)
        again = await _post(http, second, BRANCHES, {"org": town}, TOWN_1)
        assert again == before
        community = (await _post(http, second, "{ organizations(first: 1, filter: {kind: "
                                 "COMMUNITY_BRANCH, under: \"" + town + "\"}) { nodes { id } } }",
                                 {}, TOWN_1))["organizations"]["nodes"][0]  # fmt: skip
        # a new grid branch through the first worker
        created = (
            await _post(http, first, CREATE_ORG, {"input": {
                "name": "跨进程测试网格团支部", "kind": "GRID_BRANCH",
                "parentId": community["id"], "establishedAt": "2021-05-04"}}, TOWN_1)
        )["createOrganization"]  # fmt: skip
        # the second worker's next read sees it: its memoised scope was dropped at once
        after = await _post(http, second, BRANCHES, {"org": town}, TOWN_1)
        count = before["organizations"]["totalCount"]
        assert after["organizations"]["totalCount"] == count + 1
        node = await _post(
            http, second, "query($id: ID!) { node(id: $id) { id } }", {"id": created["id"]}, TOWN_1
        )
        assert node["node"] == {"id": created["id"]}


PUBLISHER = """
import asyncio, datetime, sys
import neo4j.time
from graph import broker
from resolvers.mobilization import acknowledgements

async def main() -> None:
    await broker.connect(sys.argv[1])
    zone = datetime.timezone(datetime.timedelta(hours=8))
    at = neo4j.time.DateTime(2021, 7, 1, 9, 30, 0, tzinfo=zone)
    event = {"organization": {"props": {"id": "RC-T01-C01-B03"}, "labels": ["GridBranch"]},
             "at": at, "minutes": 2.5, "late": False, "created": True}
    await acknowledgements.publish("NO-X1", event)
    await broker.disconnect()

asyncio.run(main())
"""


async def test_an_acknowledgement_published_by_one_process_reaches_a_subscriber_in_another(
    broker_url: str,
) -> None:
    """The pub/sub the resolvers use (resolvers/pubsub.py), between two real processes through
    the project's broker: the payload arrives whole, its Neo4j DateTime still one."""
    await broker.connect(broker_url)
    try:
        async with acknowledgements.subscribe("NO-X1") as queue:
            other = await asyncio.create_subprocess_exec(
                sys.executable, "-c", PUBLISHER, broker_url
            )
            assert await asyncio.wait_for(other.wait(), 60) == 0
            event = await asyncio.wait_for(queue.get(), 30)
    finally:
        await broker.disconnect()
    assert event["organization"]["props"]["id"] == "RC-T01-C01-B03"
    assert (event["minutes"], event["late"], event["created"]) == (2.5, False, True)
    assert isinstance(event["at"], neo4j.time.DateTime)
    assert event["at"].to_native().isoformat() == "2021-07-01T09:30:00+08:00"


async def test_a_subscriber_on_one_worker_receives_an_acknowledgement_made_on_the_other(
    workers: list[str],
) -> None:
    first, second = workers
    async with httpx.AsyncClient(timeout=60) as http:
        notice = (await _post(http, first, ISSUE, {}, TOWN_1))["issueNotice"]
        async with connect(
            f"ws://{second}/graphql", subprotocols=[Subprotocol("graphql-transport-ws")]
        ) as socket_:
            init = {"Authorization": f"Bearer {token(*TOWN_1)}"}
            await socket_.send(json.dumps({"type": "connection_init", "payload": init}))
            assert json.loads(await socket_.recv())["type"] == "connection_ack"
            payload = {"query": SUBSCRIBE, "variables": {"notice": notice["id"]}}
            await socket_.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
            # the subscription listens once its notice check has read the graph; acknowledge
            # until the push arrives (an acknowledgement made before it listened is not pushed,
            # and acknowledging again records nothing new), one branch after another
            pushed: dict[str, Any] | None = None
            branches = ["RC-T01-C01-B03", "RC-T01-C01-B02", "RC-T01-C02-B02", "RC-T01-C02-B03"]
            acked: dict[str, Any] = {}
            for branch in branches:
                await asyncio.sleep(1.0)
                cadre = ("GRID_CADRE", branch)
                ack = await _post(http, first, ACK, {"notice": notice["id"]}, cadre)
                acked[branch] = ack["acknowledgeNotice"]
                try:
                    pushed = json.loads(await asyncio.wait_for(socket_.recv(), 10))
                    break
                except TimeoutError:
                    continue
            assert pushed is not None, "no acknowledgement was pushed across workers"
            assert (pushed["type"], pushed["id"]) == ("next", "1")
            event = pushed["payload"]["data"]["noticeAcknowledged"]
            branch = event["organization"]["key"]
            assert event["notice"]["key"] == notice["key"]
            assert branch in acked and acked[branch]["recorded"] is True
            assert event["minutes"] == acked[branch]["minutes"]
            assert (event["late"], event["recorded"], event["by"]) == (False, True, "tester")
            assert event["at"]  # a DateTime sent through the broker and back


async def test_concurrent_memo_lookups_share_the_brokers_flushes(broker_url: str) -> None:
    """Fifty requests checking their memos at once send at most two flushes to the broker, and
    each still sees a write another process announced before it asked."""
    bus = await broker.NatsBus.connect(broker_url)
    other = await broker.NatsBus.connect(broker_url)  # another process's bus
    flushes = 0
    flush = bus.client.flush

    async def counted(timeout: float) -> None:
        nonlocal flushes
        flushes += 1
        await flush(timeout=timeout)

    bus.client.flush = counted
    try:
        await bus.sync()
        before, flushes = bus.generation, 0
        await other.wrote()  # announced (the broker has it) before the lookups begin
        await asyncio.gather(*(bus.sync() for _ in range(50)))
        assert flushes <= 2
        assert bus.generation > before
    finally:
        await bus.close()
        await other.close()
