"""Co-building: the pairs with their joint activities, and the network's coverage."""

from __future__ import annotations

from graph.driver import Database
from tests.conftest import GraphQL, data, error, gid

DISTRICT = ("DISTRICT_ADMIN", "RC")
PAIRS = """query($o: ID!) { coBuilding(orgId: $o, first: 100) { totalCount nodes {
  committee { key } gridBranch { key } since until active jointActivityCount participants
  youthServed jointActivities { totalCount nodes { title } } } } }"""


async def test_joint_activities_of_a_pair(mini: Database, gql: GraphQL) -> None:
    """A committee starts co-building with a branch; an activity the branch organises with the
    committee as partner is their joint activity."""
    committee = gid("Organization", "RC-T01-IC-01")
    branches = data(await gql(PAIRS, {"o": committee}, as_=DISTRICT))["coBuilding"]["nodes"]
    taken = {p["gridBranch"]["key"] for p in branches}
    branch = next(b for b in ("RC-T01-C01-B02", "RC-T01-C02-B02", "RC-T01-C02-B03")
                  if b not in taken)  # fmt: skip
    data(await gql("mutation($c: ID!, $b: ID!) { establishCoBuilding(committeeId: $c, "
                   "gridBranchId: $b, since: \"2021-04-01\") { key } }",
                   {"c": committee, "b": gid("Organization", branch)}, as_=DISTRICT))  # fmt: skip
    project = data(await gql("{ serviceProjects(first: 1) { nodes { id } } }", as_=DISTRICT))
    data(await gql("""mutation($p: ID!, $o: ID!, $c: ID!) { createActivity(input: {
        title: "快递小哥进网格", date: "2021-05-04", projectId: $p, organizedById: $o,
        participants: 30, served: 12, partnerIds: [$c]}) { id } }""",
        {"p": project["serviceProjects"]["nodes"][0]["id"], "o": gid("Organization", branch),
         "c": committee}, as_=DISTRICT))  # fmt: skip
    pairs = data(await gql(PAIRS, {"o": gid("Organization", branch)}, as_=DISTRICT))
    pair = next(p for p in pairs["coBuilding"]["nodes"] if p["committee"]["key"] == "RC-T01-IC-01")
    assert (pair["since"], pair["active"]) == ("2021-04-01", True)
    assert (pair["jointActivityCount"], pair["participants"], pair["youthServed"]) == (1, 30, 12)
    assert pair["jointActivities"]["nodes"] == [{"title": "快递小哥进网格"}]


async def test_the_district_network_and_its_coverage(rencheng: Database, gql: GraphQL) -> None:
    network = data(await gql("""query($o: ID!) { coBuildingNetwork(orgId: $o) {
        gridBranches coBuilding share byUnit { key gridBranches coBuilding share rank }
        uncovered(first: 100) { totalCount nodes { key label } }
        graph { nodes { key label } edges { type } } }
        overview { gridBranchesCoBuilding } }""", {"o": gid("Organization", "RC")},
        as_=DISTRICT))  # fmt: skip
    net = network["coBuildingNetwork"]
    assert net["gridBranches"] == 1034
    assert net["coBuilding"] == network["overview"]["gridBranchesCoBuilding"] == 889
    assert net["uncovered"]["totalCount"] == 1034 - 889
    assert {n["label"] for n in net["uncovered"]["nodes"]} == {"GridBranch"}
    assert len(net["byUnit"]) == 15
    assert sum(u["gridBranches"] for u in net["byUnit"]) == 1034
    shares = [u["share"] for u in net["byUnit"]]
    assert shares == sorted(shares, reverse=True)
    assert [u["rank"] for u in net["byUnit"]] == list(range(1, 16))
    assert {e["type"] for e in net["graph"]["edges"]} == {"CO_BUILDS"}
    labels = {n["label"] for n in net["graph"]["nodes"]}
    assert labels == {"GridBranch", "IndustryCommittee"}


async def test_an_unknown_or_foreign_organisation_is_not_found(
    rencheng: Database, gql: GraphQL
) -> None:
    failed = error(await gql("query($o: ID!) { coBuildingNetwork(orgId: $o) { share } }",
                             {"o": gid("Organization", "RC-T02")},
                             as_=("TOWN_ADMIN", "RC-T01")))  # fmt: skip
    assert (failed["code"], failed["field"]) == ("NOT_FOUND", "orgId")
