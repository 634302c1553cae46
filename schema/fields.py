"""Field factories: a relation as a paged connection or a single node, a list of the caller's
scope, and an enum's Chinese label; `Info`, what every resolver of the schema receives.

No `from __future__ import annotations` here: the resolvers' annotations must be real objects,
since they are built from the factories' arguments."""

from typing import Any

import strawberry

from core.paging import DEFAULT_PAGE
from resolvers import entities
from resolvers.context import Context
from schema.mapping import to_connection, to_object
from schema.relay import Connection, Node

Info = strawberry.Info[Context, Any]


def connection(relation: str, node: Any, filter_type: Any = None, description: str = "") -> Any:
    """A paged relation `Type.field` of graph/entities.py RELATIONS, batched over parents."""
    if filter_type is None:

        async def resolve(
            root: Node, info: Info, first: int | None = DEFAULT_PAGE, after: str | None = None
        ) -> Connection[node]:  # type: ignore[valid-type]
            page = await entities.relation_page(info.context, relation, root.key, first, after)
            return to_connection(page)

    else:

        async def resolve(  # type: ignore[misc]
            root: Node,
            info: Info,
            first: int | None = DEFAULT_PAGE,
            after: str | None = None,
            filter: filter_type | None = None,  # type: ignore[valid-type]
        ) -> Connection[node]:  # type: ignore[valid-type]
            page = await entities.relation_page(
                info.context, relation, root.key, first, after, filter
            )
            return to_connection(page)

    return strawberry.field(resolver=resolve, description=description or None)


def one(relation: str, node: Any, description: str = "") -> Any:
    """A relation that reaches at most one node."""

    async def resolve(root: Node, info: Info) -> node | None:  # type: ignore[valid-type]
        record = await entities.relation_one(info.context, relation, root.key)
        return to_object(record) if record else None

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
        page = await entities.list_page(info.context, label, first, after, filter)
        return to_connection(page)

    return strawberry.field(resolver=resolve, description=description)
