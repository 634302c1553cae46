"""Reads over the demo district: lists, traversal, paging, round trips (the overview's figures:
test_overview.py)."""

from __future__ import annotations

import pytest

from graph.driver import Database
from tests.conftest import GraphQL, data, error, gid

DISTRICT = ("DISTRICT_ADMIN", "RC")


async def test_organizations_are_paged_in_a_stable_order(rencheng: Database, gql: GraphQL) -> None:
    query = """query($after: String) {
      organizations(first: 7, after: $after, filter: {kind: TOWN_COMMITTEE}) {
        totalCount pageInfo { hasNextPage endCursor } nodes { key name kindLabel level }
      } }"""
    first = data(await gql(query, as_=DISTRICT))["organizations"]
    second = data(await gql(query, {"after": first["pageInfo"]["endCursor"]}, as_=DISTRICT))
    third_page = second["organizations"]
    assert first["totalCount"] == 15
    assert first["pageInfo"]["hasNextPage"]
    keys = [n["key"] for n in first["nodes"] + third_page["nodes"]]
    assert keys == [f"RC-T{i:02d}" for i in range(1, 15)]
    assert first["nodes"][0]["name"] == "古槐街道网格团委"
    assert first["nodes"][0]["kindLabel"] == "镇街网格团委"
    assert first["nodes"][0]["level"] == 1


async def test_node_and_nodes_resolve_global_ids(rencheng: Database, gql: GraphQL) -> None:
    town, center = gid("Organization", "RC-T01"), gid("Organization", "RC")
    result = data(
        await gql(
            "query($a: ID!, $b: ID!) { node(id: $a) { id ... on Organization { name } } "
            "nodes(ids: [$a, $b]) { ... on Organization { key } } }",
            {"a": town, "b": center},
            as_=DISTRICT,
        )
    )
    assert result["node"] == {"id": town, "name": "古槐街道网格团委"}
    assert result["nodes"] == [{"key": "RC-T01"}, {"key": "RC"}]


async def test_traversal_from_a_town_down_and_up(rencheng: Database, gql: GraphQL) -> None:
    query = """query($id: ID!) { node(id: $id) { ... on Organization {
        parent { key }
        children(first: 100) { totalCount nodes { key kindLabel } }
        descendants(first: 1, filter: {kind: GRID_BRANCH}) { totalCount
          nodes { key ancestors { nodes { key } } grids { nodes { key servedBy { key } } }
                  cadres { edges { post postLabel since node { name sourceLabel } } } } }
        chatGroup { name level relaysTo(first: 100) { totalCount } }
    } } }"""
    org = data(await gql(query, {"id": gid("Organization", "RC-T01")}, as_=DISTRICT))["node"]
    assert org["parent"] == {"key": "RC"}
    kinds = {n["kindLabel"] for n in org["children"]["nodes"]}
    assert kinds <= {"村社区网格团总支", "行业团工委"}
    branch = org["descendants"]["nodes"][0]
    ancestors = [n["key"] for n in branch["ancestors"]["nodes"]]
    assert ancestors[0] == "RC" and ancestors[1] == "RC-T01" and len(ancestors) == 3
    grid = branch["grids"]["nodes"][0]
    assert grid["servedBy"]["key"] == branch["key"]  # a branch's grids are served by it
    post = branch["cadres"]["edges"][0]
    assert post["post"] in ("SECRETARY", "DEPUTY_SECRETARY", "COMMITTEE_MEMBER")
    assert post["postLabel"] in ("书记", "副书记", "委员")
    assert post["node"]["sourceLabel"]
    communities = sum(1 for n in org["children"]["nodes"] if n["kindLabel"] == "村社区网格团总支")
    assert org["chatGroup"]["level"] == 1
    assert org["chatGroup"]["relaysTo"]["totalCount"] == communities


async def test_lists_filter_by_subtree_status_and_dates(rencheng: Database, gql: GraphQL) -> None:
    query = """query($town: ID!) {
      all: appeals(first: 1) { totalCount }
      town: appeals(first: 1, filter: {under: $town}) { totalCount }
      open: appeals(first: 5, filter: {status: [OPEN]}) { totalCount nodes { statusLabel } }
      h1: appeals(first: 1, filter: {createdFrom: "2021-01-01T00:00:00+08:00",
                                     createdTo: "2021-06-30T23:59:59+08:00"}) { totalCount }
      youth(first: 1, filter: {inDifficulty: true}) { totalCount }
      positions(first: 1, filter: {type: YOUTH_HOME}) { totalCount nodes { typeLabel } }
    }"""
    result = data(await gql(query, {"town": gid("Organization", "RC-T01")}, as_=DISTRICT))
    assert 0 < result["town"]["totalCount"] < result["all"]["totalCount"]
    assert result["open"]["totalCount"] > 0
    assert {n["statusLabel"] for n in result["open"]["nodes"]} == {"待处理"}
    assert 0 < result["h1"]["totalCount"] < result["all"]["totalCount"]
    assert result["youth"]["totalCount"] > 0
    assert result["positions"]["nodes"][0]["typeLabel"] == "青年之家"


