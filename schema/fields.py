"""Field factories: a relation as a paged connection or a single node, and an enum's Chinese label.

No `from __future__ import annotations` here: the resolvers' annotations must be real objects,
since they are built from the factories' arguments."""

from typing import Any

import strawberry

from resolvers.connections import list_connection, relation_connection, relation_one
from resolvers.context import Info
from schema.relay import DEFAULT_PAGE, Connection, Node


def connection(relation: str, node: Any, filter_type: Any = None, description: str = "") -> Any:
    """A paged relation `Type.field` of graph/entities.py RELATIONS, batched over parents."""
    if filter_type is None:

        async def resolve(
            root: Node, info: Info, first: int | None = DEFAULT_PAGE, after: str | None = None
        ) -> Connection[node]:  # type: ignore[valid-type]
            return await relation_connection(info, relation, root, first, after)

    else:

        async def resolve(  # type: ignore[misc]
            root: Node,
            info: Info,
            first: int | None = DEFAULT_PAGE,
            after: str | None = None,
            filter: filter_type | None = None,  # type: ignore[valid-type]
        ) -> Connection[node]:  # type: ignore[valid-type]
            return await relation_connection(info, relation, root, first, after, filter)

    return strawberry.field(resolver=resolve, description=description or None)


def one(relation: str, node: Any, description: str = "") -> Any:
    """A relation that reaches at most one node."""

    async def resolve(root: Node, info: Info) -> node | None:  # type: ignore[valid-type]
        return await relation_one(info, relation, root)

    return strawberry.field(resolver=resolve, description=description or None)


def label(attr: str, many: bool = False) -> Any:
    """The Chinese label of the enum field `attr` (or of each member of a list of enums)."""

    def resolve(root: Any) -> str | None:
        value = getattr(root, attr)
        value = value() if callable(value) else value  # a computed enum, e.g. Organization.kind
        return value.label if value is not None else None

    def resolve_many(root: Any) -> list[str]:
        return [v.label for v in getattr(root, attr) or []]

    return strawberry.field(
        resolver=resolve_many if many else resolve,
        description=f"The Chinese label of {attr}.",
    )


def listing(label: str, node: Any, filter_type: Any, description: str) -> Any:
    """A top-level list of every `label` node in the caller's scope, filtered and paged."""

    async def resolve(
        info: Info,
        first: int | None = DEFAULT_PAGE,
        after: str | None = None,
        filter: filter_type | None = None,  # type: ignore[valid-type]
    ) -> Connection[node]:  # type: ignore[valid-type]
        return await list_connection(info, label, first, after, filter)

    return strawberry.field(resolver=resolve, description=description)
