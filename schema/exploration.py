"""Relationship exploration: neighbourhoods and connecting paths as nodes and edges to draw."""

from __future__ import annotations

import strawberry

from resolvers import exploration
from schema.enums import NodeLabel, RelationshipType
from schema.fields import Info
from schema.mapping import build
from schema.shared import GraphView


@strawberry.type
class Query:
    @strawberry.field(
        description="The nodes within `depth` hops (≤ 3) of a node, over the given relationship "
        "types and labels (all if omitted), within your scope, nearest first."
    )
    async def neighborhood(
        self,
        info: Info,
        id: strawberry.ID,
        depth: int = 1,
        relationship_types: list[RelationshipType] | None = None,
        labels: list[NodeLabel] | None = None,
        limit: int = 100,
    ) -> GraphView:
        view = await exploration.neighborhood(
            info.context, id, depth, relationship_types, labels, limit
        )
        return build(GraphView, view)

    @strawberry.field(
        description="How two nodes are connected: the shortest paths (up to `limit`) of at most "
        "`maxLength` (≤ 6) hops, through nodes within your scope only."
    )
    async def paths(
        self,
        info: Info,
        from_id: strawberry.ID,
        to_id: strawberry.ID,
        max_length: int = 4,
        relationship_types: list[RelationshipType] | None = None,
        limit: int = 10,
    ) -> GraphView:
        view = await exploration.paths(
            info.context, from_id, to_id, max_length, relationship_types, limit
        )
        return build(GraphView, view)
