"""coBuilding and coBuildingNetwork: who co-builds with whom, what they did, and the coverage."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from core.errors import NotFound
from core.ids import graph_id
from core.paging import page_window
from core.vocabulary import RelationshipType
from graph.cobuilding import CO_BUILDING, NETWORK
from resolvers.context import Info
from resolvers.exploration import graph_node, node_id
from resolvers.shared import organization_visible
from schema.cobuilding_types import CoBuilding, CoBuildingNetwork, UnitCoverage
from schema.graph_view import GraphEdge, GraphView
from schema.mapping import to_object
from schema.relay import Connection, paged


async def co_building(
    info: Info, org_id: str, include_ended: bool, first: int | None, after: str | None
) -> Connection[CoBuilding]:
    ctx = info.context
    ctx.require_principal()
    offset, limit = page_window(first, after)
    org = graph_id(org_id, "Organization", "orgId")
    rows = await ctx.db.read(
        CO_BUILDING,
        org=org,
        includeEnded=include_ended,
        offset=offset,
        limit=limit,
        **ctx.scope.params(),
    )
    if not rows:
        raise NotFound(f"no organisation {org_id}", "orgId")
    pairs = []
    for row in rows:
        if row["committee"] is None:
            continue  # the page is empty; the row carries the total only
        activities = [to_object(a) for a in row["activities"]]
        pairs.append(
            CoBuilding(
                committee=to_object(row["committee"]),
                grid_branch=to_object(row["branch"]),
                since=_date(row["since"]),
                until=_date(row["until"]),
                joint_activity_count=len(activities),
                participants=sum(a.participants or 0 for a in activities),
                youth_served=sum(a.served or 0 for a in activities),
                activities=activities,
            )
        )
    return paged(pairs, rows[0]["total"], offset)


def _date(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


async def co_building_network(info: Info, org_id: str) -> CoBuildingNetwork:
    ctx = info.context
    ctx.require_principal()
    org = graph_id(org_id, "Organization", "orgId")
    rows = await ctx.db.read(NETWORK, org=org, **ctx.scope.params())
    # a root with no grid branch below it has an empty network; an unknown one is an error
    if not rows and not await organization_visible(info, org):
        raise NotFound(f"no organisation {org_id}", "orgId")
    nodes: dict[str, Any] = {}
    edges = []
    units: dict[str, dict[str, Any]] = defaultdict(lambda: {"branches": 0, "covered": 0})
    uncovered = []
    for row in rows:
        branch = row["branch"]
        nodes[branch["key"]] = graph_node(info, branch, 0)
        unit = row["unit"] or {"key": branch["key"], "name": branch["name"]}
        units[unit["key"]].update(name=unit["name"])
        units[unit["key"]]["branches"] += 1
        if row["partners"]:
            units[unit["key"]]["covered"] += 1
        else:
            uncovered.append(nodes[branch["key"]])
        for partner in row["partners"]:
            nodes.setdefault(partner["key"], graph_node(info, partner, 1))
            edges.append(
                GraphEdge(
                    id=f"{node_id(partner)}-CO_BUILDS->{node_id(branch)}",
                    type=RelationshipType.CO_BUILDS,
                    source=node_id(partner),
                    target=node_id(branch),
                )
            )
    covered = sum(u["covered"] for u in units.values())
    ranked = sorted(units.items(), key=lambda kv: (-_share(kv[1]), kv[0]))
    return CoBuildingNetwork(
        graph=GraphView(
            nodes=sorted(nodes.values(), key=lambda n: (n.distance, n.label, n.key)),
            edges=sorted(edges, key=lambda e: (e.source, e.target)),
            paths=[],
            truncated=False,
        ),
        grid_branches=len(rows),
        co_building=covered,
        share=round(covered / len(rows), 4) if rows else 0.0,
        by_unit=[
            UnitCoverage(
                key=key,
                name=unit["name"],
                grid_branches=unit["branches"],
                co_building=unit["covered"],
                share=_share(unit),
                rank=rank,
            )
            for rank, (key, unit) in enumerate(ranked, start=1)
        ],
        uncovered_nodes=uncovered,
    )


def _share(unit: dict[str, Any]) -> float:
    return round(unit["covered"] / unit["branches"], 4) if unit["branches"] else 0.0
