"""neighborhood() and paths(): breadth-first walks, one Cypher query per hop.

Every hop applies the caller's scope to the nodes it reaches (graph/exploration.py), so a node
outside the scope never appears and no path runs through one. Results are ordered
deterministically: nodes by distance, label and key; edges by source, type and target."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.errors import BadUserInput, NotFound
from core.ids import from_global_id
from core.vocabulary import NodeLabel, RelationshipType
from graph.exploration import AMONG, HOP, HOP_DESCRIBED, NODES, START
from resolvers.context import Context
from resolvers.shared import graph_edge, graph_node, graph_view, node_id

MAX_DEPTH = 3
MAX_PATH_LENGTH = 6
MAX_LIMIT = 500
EXPAND_CAP = 50_000  # rows one hop may return before the walk reports itself truncated


@dataclass
class _Walk:
    """What a walk has seen: nodes by element id, edges by (source, type, target)."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: set[tuple[str, str, str]] = field(default_factory=set)
    truncated: bool = False


@dataclass
class _Search:
    """One side of a search for paths: per node, its distance from the side's start and the
    (previous node, edge) pairs that reach it at that distance; the nodes reached last."""

    dist: dict[str, int]
    via: dict[str, list[tuple[str, tuple[str, str, str]]]]
    frontier: list[str]

    @classmethod
    def at(cls, start: str) -> _Search:
        return cls({start: 0}, {start: []}, [start])


def _edge(target: str, via: dict[str, Any]) -> tuple[str, str, str]:
    """(start, type, end) of a relationship that reached `target` from `via["source"]`."""
    source = via["source"]
    return (source, via["type"], target) if via["outgoing"] else (target, via["type"], source)


async def _start(ctx: Context, global_id: str, field_name: str) -> dict[str, Any]:
    ctx.require_principal()
    type_name, key = from_global_id(global_id, field_name)
    if type_name not in START:  # every label the API has a type for
        raise BadUserInput(f"'{global_id}' is not an id of this API", field_name)
    rows = await ctx.graph.read(START[type_name], key=key)
    if not rows:
        raise NotFound(f"no node {global_id}", field_name)
    return {**rows[0]["node"], "distance": 0}


async def _hop(
    ctx: Context,
    frontier: list[str],
    seen: list[str],
    types: list[str] | None,
    labels: list[str] | None,
    cap: int = EXPAND_CAP,
    described: bool = False,
) -> list[dict[str, Any]]:
    return await ctx.graph.read(
        HOP_DESCRIBED if described else HOP,
        frontier=frontier,
        seen=seen,
        types=types,
        labels=labels,
        cap=cap,
    )


async def _describe(ctx: Context, walk: _Walk, distances: dict[str, int]) -> None:
    """Names and labels of the nodes a walk kept (one query for all)."""
    missing = [eid for eid in distances if eid not in walk.nodes]
    if missing:
        for row in await ctx.graph.read(NODES, nodes=missing):
            walk.nodes[row["node"]["eid"]] = {
                **row["node"],
                "distance": distances[row["node"]["eid"]],
            }


def _codes(values: list[Any] | None) -> list[str] | None:
    return [v.value for v in values] if values else None


