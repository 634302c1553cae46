"""The overview: the figures of DOMAIN.md's table counted from the graph, public, per subtree."""

from __future__ import annotations

from graph.driver import Database
from tests.conftest import GraphQL, data, gid

FIGURES = """
{ overview(year: 2021) {
    centers townCommittees communityBranches gridBranches cadres chatGroups
    organizationsWithoutChatGroup socialOrganizations socialWorkers talentFestivalEvents
    talentFestivalApplicants youthCreditActivities summerCareChildVisits funding
    generalReachMinutes urgentReachMinutes grids gridsWithoutBranch
} }
"""


async def test_the_district_overview_reproduces_the_report(
    rencheng: Database, gql: GraphQL
) -> None:
    """Every figure of DOMAIN.md's table, counted from the graph, without a token (public)."""
    figures = data(await gql(FIGURES))["overview"]
    assert figures["centers"] == 1
    assert figures["townCommittees"] == 15
    assert figures["communityBranches"] == 109
    assert figures["gridBranches"] == 1034
    assert figures["cadres"] == 1188
    assert figures["chatGroups"] == 1154
    assert figures["organizationsWithoutChatGroup"] == 5
    assert figures["socialOrganizations"] == 63
    assert figures["socialWorkers"] >= 500
    assert figures["talentFestivalEvents"] == 29
    assert figures["talentFestivalApplicants"] >= 10_000
    assert figures["youthCreditActivities"] >= 200
    assert figures["summerCareChildVisits"] >= 26_000
    assert figures["funding"] == 200_000
    assert (figures["generalReachMinutes"], figures["urgentReachMinutes"]) == (10, 3)
    assert figures["grids"] == 1034 + figures["gridsWithoutBranch"]


async def test_a_town_overview_counts_only_its_subtree(rencheng: Database, gql: GraphQL) -> None:
    district = data(await gql(FIGURES))["overview"]
    town = data(
        await gql(
            "query($id: ID!) { overview(orgId: $id) { townCommittees communityBranches "
            "gridBranches cadres } }",
            {"id": gid("Organization", "RC-T01")},
        )
    )["overview"]
    assert town["townCommittees"] == 1
    assert 0 < town["communityBranches"] < district["communityBranches"]
    assert 0 < town["gridBranches"] < district["gridBranches"]
    # each organisation of the town has its secretary, the centre's is not counted
    assert town["cadres"] >= 1 + town["communityBranches"] + town["gridBranches"]
