"""coBuilding and coBuildingNetwork: who co-builds with whom, what they did, and the coverage."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Any

from core.errors import NotFound
from core.ids import graph_id
from core.paging import Page, page_window
from graph.cobuilding import CO_BUILDING, NETWORK
from resolvers.context import Context
from resolvers.shared import graph_edge, graph_node, graph_view, node_id, organization_visible


async def co_building(
    ctx: Context, org_id: str, include_ended: bool, first: int | None, after: str | None
) -> Page[dict[str, Any]]:
    """The page of co-building pairs that involve an organisation (schema CoBuilding)."""
    ctx.require_principal()
    offset, limit = page_window(first, after)
    org = graph_id(org_id, "Organization", "orgId")
    rows = await ctx.graph.read(
        CO_BUILDING, org=org, includeEnded=include_ended, offset=offset, limit=limit
    )
    # none found: an organisation outside the scope answers as one that does not exist
    if not rows or (not rows[0]["total"] and not await organization_visible(ctx, org)):
        raise NotFound(f"no organisation {org_id}", "orgId")
    # an empty page is one row that carries the total only
    pairs = [pair(row) for row in rows if row["committee"] is not None]
    return Page(pairs, rows[0]["total"], offset)


def pair(row: dict[str, Any]) -> dict[str, Any]:
    """A pair with the figures of its joint activities (node records, oldest first)."""
    activities = row["activities"]
    return {
        "committee": row["committee"],
        "grid_branch": row["branch"],
        "since": row["since"],
        "until": row["until"],
        "joint_activity_count": len(activities),
        "participants": sum(a["props"].get("participants") or 0 for a in activities),
        "youth_served": sum(a["props"].get("served") or 0 for a in activities),
        "activities": activities,
    }


async def co_building_network(ctx: Context, org_id: str) -> dict[str, Any]:
    """A subtree's co-building graph and coverage (schema CoBuildingNetwork)."""
    ctx.require_principal()
    org = graph_id(org_id, "Organization", "orgId")
    rows = await ctx.graph.read(NETWORK, org=org)
    # a root with no grid branch below it has an empty network; an unknown one is an error
    if not rows and not await organization_visible(ctx, org):
        raise NotFound(f"no organisation {org_id}", "orgId")
    return network(rows, partial(graph_node, ctx))


Draw = Callable[[dict[str, Any], int], dict[str, Any]]


def network(rows: list[dict[str, Any]], draw: Draw) -> dict[str, Any]:
    """Folds the rows of NETWORK (a grid branch each, with its unit and current partners) into
    the graph, the coverage per unit ranked best first, and the branches with no partner.
    `draw(node, distance)` makes a node to draw: branches at 0, committees at 1."""
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    units: dict[str, dict[str, Any]] = defaultdict(lambda: {"branches": 0, "covered": 0})
    uncovered = []
    for row in rows:
        branch = row["branch"]
        nodes[branch["key"]] = draw(branch, 0)
        unit = row["unit"] or {"key": branch["key"], "name": branch["name"]}
        units[unit["key"]].update(name=unit["name"])
        units[unit["key"]]["branches"] += 1
        if row["partners"]:
            units[unit["key"]]["covered"] += 1
        else:
            uncovered.append(nodes[branch["key"]])
        for partner in row["partners"]:
            nodes.setdefault(partner["key"], draw(partner, 1))
            edges.append(graph_edge(node_id(partner), "CO_BUILDS", node_id(branch)))
    covered = sum(u["covered"] for u in units.values())
    ranked = sorted(units.items(), key=lambda kv: (-_share(kv[1]), kv[0]))
    return {
        "graph": graph_view(
            sorted(nodes.values(), key=lambda n: (n["distance"], n["label"], n["key"])),
            sorted(edges, key=lambda e: (e["source"], e["target"])),
        ),
        "grid_branches": len(rows),
        "co_building": covered,
        "share": round(covered / len(rows), 4) if rows else 0.0,
        "by_unit": [
            {
                "key": key,
                "name": unit["name"],
                "grid_branches": unit["branches"],
                "co_building": unit["covered"],
                "share": _share(unit),
                "rank": rank,
            }
            for rank, (key, unit) in enumerate(ranked, start=1)
        ],
        "uncovered_nodes": uncovered,
    }


def _share(unit: dict[str, Any]) -> float:
    return round(unit["covered"] / unit["branches"], 4) if unit["branches"] else 0.0
