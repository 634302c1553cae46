"""Resource linkage: the score's ranking on a hand-built case, the appeal's life, unmatched
appeals and the flow of money (the score's arithmetic: tests/resolvers/test_linkage.py)."""

from __future__ import annotations

import pytest

from graph.driver import Database, Query
from tests.conftest import GraphQL, data, error, gid

DISTRICT = ("DISTRICT_ADMIN", "RC")
COUNT = Query("test_count", "MATCH (n) RETURN count(n) AS nodes, COUNT { ()-->() } AS rels")

CREATE_SOCIAL = """mutation($o: ID!, $name: String!, $capacity: Int!) {
  createSocialOrganization(input: {name: $name, services: [LEGAL_AID], capacity: $capacity,
    linkedOrganizationId: $o}) { id key } }"""
MATCH = """query($a: ID!) { matchResources(appealId: $a, first: 100) { totalCount nodes {
  kind score overCapacity load capacity resource { key }
  components { fit nearness linkage capacity urgency }
  path { nodes { key label } edges { type source target } } } } }"""


async def _legal_case(gql: GraphQL) -> dict:
    """An urgent legal appeal of a youth in a grid with a branch, and three legal-aid
    organisations: one linked with that branch, one with its town, one with the branch but full."""
    grid = data(await gql("{ grids(filter: {hasBranch: true}, first: 1) { nodes { id "
                          "branch { id key } community { key } youth(first: 1) { nodes { id } } "
                          "} } }", as_=DISTRICT))["grids"]["nodes"][0]  # fmt: skip
    branch, town = grid["branch"], grid["branch"]["key"].rsplit("-", 2)[0]
    youth = grid["youth"]["nodes"][0]["id"]
    near = data(await gql(CREATE_SOCIAL, {"o": branch["id"], "name": "近处法律援助站",
                                          "capacity": 5}, as_=DISTRICT))  # fmt: skip
    far = data(await gql(CREATE_SOCIAL, {"o": gid("Organization", town), "name": "镇街法律服务所",
                                         "capacity": 5}, as_=DISTRICT))  # fmt: skip
    full = data(await gql(CREATE_SOCIAL, {"o": branch["id"], "name": "满员法律工作室",
                                          "capacity": 1}, as_=DISTRICT))  # fmt: skip
    make = """mutation($y: ID!) { createAppeal(input: {youthId: $y, title: "劳动纠纷求助",
        category: LEGAL, urgency: URGENT}) { id } }"""
    other = data(await gql(make, {"y": youth}, as_=DISTRICT))["createAppeal"]["id"]
    # the full one is handling an appeal already
    data(
        await gql(
            "mutation($a: ID!, $t: ID!) { referAppeal(appealId: $a, toId: $t) { status } }",
            {"a": other, "t": full["createSocialOrganization"]["id"]},
            as_=DISTRICT,
        )
    )
    appeal = data(await gql(make, {"y": youth}, as_=DISTRICT))["createAppeal"]["id"]
    return {
        "appeal": appeal,
        "near": near["createSocialOrganization"]["key"],
        "far": far["createSocialOrganization"]["key"],
        "full": full["createSocialOrganization"]["key"],
        "branch": branch["key"],
    }


async def test_candidates_rank_by_fit_nearness_linkage_load_and_urgency(
    mini: Database, gql: GraphQL
) -> None:
    case = await _legal_case(gql)
    found = data(await gql(MATCH, {"a": case["appeal"]}, as_=DISTRICT))["matchResources"]
    by_key = {n["resource"]["key"]: n for n in found["nodes"] if n["kind"] == "SOCIAL_ORGANIZATION"}
    near, far, full = by_key[case["near"]], by_key[case["far"]], by_key[case["full"]]
    assert near["components"] == {
        "fit": 1.0, "nearness": 1.0, "linkage": 1.0, "capacity": 1.0, "urgency": 0.1}  # fmt: skip
    assert near["score"] == pytest.approx(1.1)
    assert far["components"]["nearness"] == 0.5 and far["components"]["urgency"] == 0.0
    assert far["score"] == pytest.approx(0.875)
    assert (full["overCapacity"], full["load"], full["capacity"]) == (True, 1, 1)
    assert full["score"] == pytest.approx(0.425)
    order = [n["resource"]["key"] for n in found["nodes"]]
    assert order.index(case["near"]) < order.index(case["far"]) < order.index(case["full"])
    # the path explains the match: appeal → youth → grid → branch ← organisation
    path = near["path"]
    assert [n["label"] for n in path["nodes"]] == [
        "Appeal", "Youth", "Grid", "GridBranch", "SocialOrganization"]  # fmt: skip
    assert [e["type"] for e in path["edges"]] == [
        "RAISED_BY", "RESIDES_IN", "SERVED_BY", "LINKED_WITH"]  # fmt: skip


