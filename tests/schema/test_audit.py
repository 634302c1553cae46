"""The audit trail: every unmasked read of personal data is kept in the graph (who, when, which
node, which fields) and paged by the district admin and inspectors; masked reads leave none.

The trail outlives reloads of the data, so each test reads as an account of its own."""

from __future__ import annotations

import datetime as dt

from graph.driver import Database
from resolvers import audit
from tests.conftest import GraphQL, data, error, token

YOUTH = "{ youth(first: 2) { nodes { key name phone gender } } }"
EVENTS = """query($account: String, $node: String, $since: DateTime) {
  auditEvents(account: $account, nodeKey: $node, since: $since) { totalCount
    nodes { account role nodeKey nodeLabel fields requestId at } } }"""
DISTRICT = ("DISTRICT_ADMIN", "RC")


async def test_an_unmasked_read_leaves_an_event_per_node(mini: Database, gql: GraphQL) -> None:
    reader = token("COMMUNITY_CADRE", "RC-T01-C01", account="audit-cadre")
    since = (dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)).isoformat()  # this run's events
    seen = data(await gql(YOUTH, bearer=reader))["youth"]["nodes"]
    await audit.flush()
    first = seen[0]["key"]
    asked = {"account": "audit-cadre", "node": first, "since": since}
    [event] = data(await gql(EVENTS, asked, as_=DISTRICT))["auditEvents"]["nodes"]
    assert event["account"] == "audit-cadre" and event["role"] == "COMMUNITY_CADRE"
    assert (event["nodeKey"], event["nodeLabel"]) == (first, "YOUTH")
    assert event["fields"] == ["name", "phone"]  # gender is not personal
    assert event["requestId"] and event["at"]
    # an event for every node read; an inspector of the district reads them too
    mine = data(
        await gql(EVENTS, {"account": "audit-cadre", "since": since}, as_=("INSPECTOR", "RC"))
    )
    assert mine["auditEvents"]["totalCount"] == len(seen)


async def test_a_masked_read_leaves_no_event(mini: Database, gql: GraphQL) -> None:
    since = (dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)).isoformat()
    data(await gql(YOUTH, bearer=token("TOWN_ADMIN", "RC-T01", account="audit-town")))
    await audit.flush()
    events = data(await gql(EVENTS, {"account": "audit-town", "since": since}, as_=DISTRICT))
    assert events["auditEvents"]["totalCount"] == 0


async def test_only_the_district_admin_and_inspectors_read_the_trail(
    mini: Database, gql: GraphQL
) -> None:
    failed = error(await gql(EVENTS, as_=("TOWN_ADMIN", "RC-T01")))
    assert failed["code"] == "FORBIDDEN"
