"""The core entities: lists in the caller's scope, nodes by id, and the relations of nodes, each
read as one compiled statement (graph/compiler.py) whatever the depth of its selection."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.paging import Page
from graph.compiler import ListShape, NodesShape, RelationShape, list_statement, nodes_statement
from resolvers.context import Context


async def read_list(ctx: Context, shape: ListShape, params: Mapping[str, Any]) -> Page[Any]:
    """A page of a list of the caller's scope, with what the selection reads below its nodes."""
    ctx.require_principal()
    rows = await ctx.graph.read(list_statement(shape, ctx.scope.limited), **params)
    items = rows[0]["items"] if rows else []
    total = rows[0]["total"] if rows and rows[0]["total"] is not None else None
    offset = params["offset"]
    return Page(items, offset + len(items) if total is None else total, offset)


async def read_nodes(
    ctx: Context, shape: NodesShape, ids: Mapping[str, list[str]], params: Mapping[str, Any]
) -> dict[tuple[str, str], dict[str, Any]]:
    """The records of the nodes named by (label, graph id), of those the caller may see."""
    ctx.require_principal()
    by_label = {f"ids_{label}": ids.get(label, []) for label, _ in shape.shapes}
    rows = await ctx.graph.read(nodes_statement(shape, ctx.scope.limited), **by_label, **params)
    found = {}
    for row in rows:
        record = row["node"]
        for label in ids:
            if label in record["labels"]:
                found[(label, record["props"]["id"])] = record
    return found


async def read_relation(
    ctx: Context, parent: str, key: str, shape: RelationShape, params: Mapping[str, Any]
) -> Any:
    """A relation of one node that no compiled read brought (a feature's own query returned the
    node): batched with the same relation of the request's other such nodes."""
    return await ctx.loaders.relations.load((parent, shape, freeze(params), key))


def freeze(params: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
