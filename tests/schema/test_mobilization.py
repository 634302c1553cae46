"""Mobilization: reach through the WeChat tower, notices, acknowledgements (late, idempotent,
scoped) and the noticeAcknowledged subscription over a real websocket."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

from app.asgi import create_app
from core.settings import Settings, get_settings
from graph.driver import Database, Query
from resolvers.mobilization import acknowledgements
from tests.conftest import GraphQL, data, error, gid, token

DISTRICT = ("DISTRICT_ADMIN", "RC")
TOWN_1 = ("TOWN_ADMIN", "RC-T01")
COUNT = Query("test_count", "MATCH (n) RETURN count(n) AS nodes, COUNT { ()-->() } AS rels")
GROUPLESS = Query(
    "test_groupless_branches",
    "MATCH (b:GridBranch) WHERE NOT EXISTS { (:ChatGroup)-[:OF]->(b) } RETURN b.id AS id",
)
GRIDS_OF = Query(
    "test_grids_of",
    "MATCH (g:Grid)-[:SERVED_BY]->(b:GridBranch) WHERE b.id IN $branches RETURN g.id AS id",
)

REACH = """query($org: ID, $urgency: Urgency!, $first: Int, $after: String, $filter: ReachFilter) {
  reach(orgId: $org, urgency: $urgency, first: $first, after: $after, filter: $filter) {
    organization { key } origin { key } urgency promiseMinutes
    relayMinutes { town community grid fallback }
    summary { units gridBranches grids direct fallback unreachable withinPromise late maxMinutes }
    units { totalCount pageInfo { hasNextPage endCursor } nodes {
      unit { key __typename } kind status statusLabel servedBy { key } group { key }
      hops minutes withinPromise
      path { from { key } to { key } level minutes carriers { key } } } } } }"""


async def _counts(db: Database) -> dict[str, int]:
    return (await db.read(COUNT))[0]


# -- reach ---------------------------------------------------------------------------------------


async def test_reach_finds_exactly_the_groupless_grid_branches(
    rencheng: Database, gql: GraphQL
) -> None:
    groupless = {row["id"] for row in await rencheng.read(GROUPLESS)}
    assert len(groupless) == 5
    their_grids = {row["id"] for row in await rencheng.read(GRIDS_OF, branches=list(groupless))}
    result = await gql(
        REACH,
        {"urgency": "URGENT", "first": 100, "filter": {"status": ["FALLBACK", "UNREACHABLE"]}},
        as_=DISTRICT,
    )
    assert result["extensions"]["cypherRoundTrips"] == 1  # the whole district in one query
    report = data(result)["reach"]
    summary = report["summary"]
    assert (summary["units"], summary["gridBranches"]) == (1034 + 1184, 1034)
    assert summary["fallback"] == len(groupless) + len(their_grids)
    assert summary["unreachable"] == 0
    assert summary["direct"] == summary["units"] - summary["fallback"]
    assert summary["withinPromise"] == summary["direct"]  # 0.5 + 1 + 1 minutes ≤ 3
    assert (summary["late"], summary["maxMinutes"]) == (summary["fallback"], 11.5)
    units = report["units"]["nodes"]
    branches = {u["unit"]["key"] for u in units if u["kind"] == "GRID_BRANCH"}
    assert branches == groupless
    assert {u["unit"]["key"] for u in units if u["kind"] == "GRID"} == their_grids
    for unit in units:
        community = unit["servedBy"]["key"].rsplit("-", 1)[0]
        assert unit["status"] == "FALLBACK" and unit["statusLabel"] == "经社区群转达"
        assert unit["group"]["key"] == f"CG-{community}"  # told in the community's group
        assert [hop["to"]["key"] for hop in unit["path"]] == [
            f"CG-{community.rsplit('-', 1)[0]}",
            f"CG-{community}",
        ]
        assert (unit["minutes"], unit["withinPromise"]) == (11.5, False)


async def test_a_direct_path_hop_by_hop(rencheng: Database, gql: GraphQL) -> None:
    report = data(await gql(REACH, {"urgency": "GENERAL", "first": 3}, as_=DISTRICT))["reach"]
    assert (report["origin"]["key"], report["promiseMinutes"]) == ("CG-RC", 10)
    assert report["relayMinutes"] == {"town": 0.5, "community": 1.0, "grid": 1.0, "fallback": 10.0}
    assert report["units"]["totalCount"] == 2218
    first = report["units"]["nodes"][0]  # units by key: the first community's first branch
    assert first["unit"] == {"key": "RC-T01-C01-B01", "__typename": "Organization"}
    assert (first["status"], first["hops"], first["minutes"]) == ("DIRECT", 3, 2.5)
    assert [
        (h["from"]["key"], h["to"]["key"], h["level"], h["minutes"]) for h in first["path"]
    ] == [
        ("CG-RC", "CG-RC-T01", 1, 0.5),
        ("CG-RC-T01", "CG-RC-T01-C01", 2, 1.0),
        ("CG-RC-T01-C01", "CG-RC-T01-C01-B01", 3, 1.0),
    ]
    secretaries = Query(
        "test_secretaries",
        "MATCH (c:Cadre)-[:SERVES_IN {post: 'SECRETARY'}]->(o:Organization) "
        "WHERE o.id IN ['RC', 'RC-T01', 'RC-T01-C01'] RETURN o.id AS org, c.id AS cadre",
    )
    carrier = {row["org"]: row["cadre"] for row in await rencheng.read(secretaries)}
    # each hop is carried by the upper organisation's secretary (administers the upper group,
    # instructs in the lower one)
    assert [[c["key"] for c in h["carriers"]] for h in first["path"]] == [
        [carrier["RC"]],
        [carrier["RC-T01"]],
        [carrier["RC-T01-C01"]],
    ]
    following = data(
        await gql(
            REACH,
            {"urgency": "GENERAL", "first": 3, "after": report["units"]["pageInfo"]["endCursor"]},
            as_=DISTRICT,
        )
    )["reach"]["units"]["nodes"]
    assert following and following[0]["unit"]["key"] > report["units"]["nodes"][-1]["unit"]["key"]


async def test_relay_minutes_are_configurable(rencheng: Database) -> None:
    """Slow grid groups (3 minutes a hop) break the urgent promise but keep the general one."""
    settings = Settings(relay_minutes={"GRID": 3.0})
    assert settings.relay_minutes == {"TOWN": 0.5, "COMMUNITY": 1.0, "GRID": 3.0, "FALLBACK": 10.0}
    app = create_app(db=rencheng, settings=settings)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as http:
        gql = GraphQL(http)
        variables = {"org": gid("Organization", "RC-T01"), "first": 100}
        urgent = data(await gql(REACH, {**variables, "urgency": "URGENT"}, as_=DISTRICT))["reach"]
        general = data(await gql(REACH, {**variables, "urgency": "GENERAL"}, as_=DISTRICT))["reach"]
    branchless = Query(
        "test_branchless_grids",
        "MATCH (g:Grid)-[:WITHIN]->(:CommunityBranch)-[:UNDER]->(:TownCommittee {id: 'RC-T01'}) "
        "WHERE NOT EXISTS { (g)-[:SERVED_BY]->() } RETURN count(g) AS grids",
    )
    served_by_community = (await rencheng.read(branchless))[0]["grids"]
    assert served_by_community > 0
    # from a town: 1 + 3 minutes to a grid branch (and its grid), 1 to a grid without a branch
    for unit in urgent["units"]["nodes"]:
        expected = 1.0 if unit["servedBy"]["key"].count("-") == 2 else 4.0
        assert (unit["minutes"], unit["withinPromise"]) == (expected, expected <= 3)
    assert urgent["summary"]["withinPromise"] == served_by_community
    assert general["summary"]["withinPromise"] == general["summary"]["units"]


async def test_reach_is_scoped(rencheng: Database, gql: GraphQL) -> None:
    town = data(await gql(REACH, {"urgency": "URGENT", "first": 100}, as_=TOWN_1))["reach"]
    assert town["organization"]["key"] == "RC-T01"  # the caller's own by default
    assert all(u["unit"]["key"].startswith("RC-T01-") for u in town["units"]["nodes"])
    assert town["summary"]["fallback"] == 0
    failed = error(await gql(REACH, {"urgency": "URGENT", "org": gid("Organization", "RC")},
                             as_=TOWN_1))  # fmt: skip
    assert (failed["code"], failed["field"]) == ("NOT_FOUND", "orgId")
    committee = gid("Organization", "RC-IC-01")
    failed = error(await gql(REACH, {"urgency": "URGENT", "org": committee}, as_=DISTRICT))
    assert (failed["code"], failed["field"]) == ("BAD_USER_INPUT", "orgId")
    branch = data(await gql(REACH, {"urgency": "URGENT"}, as_=("GRID_CADRE", "RC-T01-C01-B01")))
    units = branch["reach"]["units"]["nodes"]
    assert [(u["kind"], u["hops"], u["minutes"]) for u in units] == [
        ("GRID_BRANCH", 0, 0.0),
        ("GRID", 0, 0.0),
    ]
    assert error(await gql(REACH, {"urgency": "URGENT"}))["code"] == "UNAUTHENTICATED"


async def test_a_hop_nobody_carries_falls_back(mini: Database, gql: GraphQL) -> None:
    """Without its secretary, a community's group relays to no branch group: its branches are
    told in the community's group (FALLBACK) instead."""
    before = data(await gql(REACH, {"urgency": "URGENT", "first": 100}, as_=DISTRICT))["reach"]
    assert {u["unit"]["key"] for u in before["units"]["nodes"] if u["status"] == "FALLBACK"} == {
        "RC-T01-C01-B02",  # mini's grid branch without a group, and its grid
        "RC-T01-C01-G02",
    }
    secretary = Query(
        "test_archive_secretary",
        "MATCH (c:Cadre)-[:SERVES_IN {post: 'SECRETARY'}]->(:Organization {id: 'RC-T01-C02'}) "
        "SET c.archivedAt = datetime() RETURN c.id AS id",
    )
    assert await mini.write(secretary)
    after = data(await gql(REACH, {"urgency": "URGENT", "first": 100}, as_=DISTRICT))["reach"]
    fallback = {u["unit"]["key"] for u in after["units"]["nodes"] if u["status"] == "FALLBACK"}
    assert fallback == {
        "RC-T01-C01-B02", "RC-T01-C01-G02",
        "RC-T01-C02-B02", "RC-T01-C02-B03", "RC-T01-C02-G02", "RC-T01-C02-G03",
    }  # fmt: skip
    assert after["summary"]["fallback"] == 6


