"""The fixed mix of frontend reads: each as a GraphQL document and as the raw Cypher the API runs.

The Cypher side (the floor) imports the API's own query texts and builds the same parameters the
resolvers build, level by level as the API's DataLoaders do, so the gap between the two is what
HTTP, GraphQL and Python add. The floor runs every read every time: the API's 30-s memos of the
caller's scope and of overviews (graph/cache.py) are what the API adds on top.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from neo4j import AsyncDriver, RoutingControl

from core.ids import to_global_id
from core.vocabulary import AppealStatus, OrgKind
from graph.driver import Query
from graph.entities import BY_IDS, LIST, RELATION
from graph.overview import OVERVIEW
from graph.scope import Scope
from resolvers.connections import filter_params

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

# Ids the reads rotate through, taken from the loaded graph.
SAMPLE_CENTER = Query("bench_center", "MATCH (c:Center) RETURN c.id AS id ORDER BY id LIMIT 1")
SAMPLE_TOWNS = Query("bench_towns", "MATCH (t:TownCommittee) RETURN t.id AS id ORDER BY id")
SAMPLE_GRIDS = Query("bench_grids", "MATCH (g:Grid) RETURN g.id AS id ORDER BY id")
GRID_SAMPLE = 64  # spread over the whole id range: grids with and without a branch
# The same text under its own name, so the per-query timings tell a town from the district.
TOWN_OVERVIEW = Query(f"{OVERVIEW.name}_town", OVERVIEW.text)


@dataclass(frozen=True)
class Ids:
    center: str
    towns: list[str]
    grids: list[str]


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
    step = max(1, len(grids) // GRID_SAMPLE)
    return Ids(center, towns, grids[::step][:GRID_SAMPLE])


def _page_ids(rows: list[dict[str, Any]]) -> list[str]:
    """The ids of the nodes on the page(s) of LIST or RELATION rows."""
    return [x["node"]["props"]["id"] for row in rows for x in row["page"]]


# The floor of one read: the i-th call; returns the Cypher round trips it made.
FloorCall = Callable[[Cypher, int], Awaitable[int]]


@dataclass(frozen=True)
class Operation:
    name: str
    document: str
    variables: Callable[[int], dict[str, Any]]  # the i-th call's variables
    floor: FloorCall | None = None  # the same read as raw Cypher (the mix only)


def build_mix(ids: Ids) -> list[Operation]:
    """The reads, in the order the runner cycles through them (an even mix)."""
    # A district admin's scope is everything, as graph/scope.py `scope_for` makes it.
    scope = Scope(everything=True, root=ids.center).params()
    no_filter = {label: filter_params(label, None) for label in ("Organization", "Youth", "Grid")}
    cadre_filter = filter_params("Cadre", None)

    async def org_tree(cypher: Cypher, i: int) -> int:
        towns = filter_params("Organization", SimpleNamespace(kind=OrgKind.TOWN_COMMITTEE))
        rows = await cypher.read(LIST["Organization"], offset=0, limit=20, **towns, **scope)
        await cypher.read(
            RELATION["Organization.children"], parents=_page_ids(rows), offset=0, limit=20,
            **no_filter["Organization"], **scope,
        )  # fmt: skip
        return 2

    async def grid_detail(cypher: Cypher, i: int) -> int:
        grid = ids.grids[i % len(ids.grids)]
        await cypher.read(BY_IDS["Grid"], ids=[grid], **scope)
        served, _ = await asyncio.gather(
            cypher.read(
                RELATION["Grid.servedBy"], parents=[grid], offset=0, limit=1,
                **no_filter["Organization"], **scope,
            ),
            cypher.read(
                RELATION["Grid.youth"], parents=[grid], offset=0, limit=1,
                **no_filter["Youth"], **scope,
            ),
        )  # fmt: skip
        await cypher.read(
            RELATION["Organization.cadres"], parents=_page_ids(served), offset=0, limit=10,
            **cadre_filter, **scope,
        )  # fmt: skip
        return 4

    async def appeals(cypher: Cypher, i: int) -> int:
        status = SimpleNamespace(status=[AppealStatus.OPEN, AppealStatus.MATCHED])
        rows = await cypher.read(
            LIST["Appeal"], offset=0, limit=50, **filter_params("Appeal", status), **scope
        )
        youth = await cypher.read(
            RELATION["Appeal.raisedBy"], parents=_page_ids(rows), offset=0, limit=1,
            **no_filter["Youth"], **scope,
        )  # fmt: skip
        await cypher.read(
            RELATION["Youth.grid"], parents=list(dict.fromkeys(_page_ids(youth))), offset=0,
            limit=1, **no_filter["Grid"], **scope,
        )  # fmt: skip
        return 3

    async def district_overview(cypher: Cypher, i: int) -> int:
        await cypher.read(OVERVIEW, org=ids.center, year=None)
        return 1

    async def town_overview(cypher: Cypher, i: int) -> int:
        await cypher.read(TOWN_OVERVIEW, org=ids.towns[i % len(ids.towns)], year=None)
        return 1

    def town(i: int) -> dict[str, Any]:
        return {"org": to_global_id("Organization", ids.towns[i % len(ids.towns)])}

    def grid(i: int) -> dict[str, Any]:
        return {"id": to_global_id("Grid", ids.grids[i % len(ids.grids)])}

    return [
        Operation("org_tree", ORG_TREE, lambda i: {}, org_tree),
        Operation("grid_detail", GRID_DETAIL, grid, grid_detail),
        Operation("appeals", APPEALS, lambda i: {}, appeals),
        Operation("overview", OVERVIEW_DOC, lambda i: {"org": None}, district_overview),
        Operation("overview_town", OVERVIEW_DOC, town, town_overview),
    ]
