"""The fixed mix of frontend reads: each as a GraphQL document and as the raw Cypher the API runs.

The Cypher side (the floor) runs the statements the API compiles for the same documents and
variables (one per root field), straight through the driver, so the gap between the two is what
HTTP, GraphQL and Python add. The floor runs every read every time: the API's 30-s memos of the
caller's scope and of overviews (graph/cache.py) are what the API adds on top.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from neo4j import AsyncDriver, RoutingControl

from core.ids import to_global_id
from core.settings import get_settings
from graph.driver import Query
from graph.overview import OVERVIEW
from graph.scope import SUBTREE, Scope
from schema.build import build_schema
from schema.compiled import floor

ORG_TREE = """
query OrgTree {
  organizations(first: 20, filter: {kind: TOWN_COMMITTEE}) {
    totalCount
    edges { node { id name kindLabel children(first: 20) { totalCount nodes { name } } } }
  }
}"""

GRID_DETAIL = """
query GridDetail($id: ID!) {
  node(id: $id) {
    ... on Grid {
      name
      youthCount
      servedBy { name cadres(first: 10) { nodes { name sourceLabel phone } } }
      youth(first: 1) { totalCount }
    }
  }
}"""

APPEALS = """
query Appeals {
  appeals(first: 50, filter: {status: [OPEN, MATCHED]}) {
    totalCount
    nodes { title statusLabel raisedBy { name grid { name } } }
  }
}"""

OVERVIEW_DOC = """
query Overview($org: ID) {
  overview(orgId: $org) { gridBranches cadres chatGroups socialWorkers funding }
}"""

SCHEMA = build_schema(get_settings())._schema

# Ids the reads rotate through, taken from the loaded graph.
SAMPLE_CENTER = Query("bench_center", "MATCH (c:Center) RETURN c.id AS id ORDER BY id LIMIT 1")
SAMPLE_TOWNS = Query("bench_towns", "MATCH (t:TownCommittee) RETURN t.id AS id ORDER BY id")
SAMPLE_GRIDS = Query("bench_grids", "MATCH (g:Grid) RETURN g.id AS id ORDER BY id")
SAMPLE_YOUTH = Query("bench_youth", "MATCH (y:Youth) RETURN y.id AS id ORDER BY id")
GRID_SAMPLE = 64  # spread over the whole id range: grids with and without a branch
# The same text under its own name, so the per-query timings tell a town from the district.
TOWN_OVERVIEW = Query(f"{OVERVIEW.name}_town", OVERVIEW.text)


@dataclass(frozen=True)
class Ids:
    center: str
    towns: list[str]
    grids: list[str]
    youth: list[str] = field(default_factory=list)


class Cypher:
    """Reads through the bare async driver, each in its own managed read transaction (as the
    API's Database does); returns the rows as dicts.

    Keeps each query's timings, (ms at the client, ms inside the server), by query name: the
    difference is the network, the driver and unpacking the records."""

    def __init__(self, driver: AsyncDriver, database: str) -> None:
        self.driver = driver
        self.database = database
        self.timings: dict[str, list[tuple[float, float]]] = defaultdict(list)

    async def read(self, query: Query, **params: Any) -> list[dict[str, Any]]:
        started = time.perf_counter()
        records, summary, _ = await self.driver.execute_query(
            query.text, params, database_=self.database, routing_=RoutingControl.READ
        )
        server_ms = (summary.result_available_after or 0) + (summary.result_consumed_after or 0)
        self.timings[query.name].append(((time.perf_counter() - started) * 1000, server_ms))
        return [record.data() for record in records]


async def sample_ids(cypher: Cypher) -> Ids:
    center = (await cypher.read(SAMPLE_CENTER))[0]["id"]
    towns = [row["id"] for row in await cypher.read(SAMPLE_TOWNS)]
    grids = [row["id"] for row in await cypher.read(SAMPLE_GRIDS)]
    youth = [row["id"] for row in await cypher.read(SAMPLE_YOUTH)]
    step = max(1, len(grids) // GRID_SAMPLE)
    every = max(1, len(youth) // GRID_SAMPLE)
    return Ids(center, towns, grids[::step][:GRID_SAMPLE], youth[::every][:GRID_SAMPLE])


# The floor of one read: the i-th call; returns the Cypher round trips it made.
FloorCall = Callable[[Cypher, int], Awaitable[int]]


@dataclass(frozen=True)
class Operation:
    name: str
    document: str
    variables: Callable[[int], dict[str, Any]]  # the i-th call's variables
    floor: FloorCall | None = None  # the same read as raw Cypher
    caller: str | None = None  # read as the admin of this town; None: as the district admin


def compiled_floor(
    document: str, variables: Callable[[int], dict[str, Any]], town: str | None = None
) -> FloorCall:
    """The floor of a compiled read: the statements the API compiles for it (schema/compiled.py),
    sent straight through the driver with the caller's scope: the district's, or a town's
    subtree (read once, as the API reads it once and keeps it)."""
    scopes: list[dict[str, Any]] = [Scope(everything=True).params()] if town is None else []

    async def call(cypher: Cypher, i: int) -> int:
        if town is not None and not scopes:
            (row,) = await cypher.read(SUBTREE, org=town)
            scopes.append(Scope(root=town, orgs=(town, *row["descendants"])).params())
        statements = floor(SCHEMA, document, variables(i), limited=town is not None)
        for query, params in statements:
            await cypher.read(query, **params, **scopes[0])
        return len(statements)

    return call


def build_mix(ids: Ids) -> list[Operation]:
    """The reads, in the order the runner cycles through them (an even mix)."""

    async def district_overview(cypher: Cypher, i: int) -> int:
        await cypher.read(OVERVIEW, org=ids.center, year=None)
        return 1

    async def town_overview(cypher: Cypher, i: int) -> int:
        await cypher.read(TOWN_OVERVIEW, org=ids.towns[i % len(ids.towns)], year=None)
        return 1

    def none(i: int) -> dict[str, Any]:
        return {}

    def town(i: int) -> dict[str, Any]:
        return {"org": to_global_id("Organization", ids.towns[i % len(ids.towns)])}

    def grid(i: int) -> dict[str, Any]:
        return {"id": to_global_id("Grid", ids.grids[i % len(ids.grids)])}

    return [
        Operation("org_tree", ORG_TREE, none, compiled_floor(ORG_TREE, none)),
        Operation("grid_detail", GRID_DETAIL, grid, compiled_floor(GRID_DETAIL, grid)),
        Operation("appeals", APPEALS, none, compiled_floor(APPEALS, none)),
        Operation("overview", OVERVIEW_DOC, lambda i: {"org": None}, district_overview),
        Operation("overview_town", OVERVIEW_DOC, town, town_overview),
    ]