# -- notices -------------------------------------------------------------------------------------

ISSUE = """mutation($title: String!, $body: String!, $urgency: Urgency!, $org: ID) {
  issueNotice(title: $title, body: $body, urgency: $urgency, orgId: $org) {
    id key title urgency urgencyLabel promiseMinutes issuedAt issuedBy { key } } }"""
ACK = """mutation($notice: ID!, $org: ID) {
  acknowledgeNotice(noticeId: $notice, organizationId: $org) {
    notice { key } organization { key } at minutes late state stateLabel by recorded } }"""
STATUS = """query($notice: ID!, $filter: NoticeStatusFilter) {
  noticeStatus(noticeId: $notice, first: 100, filter: $filter) {
    notice { key } promiseMinutes deadline
    summary { addressees acknowledged onTime late pending overdue shareOnTime averageMinutes
              medianMinutes maxMinutes }
    organizations { totalCount nodes { organization { key } state at minutes by } } } }"""
ADDRESSED = Query(
    "test_addressed",
    "MATCH (:Notice {id: $notice})-[:ADDRESSED_TO]->(b) RETURN b.id AS id ORDER BY id",
)
ACKS = Query(
    "test_acks",
    "MATCH (:Notice {id: $notice})-[r:ACKNOWLEDGED_BY]->(b) RETURN b.id AS id, r.at AS at",
)
TOWN_1_BRANCHES = ["RC-T01-C01-B02", "RC-T01-C01-B03", "RC-T01-C02-B02", "RC-T01-C02-B03"]


