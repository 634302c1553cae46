"""Lists and relations as Relay connections, and nodes by global id: used by every type."""

from __future__ import annotations

import enum
from typing import Any

from graph.entities import BY_IDS, LIST, LIST_IN_SCOPE, RELATIONS, filter_names
from resolvers.context import Info
from resolvers.loaders import freeze
from schema.errors import BadUserInput, Forbidden
from schema.mapping import TYPES, to_connection, to_object
from schema.relay import Connection, Node, from_global_id, page_window

# Filters that name another node take its global id; these are the labels they must name.
ID_FILTERS = {
    "under": "Organization",
    "grid": "Grid",
    "project": "ServiceProject",
    "cadre": "Cadre",
    "social_organization": "SocialOrganization",
}


def graph_id(value: str, label: str, field: str) -> str:
    """The graph id inside a global id, which must name a node of `label`."""
    type_name, key = from_global_id(value, field)
    if type_name != label:
        raise BadUserInput(f"{field} must be the id of a {label}, not of a {type_name}", field)
    return key


def _param(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list):
        return [_param(v) for v in value]
    return value


def filter_params(label: str, given: object | None) -> dict[str, Any]:
    """The `$f_*` parameters of `label`'s queries from a GraphQL filter input (unset: None)."""
    params: dict[str, Any] = {}
    for name in filter_names(label):
        value = getattr(given, name, None) if given is not None else None
        if name == "archived" and value is None:
            value = False  # archived nodes only when asked for
        if value is not None and name in ID_FILTERS:
            value = graph_id(value, ID_FILTERS[name], f"filter.{name}")
        params[f"f_{name}"] = _param(value)
    return params


async def list_connection(
    info: Info, label: str, first: int | None, after: str | None, given: object | None
) -> Connection[Any]:
    offset, limit = page_window(first, after)
    ctx = info.context
    ctx.require_principal()
    if label == "Youth" and getattr(given, "search", None) and not ctx.scope.unmask:
        raise Forbidden("searching youth by name needs a role that sees names", "filter.search")
    rows = await ctx.db.read(
        LIST[label] if ctx.scope.everything else LIST_IN_SCOPE[label],
        offset=offset,
        limit=limit,
        **filter_params(label, given),
        **ctx.scope.params(),
    )
    return to_connection(rows[0] if rows else None, offset)


async def relation_connection(
    info: Info,
    relation: str,
    parent: Node,
    first: int | None = None,
    after: str | None = None,
    given: object | None = None,
) -> Connection[Any]:
    offset, limit = page_window(first, after)
    labels = RELATIONS[relation].labels
    params = filter_params(labels[0], given) if len(labels) == 1 else {}
    row = await info.context.loaders.relations.load(
        (relation, freeze(params), offset, limit, parent.key)
    )
    return to_connection(row, offset)


async def relation_one(info: Info, relation: str, parent: Node) -> Any:
    connection = await relation_connection(info, relation, parent, first=1)
    return connection.edges[0].node if connection.edges else None


async def node_by_global_id(info: Info, value: str, field: str = "id") -> Any:
    """The node a global id names, or None when it does not exist or lies outside the scope."""
    info.context.require_principal()
    type_name, key = from_global_id(value, field)
    if type_name not in TYPES:
        raise BadUserInput(f"'{value}' is not an id of this API", field=field)
    record = await info.context.loaders.nodes.load((type_name, key))
    return to_object(record) if record else None


async def organization_visible(info: Info, key: str) -> bool:
    """Whether the caller may see the organisation with this graph id."""
    ctx = info.context
    return bool(await ctx.db.read(BY_IDS["Organization"], ids=[key], **ctx.scope.params()))
