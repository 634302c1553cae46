"""Relationship exploration: neighbourhoods and paths, deterministic, never outside the scope."""

from __future__ import annotations

from graph.driver import Database
from tests.conftest import GraphQL, data, error, gid

DISTRICT = ("DISTRICT_ADMIN", "RC")
TOWN_1 = ("TOWN_ADMIN", "RC-T01")
AROUND = """query($id: ID!, $depth: Int!, $types: [RelationshipType!], $limit: Int!) {
  neighborhood(id: $id, depth: $depth, relationshipTypes: $types, limit: $limit) {
    truncated nodes { id key label labelName name distance } edges { id type source target } } }"""
PATHS = """query($a: ID!, $b: ID!, $n: Int!) { paths(fromId: $a, toId: $b, maxLength: $n) {
  truncated nodes { id key label } edges { id type source target }
  paths { length nodeIds edgeIds } } }"""


async def test_the_hierarchy_around_a_grid_branch(rencheng: Database, gql: GraphQL) -> None:
    branch = gid("Organization", "RC-T01-C01-B01")
    view = data(await gql(AROUND, {"id": branch, "depth": 2, "types": ["UNDER", "SERVED_BY"],
                                   "limit": 100}, as_=DISTRICT))["neighborhood"]  # fmt: skip
    first = {n["key"]: n for n in view["nodes"]}
    assert first["RC-T01-C01-B01"]["distance"] == 0
    assert (
        first["RC-T01-C01"]["distance"] == 1
        and first["RC-T01-C01"]["labelName"] == "村社区网格团总支"
    )
    assert first["RC-T01"]["distance"] == 2
    assert {e["type"] for e in view["edges"]} <= {"UNDER", "SERVED_BY"}
    ids = {n["id"] for n in view["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in view["edges"])
    distances = [n["distance"] for n in view["nodes"]]
    assert distances == sorted(distances)
    again = data(await gql(AROUND, {"id": branch, "depth": 2, "types": ["UNDER", "SERVED_BY"],
                                    "limit": 100}, as_=DISTRICT))["neighborhood"]  # fmt: skip
    assert again == view


async def test_a_limit_truncates(rencheng: Database, gql: GraphQL) -> None:
    given = {"id": gid("Organization", "RC-T01"), "depth": 2, "types": None, "limit": 10}
    view = data(await gql(AROUND, given, as_=DISTRICT))["neighborhood"]
    assert len(view["nodes"]) == 10 and view["truncated"]


async def test_the_neighbourhood_stays_in_scope_and_masks(rencheng: Database, gql: GraphQL) -> None:
    given = {"id": gid("Organization", "RC-T01"), "depth": 2, "types": None, "limit": 500}
    view = data(await gql(AROUND, given, as_=TOWN_1))["neighborhood"]
    for node in view["nodes"]:
        seen = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": node["id"]},
                         as_=TOWN_1)  # fmt: skip
        assert data(seen)["node"] is not None, node
    assert not any(n["key"] == "RC" for n in view["nodes"])
    youth = [n for n in view["nodes"] if n["label"] == "Youth"]
    assert all("*" in n["name"] for n in youth)
    failed = error(await gql(AROUND, {"id": gid("Organization", "RC-T02"), "depth": 1,
                                      "types": None, "limit": 10}, as_=TOWN_1))  # fmt: skip
    assert (failed["code"], failed["field"]) == ("NOT_FOUND", "id")


async def test_paths_are_shortest_and_connected(rencheng: Database, gql: GraphQL) -> None:
    found = data(await gql(PATHS, {"a": gid("Organization", "RC-T01-C01-B01"),
                                   "b": gid("Organization", "RC-T02-C01-B01"), "n": 6},
                           as_=DISTRICT))["paths"]  # fmt: skip
    assert found["paths"]
    lengths = [p["length"] for p in found["paths"]]
    assert lengths == sorted(lengths) and len(set(lengths)) == 1
    edges = {e["id"]: e for e in found["edges"]}
    for path in found["paths"]:
        assert path["nodeIds"][0] == gid("Organization", "RC-T01-C01-B01")
        assert path["nodeIds"][-1] == gid("Organization", "RC-T02-C01-B01")
        for i, edge_id in enumerate(path["edgeIds"]):
            ends = {edges[edge_id]["source"], edges[edge_id]["target"]}
            assert ends == {path["nodeIds"][i], path["nodeIds"][i + 1]}


async def test_no_path_runs_through_a_node_outside_the_scope(
    rencheng: Database, gql: GraphQL
) -> None:
    """A district committee and a town are joined through the district centre; the town admin,
    who cannot see the centre, gets only paths that avoid it, every node visible to it."""
    a, b = gid("Organization", "RC-IC-01"), gid("Organization", "RC-T01")
    district = data(await gql(PATHS, {"a": a, "b": b, "n": 4}, as_=DISTRICT))["paths"]
    assert "RC" in {n["key"] for n in district["nodes"]}
    town = data(await gql(PATHS, {"a": a, "b": b, "n": 4}, as_=TOWN_1))["paths"]
    assert town["paths"]
    assert "RC" not in {n["key"] for n in town["nodes"]}
    for node in town["nodes"]:
        seen = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": node["id"]},
                         as_=TOWN_1)  # fmt: skip
        assert data(seen)["node"] is not None, node
    failed = error(await gql(PATHS, {"a": gid("Organization", "RC-T01-C01"),
                                     "b": gid("Organization", "RC-T01-C02"), "n": 2},
                             as_=("COMMUNITY_CADRE", "RC-T01-C01")))  # fmt: skip
    assert (failed["code"], failed["field"]) == ("NOT_FOUND", "toId")


async def test_bad_arguments_name_the_field(rencheng: Database, gql: GraphQL) -> None:
    failed = error(await gql(AROUND, {"id": gid("Organization", "RC"), "depth": 4,
                                      "types": None, "limit": 10}, as_=DISTRICT))  # fmt: skip
    assert (failed["code"], failed["field"]) == ("BAD_USER_INPUT", "depth")
    failed = error(await gql(PATHS, {"a": gid("Organization", "RC"), "b": gid("Grid", "x"),
                                     "n": 7}, as_=DISTRICT))  # fmt: skip
    assert (failed["code"], failed["field"]) == ("BAD_USER_INPUT", "maxLength")