async def _issue(gql: GraphQL, urgency: str = "GENERAL", as_: Any = TOWN_1) -> dict[str, Any]:
    given = {
        "title": "关于开展防汛值守的通知",
        "body": "请各网格团支部安排值守。",
        "urgency": urgency,
    }
    return data(await gql(ISSUE, given, as_=as_))["issueNotice"]


async def test_issue_notice_records_who_must_acknowledge(mini: Database, gql: GraphQL) -> None:
    notice = await _issue(gql)
    assert (notice["issuedBy"]["key"], notice["urgencyLabel"], notice["promiseMinutes"]) == (
        "RC-T01",
        "一般",
        10,
    )
    addressed = [row["id"] for row in await mini.read(ADDRESSED, notice=notice["key"])]
    assert addressed == TOWN_1_BRANCHES  # every active grid branch of the town
    status = data(await gql(STATUS, {"notice": notice["id"]}, as_=TOWN_1))["noticeStatus"]
    assert status["promiseMinutes"] == 10
    assert status["summary"] == {
        "addressees": 4, "acknowledged": 0, "onTime": 0, "late": 0, "pending": 4, "overdue": 0,
        "shareOnTime": 0.0, "averageMinutes": None, "medianMinutes": None, "maxMinutes": None,
    }  # fmt: skip
    assert [n["organization"]["key"] for n in status["organizations"]["nodes"]] == addressed
    # a district notice reaches the whole district; the town sees its own branches' part
    district = await _issue(gql, as_=DISTRICT)
    assert len(await mini.read(ADDRESSED, notice=district["key"])) == 8
    part = data(await gql(STATUS, {"notice": district["id"]}, as_=TOWN_1))["noticeStatus"]
    assert part["summary"]["addressees"] == 4


