"""Out of scope answers the same everywhere: an organisation outside the caller's subtree is
NOT_FOUND for the features that take one, as for node(id:)."""

from __future__ import annotations

import pytest

from graph.driver import Database
from tests.conftest import GraphQL, error, gid

TOWN = ("TOWN_ADMIN", "RC-T01")
OTHER = gid("Organization", "RC-T02")


@pytest.mark.parametrize(
    "query",
    [
        "query($org: ID!) { coBuilding(orgId: $org) { totalCount } }",
        "query($org: ID!) { coBuildingNetwork(orgId: $org) { gridBranches } }",
        "query($org: ID!) { unmatchedAppeals(orgId: $org) { totalCount } }",
        "query($org: ID!) { partnershipReport(orgId: $org) { organization { name } } }",
    ],
)
async def test_another_towns_organisation_is_not_found(
    rencheng: Database, gql: GraphQL, query: str
) -> None:
    failed = error(await gql(query, {"org": OTHER}, as_=TOWN))
    assert (failed["code"], failed["field"]) == ("NOT_FOUND", "orgId")
