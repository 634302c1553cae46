"""Relationship exploration: one hop outwards from a frontier of nodes, within the caller's scope.

The resolvers walk breadth-first, one query per hop (so a request costs at most its depth in
round trips); a node outside the scope is never returned, so no path can pass through it.
Nodes travel by element id inside one request (a seek, whatever their label)."""

from __future__ import annotations

from graph.driver import Query
from graph.scope import OWNERS, visible, visible_any

EXPLORABLE = tuple(OWNERS)  # every label of the model
_VISIBLE = visible_any(EXPLORABLE, "y")
_NODE = (
    "{eid: elementId(y), key: y.id, labels: labels(y), "
    "name: coalesce(y.name, y.title, y.period, y.id)}"
)

START: dict[str, Query] = {
    label: Query(
        f"explore_start_{label}",
        f"MATCH (y:{label} {{id: $key}}) WHERE {visible(label, 'y')} RETURN {_NODE} AS node",
    )
    for label in EXPLORABLE
}


# One hop from a frontier to the nodes not seen yet, over the allowed relationship types to
# allowed labels; each new node with the edges that reach it. `$cap` bounds the rows.
# `described`: with each node's key, labels and name (a neighbourhood shows every node it
# reaches; a search for paths describes only the nodes on the paths it keeps).
def _hop(described: bool) -> Query:
    node = f", {_NODE} AS node" if described else ""
    return Query(
        "explore_hop" + ("_described" if described else ""),
        f"""
        UNWIND $frontier AS eid
        MATCH (x) WHERE elementId(x) = eid
        // the first $cap by key overall are among the first $cap of each frontier node: cut
        // each node's neighbours there, before the (costly) visibility test of the rest
        CALL (x) {{
            MATCH (x)-[r]-(y)
            WHERE NOT elementId(y) IN $seen
              AND ($types IS NULL OR type(r) IN $types)
              AND ($labels IS NULL OR any(l IN labels(y) WHERE l IN $labels))
              AND any(l IN labels(y) WHERE l IN {list(EXPLORABLE)})
            WITH r, y ORDER BY y.id, labels(y)[0]
            WHERE {_VISIBLE}
            RETURN r, y LIMIT $cap
        }}
        WITH y, collect({{source: elementId(x), type: type(r), outgoing: startNode(r) = x}}) AS via
        ORDER BY y.id, labels(y)[0]
        LIMIT $cap
        RETURN elementId(y) AS target, via{node}
        """,
    )


HOP = _hop(described=False)
HOP_DESCRIBED = _hop(described=True)

# The nodes a walk kept, described (each was reached within the scope; the scope holds here too).
NODES = Query(
    "explore_nodes",
    f"""
    UNWIND $nodes AS eid
    MATCH (y) WHERE elementId(y) = eid AND {_VISIBLE}
    RETURN {_NODE} AS node
    """,
)

# The relationships among a set of nodes (the lateral ones a breadth-first walk did not use).
AMONG = Query(
    "explore_among",
    """
    UNWIND $nodes AS eid
    MATCH (x) WHERE elementId(x) = eid
    MATCH (x)-[r]->(y) WHERE elementId(y) IN $nodes AND ($types IS NULL OR type(r) IN $types)
    RETURN elementId(x) AS source, elementId(y) AS target, type(r) AS type
    """,
)