async def test_an_appeal_moves_only_along_its_life(mini: Database, gql: GraphQL) -> None:
    case = await _legal_case(gql)
    appeal, near = case["appeal"], gid("SocialOrganization", case["near"])
    move = "mutation($a: ID!) {{ {verb}(appealId: $a) {{ status {stamp} }} }}"
    before = (await mini.read(COUNT))[0]
    failed = error(await gql(move.format(verb="startAppeal", stamp="startedAt"), {"a": appeal},
                             as_=DISTRICT))  # fmt: skip
    assert failed["code"] == "CONFLICT" and "OPEN cannot become IN_PROGRESS" in failed["message"]
    assert (await mini.read(COUNT))[0] == before
    referred = data(await gql(
        "mutation($a: ID!, $t: ID!) { referAppeal(appealId: $a, toId: $t, note: \"请跟进\") { "
        "status matchedAt referrals { edges { at node { id } } } } }",
        {"a": appeal, "t": near}, as_=DISTRICT))["referAppeal"]  # fmt: skip
    assert referred["status"] == "MATCHED" and referred["matchedAt"]
    assert referred["referrals"]["edges"][0]["node"]["id"] == near
    # the social organisation reports what it did, but may not close
    social = ("SOCIAL_ORG", case["near"])
    started = data(await gql(move.format(verb="startAppeal", stamp="startedAt"), {"a": appeal},
                             as_=social))["startAppeal"]  # fmt: skip
    assert started["status"] == "IN_PROGRESS" and started["startedAt"]
    data(await gql(move.format(verb="resolveAppeal", stamp="resolvedAt"), {"a": appeal},
                   as_=social))  # fmt: skip
    refused = error(await gql(move.format(verb="closeAppeal", stamp="closedAt"), {"a": appeal},
                              as_=social))  # fmt: skip
    assert refused["code"] == "FORBIDDEN"
    closed = data(await gql(move.format(verb="closeAppeal", stamp="closedAt"), {"a": appeal},
                            as_=DISTRICT))["closeAppeal"]  # fmt: skip
    assert closed["status"] == "CLOSED" and closed["closedAt"]
    failed = error(await gql('mutation($a: ID!) { rejectAppeal(appealId: $a, reason: "重复") '
                             "{ status } }", {"a": appeal}, as_=DISTRICT))  # fmt: skip
    assert failed["code"] == "CONFLICT"


async def test_a_rejection_needs_a_reason(mini: Database, gql: GraphQL) -> None:
    case = await _legal_case(gql)
    reject = "mutation($a: ID!, $r: String!) { rejectAppeal(appealId: $a, reason: $r) { " \
             "status rejectionReason rejectedAt } }"  # fmt: skip
    failed = error(await gql(reject, {"a": case["appeal"], "r": "  "}, as_=DISTRICT))
    assert (failed["code"], failed["field"]) == ("BAD_USER_INPUT", "reason")
    done = data(await gql(reject, {"a": case["appeal"], "r": "不属于服务范围"}, as_=DISTRICT))
    assert done["rejectAppeal"]["status"] == "REJECTED"
    assert done["rejectAppeal"]["rejectionReason"] == "不属于服务范围"


async def test_unmatched_appeals_are_the_open_ones_oldest_first(
    rencheng: Database, gql: GraphQL
) -> None:
    result = data(await gql("""query($t: ID!) {
        all: unmatchedAppeals(olderThanDays: 30, first: 100) { totalCount
            nodes { status createdAt } }
        town: unmatchedAppeals(orgId: $t, olderThanDays: 30) { totalCount nodes { key } }
        open: appeals(filter: {status: [OPEN]}) { totalCount } }""",
        {"t": gid("Organization", "RC-T01")}, as_=DISTRICT))  # fmt: skip
    assert result["all"]["totalCount"] == result["open"]["totalCount"] == 247
    assert {n["status"] for n in result["all"]["nodes"]} == {"OPEN"}
    created = [n["createdAt"] for n in result["all"]["nodes"]]
    assert created == sorted(created)
    assert 0 < result["town"]["totalCount"] < 247


async def test_the_money_flow_adds_up(rencheng: Database, gql: GraphQL) -> None:
    flow = data(await gql("""{ resourceFlow(year: 2021) { allocated activities participants
        served funds { amount allocated sourceLabel allocations { amount activities served
        target { __typename } } } } }""", as_=DISTRICT))["resourceFlow"]  # fmt: skip
    assert flow["allocated"] == 200_000
    assert sum(f["amount"] for f in flow["funds"]) == 200_000
    for fund in flow["funds"]:
        assert fund["allocated"] == fund["amount"] == sum(a["amount"] for a in fund["allocations"])
    every = [a for f in flow["funds"] for a in f["allocations"]]
    assert flow["activities"] == sum(a["activities"] for a in every) > 0
    assert flow["served"] == sum(a["served"] for a in every)
    assert {a["target"]["__typename"] for a in every} <= {"ServiceProject", "Organization"}