async def test_acknowledgements_are_idempotent_and_on_time(mini: Database, gql: GraphQL) -> None:
    notice = await _issue(gql, urgency="URGENT")
    cadre = ("GRID_CADRE", "RC-T01-C01-B03")
    first = data(await gql(ACK, {"notice": notice["id"]}, as_=cadre))["acknowledgeNotice"]
    assert first["organization"]["key"] == "RC-T01-C01-B03"
    assert (first["late"], first["state"], first["stateLabel"], first["recorded"]) == (
        False,
        "ON_TIME",
        "按时签收",
        True,
    )
    assert first["by"] == "tester" and 0 <= first["minutes"] < 3
    again = data(await gql(ACK, {"notice": notice["id"], "org": gid("Organization",
                 "RC-T01-C01-B03")}, as_=cadre))["acknowledgeNotice"]  # fmt: skip
    assert again["recorded"] is False
    assert (again["at"], again["late"]) == (first["at"], first["late"])  # the first one stands
    assert len(await mini.read(ACKS, notice=notice["key"])) == 1
    status = data(await gql(STATUS, {"notice": notice["id"]}, as_=TOWN_1))["noticeStatus"]
    assert status["summary"]["acknowledged"] == status["summary"]["onTime"] == 1
    assert (status["summary"]["pending"], status["summary"]["shareOnTime"]) == (3, 0.25)
    mine = data(await gql(STATUS, {"notice": notice["id"]}, as_=cadre))["noticeStatus"]
    assert [n["organization"]["key"] for n in mine["organizations"]["nodes"]] == ["RC-T01-C01-B03"]


async def test_an_acknowledgement_past_the_promise_is_late(mini: Database, gql: GraphQL) -> None:
    notice = await _issue(gql, urgency="URGENT")
    an_hour_ago = Query(
        "test_issued_an_hour_ago",
        "MATCH (n:Notice {id: $notice}) SET n.issuedAt = n.issuedAt - duration('PT1H')",
    )
    await mini.write(an_hour_ago, notice=notice["key"])
    late = data(await gql(ACK, {"notice": notice["id"]}, as_=("GRID_CADRE", "RC-T01-C02-B02")))
    ack = late["acknowledgeNotice"]
    assert (ack["late"], ack["state"], ack["stateLabel"]) == (True, "LATE", "超时签收")
    assert 60 <= ack["minutes"] < 62
    status = data(await gql(STATUS, {"notice": notice["id"], "filter": {"state": ["LATE"]}},
                            as_=DISTRICT))["noticeStatus"]  # fmt: skip
    assert status["summary"]["late"] == 1
    assert status["summary"]["overdue"] == 3  # the others are pending past the deadline
    assert status["organizations"]["totalCount"] == 1
    assert status["organizations"]["nodes"][0]["organization"]["key"] == "RC-T01-C02-B02"
    stored = Query(
        "test_ack_stored",
        "MATCH (:Notice {id: $notice})-[r:ACKNOWLEDGED_BY]->() RETURN r.late AS late, r.by AS by",
    )
    assert await mini.read(stored, notice=notice["key"]) == [{"late": True, "by": "tester"}]


