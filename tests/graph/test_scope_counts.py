"""Lists count right: for a town admin, a community cadre and a grid cadre, every list's
totalCount equals a direct count of the distinct nodes the scope's predicate admits, and its pages
hold each node once."""

from __future__ import annotations

import pytest

from core.principal import Principal, Role
from graph.driver import Database, Query
from graph.entities import ENTITIES
from graph.scope import scope_for, visible
from tests.conftest import GraphQL, data

LISTS = {
    "organizations": "Organization", "grids": "Grid", "cadres": "Cadre",
    "trainings": "Training", "chatGroups": "ChatGroup", "positions": "Position",
    "socialOrganizations": "SocialOrganization", "socialWorkers": "SocialWorker",
    "youth": "Youth", "appeals": "Appeal", "serviceProjects": "ServiceProject",
    "activities": "Activity", "enterprises": "Enterprise", "visits": "Visit", "funds": "Fund",
    "campaigns": "Campaign", "assessments": "Assessment", "awards": "Award", "notices": "Notice",
}  # fmt: skip
assert set(LISTS.values()) == set(ENTITIES)

CALLERS = [
    (Role.TOWN_ADMIN, "RC-T01"),
    (Role.COMMUNITY_CADRE, "RC-T01-C01"),
    (Role.GRID_CADRE, "RC-T01-C01-B02"),
]


def _direct(label: str) -> Query:
    return Query(
        f"direct_count_{label}",
        f"MATCH (v:{label}) WHERE v.archivedAt IS NULL AND {visible(label)} "
        "RETURN count(DISTINCT v) AS n",
    )


@pytest.mark.parametrize("role, org", CALLERS, ids=lambda c: getattr(c, "value", c))
async def test_every_list_counts_each_node_once(
    rencheng: Database, gql: GraphQL, role: Role, org: str
) -> None:
    scope = await scope_for(rencheng, Principal("tester", role, org))
    fields = " ".join(f"{field}(first: 100) {{ totalCount nodes {{ key }} }}" for field in LISTS)
    lists = data(await gql(f"{{ {fields} }}", as_=(role.value, org)))
    for field, label in LISTS.items():
        [row] = await rencheng.read(_direct(label), **scope.params())
        got = lists[field]
        keys = [node["key"] for node in got["nodes"]]
        assert got["totalCount"] == row["n"], (field, got["totalCount"], row["n"])
        assert len(keys) == len(set(keys)) == min(row["n"], 100), field
