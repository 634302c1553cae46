"""Relay plumbing shared by every type: the Node interface, opaque global ids, connections."""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

import strawberry

from core.ids import to_global_id
from core.paging import encode_cursor
from schema.enums import Post

T = TypeVar("T")


@strawberry.interface(description="An object with a global id (Relay).")
class Node:
    key: str = strawberry.field(
        description="The object's id in the graph: stable and readable, e.g. RC-T01"
    )

    @strawberry.field(description="The opaque global id: use it with node(id:) and mutations.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(to_global_id(type(self).__name__, self.key))


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type(description="An edge: the node, and the properties of the relationship if any.")
class Edge(Generic[T]):
    cursor: str
    node: T
    since: dt.date | None = strawberry.field(default=None, description="co-building/linked since")
    until: dt.date | None = strawberry.field(default=None, description="co-building ended on")
    post: Post | None = strawberry.field(default=None, description="a cadre's post")
    at: dt.datetime | None = strawberry.field(default=None, description="referred/acknowledged at")
    amount: int | None = strawberry.field(default=None, description="an allocation in yuan")

    @strawberry.field
    def post_label(self) -> str | None:
        return self.post.label if self.post else None


@strawberry.type
class Connection(Generic[T]):
    total_count: int
    page_info: PageInfo
    edges: list[Edge[T]]

    @strawberry.field(description="The nodes of the edges, for clients that need no cursors.")
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]


def paged(items: list[T], total: int, offset: int) -> Connection[T]:
    """A connection over a page already cut (items at `offset` of `total`)."""
    edges = [Edge(cursor=encode_cursor(offset + i), node=item) for i, item in enumerate(items)]
    return Connection(
        total_count=total,
        page_info=PageInfo(
            has_next_page=offset + len(edges) < total,
            has_previous_page=offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        edges=edges,
    )