def _check_limit(limit: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise BadUserInput(f"limit must be between 1 and {MAX_LIMIT}", "limit")


async def neighborhood(
    ctx: Context,
    global_id: str,
    depth: int,
    relationship_types: list[RelationshipType] | None,
    labels: list[NodeLabel] | None,
    limit: int,
) -> dict[str, Any]:
    """The graph view of the nodes within `depth` hops of a node, nearest first."""
    if not 1 <= depth <= MAX_DEPTH:
        raise BadUserInput(f"depth must be between 1 and {MAX_DEPTH}", "depth")
    _check_limit(limit)
    types, wanted = _codes(relationship_types), _codes(labels)
    start = await _start(ctx, global_id, "id")
    walk = _Walk(nodes={start["eid"]: start})
    distances = {start["eid"]: 0}
    frontier = [start["eid"]]
    for distance in range(1, depth + 1):
        room = limit - len(distances)
        if not frontier or room <= 0:
            walk.truncated |= bool(frontier) and room <= 0
            break
        rows = await _hop(
            ctx, frontier, list(distances), types, wanted, cap=room + 1, described=True
        )
        walk.truncated |= len(rows) > room
        frontier = [row["target"] for row in rows[:room]]
        for row in rows[:room]:
            distances[row["target"]] = distance
            walk.nodes[row["target"]] = {**row["node"], "distance": distance}
            walk.edges.update(_edge(row["target"], via) for via in row["via"])
    # the relationships between nodes of the same hop, which no hop walked
    among = await ctx.graph.read(AMONG, nodes=list(distances), types=types)
    walk.edges.update((r["source"], r["type"], r["target"]) for r in among)
    return _view(ctx, walk, [])


async def paths(
    ctx: Context,
    from_id: str,
    to_id: str,
    max_length: int,
    relationship_types: list[RelationshipType] | None,
    limit: int,
) -> dict[str, Any]:
    """The graph view of the shortest paths between two nodes (at most `limit` of them)."""
    if not 1 <= max_length <= MAX_PATH_LENGTH:
        raise BadUserInput(f"maxLength must be between 1 and {MAX_PATH_LENGTH}", "maxLength")
    _check_limit(limit)
    types = _codes(relationship_types)
    source = await _start(ctx, from_id, "fromId")
    target = await _start(ctx, to_id, "toId")
    walk = _Walk(nodes={source["eid"]: source, target["eid"]: target})
    # Two searches meet in the middle; each keeps, per node, its distance and the edges that
    # reach it at that distance (all of them, to list every shortest path).
    sides = [_Search.at(source["eid"]), _Search.at(target["eid"])]
    meet: list[str] = [source["eid"]] if source["eid"] == target["eid"] else []
    reach = [0, 0]
    while not meet and reach[0] + reach[1] < max_length:
        i = 0 if len(sides[0].frontier) <= len(sides[1].frontier) else 1
        side = sides[i]
        if not side.frontier:
            break
        reach[i] += 1
        rows = await _hop(ctx, side.frontier, list(side.dist), types, None)
        walk.truncated |= len(rows) >= EXPAND_CAP
        side.frontier = [row["target"] for row in rows]
        for row in rows:
            side.dist[row["target"]] = reach[i]
            side.via[row["target"]] = [
                (via["source"], _edge(row["target"], via)) for via in row["via"]
            ]
        meet = sorted(
            set(sides[0].dist) & set(sides[1].dist),
            key=lambda n: sides[0].dist[n] + sides[1].dist[n],
        )
    if meet:
        best = sides[0].dist[meet[0]] + sides[1].dist[meet[0]]
        meet = [n for n in meet if sides[0].dist[n] + sides[1].dist[n] == best]
    found: list[tuple[list[str], list[tuple[str, str, str]]]] = []
    for middle in meet:
        for left_nodes, left_edges in _trails(sides[0].via, middle):
            for right_nodes, right_edges in _trails(sides[1].via, middle):
                found.append((left_nodes + right_nodes[::-1][1:], left_edges + right_edges[::-1]))
    unique = {tuple(p[0]): p for p in found}
    await _describe(ctx, walk, {n: -1 for nodes, _ in unique.values() for n in nodes})
    ordered = sorted(
        unique.values(), key=lambda p: (len(p[1]), [walk.nodes[n]["key"] for n in p[0]])
    )
    walk.truncated |= len(ordered) > limit
    chosen = ordered[:limit]
    used = {n for nodes, _ in chosen for n in nodes}
    walk.nodes = {eid: node for eid, node in walk.nodes.items() if eid in used}
    walk.edges = {e for _, edges in chosen for e in edges}
    return _view(ctx, walk, chosen)


def _trails(
    via: dict[str, list[tuple[str, tuple[str, str, str]]]], node: str, cap: int = 1000
) -> list[tuple[list[str], list[tuple[str, str, str]]]]:
    """Every shortest trail from the search's start to `node` (nodes and edges, in order)."""
    if not via[node]:
        return [([node], [])]
    trails = []
    for previous, edge in via[node]:
        for nodes, edges in _trails(via, previous, cap):
            trails.append(([*nodes, node], [*edges, edge]))
            if len(trails) >= cap:
                return trails
    return trails


def _view(ctx: Context, walk: _Walk, chosen: list[Any]) -> dict[str, Any]:
    ids = {eid: node_id(node) for eid, node in walk.nodes.items()}
    nodes = sorted(
        (graph_node(ctx, node, node["distance"]) for node in walk.nodes.values()),
        key=lambda n: (n["distance"], n["label"], n["key"]),
    )
    edges = sorted(
        (graph_edge(ids[s], t, ids[o]) for s, t, o in walk.edges if s in ids and o in ids),
        key=lambda e: (e["source"], e["type"], e["target"]),
    )
    found = [
        {
            "length": len(path_edges),
            "node_ids": [ids[n] for n in path_nodes],
            "edge_ids": [graph_edge(ids[s], t, ids[o])["id"] for s, t, o in path_edges],
        }
        for path_nodes, path_edges in chosen
    ]
    return graph_view(nodes, edges, found, walk.truncated)
