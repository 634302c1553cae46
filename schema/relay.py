"""Relay plumbing shared by every type: the Node interface, opaque global ids, connections."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import Generic, TypeVar

import strawberry

from schema.enums import Post
from schema.errors import BadUserInput

T = TypeVar("T")

DEFAULT_PAGE = 20
MAX_PAGE = 100


def to_global_id(type_name: str, key: str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{key}".encode()).decode()


def from_global_id(value: str, field: str = "id") -> tuple[str, str]:
    """(type name, graph id) of an opaque id; BAD_USER_INPUT for anything else."""
    try:
        type_name, _, key = base64.urlsafe_b64decode(value.encode()).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        type_name, key = "", ""
    if not type_name or not key:
        raise BadUserInput(f"'{value}' is not an id of this API", field=field)
    return type_name, key


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


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()


def page_window(first: int | None, after: str | None) -> tuple[int, int]:
    """(offset, limit) from Relay arguments; `first` is capped at MAX_PAGE."""
    limit = DEFAULT_PAGE if first is None else first
    if not 0 <= limit <= MAX_PAGE:
        raise BadUserInput(f"first must be between 0 and {MAX_PAGE}", field="first")
    if after is None:
        return 0, limit
    try:
        prefix, _, offset = base64.urlsafe_b64decode(after.encode()).decode().partition(":")
        if prefix != "offset":
            raise ValueError(after)
        return int(offset) + 1, limit
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise BadUserInput("after is not a cursor of this connection", field="after") from exc


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