async def test_name_search(rencheng: Database, gql: GraphQL) -> None:
    result = data(
        await gql(
            '{ organizations(filter: {search: "古槐街道网格团委"}) { nodes { key } } }',
            as_=DISTRICT,
        )
    )
    assert result["organizations"]["nodes"] == [{"key": "RC-T01"}]


NESTED = """query($n: Int!) {
  organizations(first: $n, filter: {kind: GRID_BRANCH}) { edges { node {
    name parent { name }
    cadres(first: 5) { nodes { name phone } }
    grids { nodes { name youth(first: 3) { totalCount nodes { name } } } }
  } } } }"""


async def test_a_nested_read_is_one_round_trip_whatever_its_rows(
    rencheng: Database, gql: GraphQL
) -> None:
    """One Cypher statement for the list and every relation below it, for 5 or 60 branches."""
    few = await gql(NESTED, {"n": 5}, as_=DISTRICT)
    many = await gql(NESTED, {"n": 60}, as_=DISTRICT)
    assert len(data(many)["organizations"]["edges"]) == 60
    assert few["extensions"]["cypherRoundTrips"] == 1
    assert many["extensions"]["cypherRoundTrips"] == 1
    # the same read for a town admin (a limited scope) is one statement too
    town = await gql(NESTED, {"n": 20}, as_=("TOWN_ADMIN", "RC-T01"))
    assert len(data(town)["organizations"]["edges"]) == 20
    assert town["extensions"]["cypherRoundTrips"] == 1


# A chain of relations 1 to 4 deep below one node, and two root fields side by side.
DEPTHS = [
    "children(first: 3) { nodes { name } }",
    "children(first: 3) { nodes { name grids(first: 2) { nodes { name } } } }",
    "children(first: 3) { nodes { grids(first: 2) { nodes { youth(first: 2) { totalCount "
    "nodes { gender } } } } } }",
    "children(first: 3) { nodes { grids(first: 2) { nodes { youth(first: 2) { nodes { "
    "appeals(first: 2) { totalCount nodes { title } } } } } } } }",
]


@pytest.mark.parametrize("depth", [1, 2, 3, 4])
async def test_one_round_trip_per_root_field_at_any_depth(
    rencheng: Database, gql: GraphQL, depth: int
) -> None:
    query = (
        "query($id: ID!) { node(id: $id) { ... on Organization { name "
        + DEPTHS[depth - 1]
        + " } } towns: organizations(first: 2, filter: {kind: TOWN_COMMITTEE}) { totalCount } }"
    )
    for caller in (DISTRICT, ("TOWN_ADMIN", "RC-T01"), ("COMMUNITY_CADRE", "RC-T01-C01")):
        result = await gql(query, {"id": gid("Organization", "RC-T01")}, as_=caller)
        assert not result.get("errors"), result["errors"]
        assert result["extensions"]["cypherRoundTrips"] == 2, caller
    district = data(await gql(query, {"id": gid("Organization", "RC-T01")}, as_=DISTRICT))
    children = district["node"]["children"]["nodes"]
    assert len(children) == 3
    assert district["towns"]["totalCount"] == 15


async def test_first_is_capped(rencheng: Database, gql: GraphQL) -> None:
    failed = error(await gql("{ grids(first: 101) { totalCount } }", as_=DISTRICT))
    assert failed["code"] == "BAD_USER_INPUT"
    assert failed["field"] == "first"


async def test_a_bad_cursor_is_bad_input(rencheng: Database, gql: GraphQL) -> None:
    failed = error(await gql('{ grids(after: "nonsense") { totalCount } }', as_=DISTRICT))
    assert (failed["code"], failed["field"]) == ("BAD_USER_INPUT", "after")


async def test_a_bad_global_id_is_bad_input(rencheng: Database, gql: GraphQL) -> None:
    failed = error(await gql('{ node(id: "???") { id } }', as_=DISTRICT))
    assert (failed["code"], failed["field"]) == ("BAD_USER_INPUT", "id")


async def test_an_unknown_enum_value_is_bad_input(rencheng: Database, gql: GraphQL) -> None:
    query = "query($s: CadreSource) { cadres(filter: {source: $s}) { totalCount } }"
    failed = error(await gql(query, {"s": "COOKING"}, as_=DISTRICT))
    assert failed["code"] == "BAD_USER_INPUT"
    assert "COOKING" in failed["message"]


async def test_deep_or_alias_heavy_documents_are_refused(rencheng: Database, gql: GraphQL) -> None:
    """Depth (12) and aliases (30) are capped before anything runs."""
    deep = "{ organizations { nodes { " + "parent { " * 12 + "key" + " }" * 12 + " } } }"
    failed = error(await gql(deep, as_=DISTRICT))
    assert failed["code"] == "BAD_USER_INPUT" and "depth" in failed["message"]
    aliases = "{ " + " ".join(f"a{i}: viewer {{ account }}" for i in range(31)) + " }"
    failed = error(await gql(aliases, as_=DISTRICT))
    assert failed["code"] == "BAD_USER_INPUT" and "aliases" in failed["message"]
