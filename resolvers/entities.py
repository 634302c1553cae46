"""The core entities: lists in the caller's scope, relations, nodes by global id."""

from __future__ import annotations

import enum
from collections.abc import Collection
from typing import Any

from core.errors import BadUserInput, Forbidden
from core.ids import from_global_id, graph_id
from core.paging import Page, page_window
from graph.entities import LIST, LIST_IN_SCOPE, RELATIONS, filter_names
from resolvers.context import Context
from resolvers.loaders import freeze

# Filters that name another node take its global id; these are the labels they must name.
ID_FILTERS = {
    "under": "Organization",
    "grid": "Grid",
    "project": "ServiceProject",
    "cadre": "Cadre",
    "social_organization": "SocialOrganization",
}


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


async def list_page(
    ctx: Context, label: str, first: int | None, after: str | None, given: object | None
) -> Page[Any]:
    offset, limit = page_window(first, after)
    ctx.require_principal()
    if label == "Youth" and getattr(given, "search", None) and not ctx.scope.unmask:
        raise Forbidden("searching youth by name needs a role that sees names", "filter.search")
    rows = await ctx.graph.read(
        LIST_IN_SCOPE[label] if ctx.scope.limited else LIST[label],
        offset=offset,
        limit=limit,
        **filter_params(label, given),
    )
    return _page(rows[0] if rows else None, offset)


def _page(row: dict[str, Any] | None, offset: int) -> Page[Any]:
    return Page(row["page"] if row else [], row["total"] if row else 0, offset)


async def relation_page(
    ctx: Context,
    relation: str,
    parent_key: str,
    first: int | None = None,
    after: str | None = None,
    given: object | None = None,
) -> Page[Any]:
    """The page of nodes a relation reaches from one parent, batched with the other parents of
    the request's level (resolvers/loaders.py)."""
    offset, limit = page_window(first, after)
    labels = RELATIONS[relation].labels
    params = filter_params(labels[0], given) if len(labels) == 1 else {}
    row = await ctx.loaders.relations.load((relation, freeze(params), offset, limit, parent_key))
    return _page(row, offset)


async def relation_one(ctx: Context, relation: str, parent_key: str) -> dict[str, Any] | None:
    page = await relation_page(ctx, relation, parent_key, first=1)
    return page.items[0]["node"] if page.items else None


async def node_record(
    ctx: Context, value: str, labels: Collection[str], field: str = "id"
) -> dict[str, Any] | None:
    """The record of the node a global id names, or None when it does not exist or lies outside
    the scope; `labels` are those the API has types for."""
    ctx.require_principal()
    type_name, key = from_global_id(value, field)
    if type_name not in labels:
        raise BadUserInput(f"'{value}' is not an id of this API", field=field)
    return await ctx.loaders.nodes.load((type_name, key))