async def test_the_datasets_notices_report_their_status(rencheng: Database, gql: GraphQL) -> None:
    """Issued before addressees were recorded: the issuer's grid branches must acknowledge."""
    status = data(await gql(STATUS, {"notice": gid("Notice", "NO-0001")}, as_=DISTRICT))
    summary = status["noticeStatus"]["summary"]
    counts = Query(
        "test_notice_counts",
        """MATCH (n:Notice {id: 'NO-0001'})
           RETURN COUNT { (n)-[:ACKNOWLEDGED_BY]->() } AS acknowledged,
                  COUNT { (n)-[r:ACKNOWLEDGED_BY]->() WHERE r.at <= n.issuedAt
                          + duration('PT3M') } AS onTime""",
    )
    expected = (await rencheng.read(counts))[0]
    assert summary["addressees"] == 1034
    assert (summary["acknowledged"], summary["onTime"]) == (
        expected["acknowledged"],
        expected["onTime"],
    )
    assert summary["pending"] == summary["overdue"] == 1034 - expected["acknowledged"]
    assert summary["shareOnTime"] == round(expected["onTime"] / 1034, 4)
    assert 0 < summary["medianMinutes"] <= summary["averageMinutes"] <= summary["maxMinutes"]


async def test_bad_acknowledgements_write_nothing(mini: Database, gql: GraphQL) -> None:
    notice = await _issue(gql)
    before = await _counts(mini)
    cases = [
        # another organisation than the token's
        ({"notice": notice["id"], "org": gid("Organization", "RC-T01-C02-B02")},
         ("GRID_CADRE", "RC-T01-C01-B03"), "FORBIDDEN", "organizationId"),
        # a notice that does not exist, or is not the branch's (another town's)
        ({"notice": gid("Notice", "NO-NOPE")}, ("GRID_CADRE", "RC-T01-C01-B03"),
         "NOT_FOUND", "noticeId"),
        ({"notice": notice["id"]}, ("GRID_CADRE", "RC-T02-C01-B01"), "NOT_FOUND", "noticeId"),
        # a community sees its branches' notice but is not asked to acknowledge it
        ({"notice": notice["id"]}, ("COMMUNITY_CADRE", "RC-T01-C01"), "BAD_USER_INPUT",
         "noticeId"),
        ({"notice": gid("Organization", "RC-T01")}, ("GRID_CADRE", "RC-T01-C01-B03"),
         "BAD_USER_INPUT", "noticeId"),
    ]  # fmt: skip
    for variables, caller, code, field in cases:
        failed = error(await gql(ACK, variables, as_=caller))
        assert (failed["code"], failed.get("field")) == (code, field), (variables, failed)
    assert (
        error(await gql(ACK, {"notice": notice["id"]}, as_=("INSPECTOR", "RC-T01-C01-B03")))["code"]
        == "FORBIDDEN"
    )
    assert await _counts(mini) == before


async def test_bad_notices_write_nothing(mini: Database, gql: GraphQL) -> None:
    before = await _counts(mini)
    good = {"title": "通知", "body": "内容", "urgency": "URGENT"}
    cases = [
        ({**good, "title": "  "}, TOWN_1, "BAD_USER_INPUT", "title"),
        ({**good, "body": ""}, TOWN_1, "BAD_USER_INPUT", "body"),
        ({**good, "org": gid("Organization", "RC-T01-C01-B03")}, TOWN_1, "BAD_USER_INPUT",
         "orgId"),
        ({**good, "org": gid("Organization", "RC-T02")}, TOWN_1, "NOT_FOUND", "orgId"),
        ({**good, "org": gid("Grid", "RC-T01-C01-G01")}, TOWN_1, "BAD_USER_INPUT", "orgId"),
        (good, ("INSPECTOR", "RC"), "FORBIDDEN", None),
    ]  # fmt: skip
    for variables, caller, code, field in cases:
        failed = error(await gql(ISSUE, variables, as_=caller))
        assert (failed["code"], failed.get("field")) == (code, field), (variables, failed)
    assert await _counts(mini) == before


# -- the subscription, end to end over a real websocket -----------------------------------------


