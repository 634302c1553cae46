"""Result types that several features share.

Graph views (exploration, co-building, linkage): subgraphs as nodes and edges a frontend can
draw."""

from __future__ import annotations

import strawberry

from schema.enums import RelationshipType


@strawberry.type(description="A node to draw.")
class GraphNode:
    id: strawberry.ID = strawberry.field(description="Its global id (node(id:) resolves it).")
    key: str
    label: str = strawberry.field(description="Its most specific label, e.g. GridBranch.")
    label_name: str = strawberry.field(description="The Chinese name of the label.")
    name: str = strawberry.field(description="Name or title; a youth's is masked as usual.")
    distance: int = strawberry.field(description="Hops from the start (neighbourhood).")


@strawberry.type(description="A relationship to draw, from source to target.")
class GraphEdge:
    id: str
    type: RelationshipType
    source: strawberry.ID
    target: strawberry.ID

    @strawberry.field
    def type_label(self) -> str:
        return self.type.label


@strawberry.type(description="One path: its nodes and edges in order.")
class GraphPath:
    length: int
    node_ids: list[strawberry.ID]
    edge_ids: list[str]


@strawberry.type(description="A subgraph, ordered deterministically.")
class GraphView:
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    paths: list[GraphPath] = strawberry.field(description="For paths(): each path found.")
    truncated: bool = strawberry.field(description="True when `limit` cut the result.")
