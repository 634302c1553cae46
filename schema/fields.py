"""Field factories: a relation as a paged connection or a single node, a list of the caller's
scope, and an enum's Chinese label; `Info`, what every resolver of the schema receives.

A relation's field reads what the compiled read of its root field brought along (its object's
`_fetched`, see schema/mapping.py); only below a feature's own results does it read the graph,
batched per relation for the whole request. Each field says what it needs of the graph in its
metadata (a relation's name, the properties it uses): schema/selection.py compiles reads from it.

No `from __future__ import annotations` here: the resolvers' annotations must be real objects,
since they are built from the factories' arguments."""

from typing import Any

import strawberry

from core.paging import DEFAULT_PAGE
from resolvers import entities
from resolvers.context import Context
from resolvers.personal import reveal
from schema.mapping import camel, relation_value, to_connection
from schema.relay import Connection, Node
from schema.selection import Selection

Info = strawberry.Info[Context, Any]


def selection(info: Info) -> Selection:
    """The operation's selection, as the read compiler needs it."""
    raw = info._raw_info
    return Selection(raw.schema, raw.fragments, raw.variable_values, info.context.scope.unmask)


def _prefetched(root: Node, info: Info) -> tuple[bool, Any]:
    fetched = getattr(root, "_fetched", None)
    if fetched is not None and info.path.key in fetched:
        return True, fetched[info.path.key]
    return False, None


async def _read(root: Node, info: Info, relation: str) -> Any:
    """The relation of a node no compiled read brought, with its whole sub-selection."""
    raw = info._raw_info
    walk = selection(info)
    field_def = raw.parent_type.fields[raw.field_name]
    shape = walk.relation_shape(str(info.path.key), relation, list(raw.field_nodes), field_def)
    value = await entities.read_relation(
        info.context, raw.parent_type.name, root.key, shape, walk.params
    )
    return relation_value(value)


def connection(relation: str, node: Any, filter_type: Any = None, description: str = "") -> Any:
    """A paged relation `Type.field` of graph/entities.py RELATIONS."""
    if filter_type is None:

        def resolve(
            root: Node, info: Info, first: int | None = DEFAULT_PAGE, after: str | None = None
        ) -> Connection[node]:
            found, value = _prefetched(root, info)
            return value if found else _read(root, info, relation)  # type: ignore[return-value]

    else:

        def resolve(  # type: ignore[misc]
            root: Node,
            info: Info,
            first: int | None = DEFAULT_PAGE,
            after: str | None = None,
            filter: filter_type | None = None,
        ) -> Connection[node]:
            found, value = _prefetched(root, info)
            return value if found else _read(root, info, relation)  # type: ignore[return-value]

    return strawberry.field(
        resolver=resolve, description=description or None, metadata={"relation": relation}
    )


def one(relation: str, node: Any, description: str = "") -> Any:
    """A relation that reaches at most one node."""

    def resolve(root: Node, info: Info) -> node | None:
        found, value = _prefetched(root, info)
        return value if found else _read(root, info, relation)

    return strawberry.field(
        resolver=resolve, description=description or None, metadata={"relation": relation}
    )


def personal_field(prop: str, returns: Any, description: str, convert: Any = None) -> Any:
    """A personal property of a node, as the reader may see it (resolvers/personal.py)."""

    def resolve(root: Any, info: Info) -> returns:
        value = reveal(info.context, type(root).__name__, root.key, root.personal, prop)
        return value if value is None or convert is None else convert(value)

    return strawberry.field(
        resolver=resolve,
        description=description,
        metadata={"uses": (prop,), "personal": prop, "convert": convert},
    )


def label(attr: str, many: bool = False, uses: tuple[str, ...] | None = None) -> Any:
    """The Chinese label of the enum field `attr` (or of each member of a list of enums); `uses`:
    the properties it is computed from, when `attr` is computed."""

    def resolve(root: Any) -> str | None:
        value = getattr(root, attr)
        value = value() if callable(value) else value  # a computed enum, e.g. Organization.kind
        return value.label if value is not None else None

    def resolve_many(root: Any) -> list[str]:
        return [v.label for v in getattr(root, attr) or []]

    return strawberry.field(
        resolver=resolve_many if many else resolve,
        description=f"The Chinese label of {attr}.",
        metadata={"uses": (camel(attr),) if uses is None else uses, "label": attr, "many": many},
    )


def listing(label: str, node: Any, filter_type: Any, description: str) -> Any:
    """A top-level list of every `label` node in the caller's scope, filtered and paged: one
    statement for the list and everything its selection reads below it."""

    async def resolve(
        info: Info,
        first: int | None = DEFAULT_PAGE,
        after: str | None = None,
        filter: filter_type | None = None,
    ) -> Connection[node]:
        info.context.require_principal()
        raw = info._raw_info
        walk = selection(info)
        field_def = raw.parent_type.fields[raw.field_name]
        shape = walk.list_shape(label, list(raw.field_nodes), field_def)
        return to_connection(await entities.read_list(info.context, shape, walk.params))

    return strawberry.field(resolver=resolve, description=description, metadata={"list": label})