@pytest.fixture
async def live_server(mini: Database) -> AsyncIterator[str]:
    """The app served by uvicorn on a free local port, in this event loop."""
    app: Starlette = create_app(db=mini, settings=get_settings())
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="off", log_level="warning")
    )
    task = asyncio.create_task(server.serve())
    while not server.started:
        assert not task.done(), "uvicorn did not start"
        await asyncio.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"127.0.0.1:{port}"
    server.should_exit = True
    await task


PROTOCOL = Subprotocol("graphql-transport-ws")

SUBSCRIBE = """subscription($notice: ID!) { noticeAcknowledged(noticeId: $notice) {
  notice { key } organization { key name } late state minutes recorded by } }"""


async def _socket(host: str, bearer: str | None) -> ClientConnection:
    socket = await connect(f"ws://{host}/graphql", subprotocols=[PROTOCOL])
    payload = {"Authorization": f"Bearer {bearer}"} if bearer else {}
    await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
    assert json.loads(await socket.recv())["type"] == "connection_ack"
    return socket


async def _subscribe(socket: ClientConnection, notice: str, op: str = "1") -> None:
    message = {"query": SUBSCRIBE, "variables": {"notice": notice}}
    await socket.send(json.dumps({"id": op, "type": "subscribe", "payload": message}))


async def _next(socket: ClientConnection, timeout: float = 10) -> dict[str, Any]:
    return json.loads(await asyncio.wait_for(socket.recv(), timeout))


def _error_code(message: dict[str, Any]) -> str:
    """The code of a subscription's failure: an `error` message, or a `next` with errors."""
    payload = message["payload"]
    errors = payload if message["type"] == "error" else payload["errors"]
    return errors[0]["extensions"]["code"]


async def test_acknowledgements_are_pushed_over_graphql_transport_ws(
    live_server: str, mini: Database
) -> None:
    async with httpx.AsyncClient(base_url=f"http://{live_server}") as http:
        gql = GraphQL(http)
        notice = await _issue(gql, urgency="URGENT")
        town = await _socket(live_server, token(*TOWN_1))
        other_town = await _socket(live_server, token("TOWN_ADMIN", "RC-T02"))
        anonymous = await _socket(live_server, None)
        try:
            await _subscribe(town, notice["id"])
            await _subscribe(other_town, notice["id"])
            await _subscribe(anonymous, notice["id"])
            # another town does not see the notice; no token, no subscription
            assert _error_code(await _next(other_town)) == "NOT_FOUND"
            assert _error_code(await _next(anonymous)) == "UNAUTHENTICATED"
            while not acknowledgements.subscribers.get(notice["key"]):
                await asyncio.sleep(0.02)  # the town's subscription is listening

            acked = data(await gql(ACK, {"notice": notice["id"]},
                                   as_=("GRID_CADRE", "RC-T01-C01-B03")))  # fmt: skip
            pushed = await _next(town)
            assert (pushed["type"], pushed["id"]) == ("next", "1")
            event = pushed["payload"]["data"]["noticeAcknowledged"]
            assert event["notice"]["key"] == notice["key"]
            assert event["organization"]["key"] == "RC-T01-C01-B03"
            assert event["organization"]["name"]
            assert (event["late"], event["state"], event["recorded"], event["by"]) == (
                False,
                "ON_TIME",
                True,
                "tester",
            )
            assert event["minutes"] == acked["acknowledgeNotice"]["minutes"]

            # idempotent: acknowledging again pushes nothing; the next push is the next branch
            data(await gql(ACK, {"notice": notice["id"]}, as_=("GRID_CADRE", "RC-T01-C01-B03")))
            data(await gql(ACK, {"notice": notice["id"]}, as_=("GRID_CADRE", "RC-T01-C02-B02")))
            second = (await _next(town))["payload"]["data"]["noticeAcknowledged"]
            assert second["organization"]["key"] == "RC-T01-C02-B02"

            await town.send(json.dumps({"id": "1", "type": "complete"}))
            data(await gql(ACK, {"notice": notice["id"]}, as_=("GRID_CADRE", "RC-T01-C02-B03")))
            with pytest.raises(TimeoutError):
                await _next(town, timeout=0.5)  # completed: nothing more arrives
        finally:
            for socket in (town, other_town, anonymous):
                await socket.close()
