"""The one place that maps graph records to GraphQL objects.

A record is what graph/entities.py returns for a node, `{props, labels}`, and for a page
`{total, page: [{node, edge}]}`. Property `id` becomes the type's `key`; camelCase properties
become the snake_case fields of the type; codes become enums; Neo4j temporals become Python ones.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from schema.enums import Post
from schema.relay import Connection, paged

TYPES: dict[str, type] = {}  # graph label -> GraphQL type

T = typing.TypeVar("T", bound=type)


def node_type(label: str) -> Callable[[T], T]:
    """Registers a GraphQL type as the mapping of nodes carrying `label`."""

    def register(cls: T) -> T:
        TYPES[label] = cls
        return cls

    return register


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


def _datetime(value: Any) -> Any:
    """A datetime sent as text ('2021-01-03T20:16:00+08:00[Asia/Shanghai]'), or a temporal."""
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value.partition("[")[0])
    return _native(value)


def _converter(hint: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:
        return _converter(typing.get_args(hint)[0])
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _converter(inner[0]) if len(inner) == 1 else _native
    if origin is list:
        item = _converter(typing.get_args(hint)[0])
        return lambda value: [item(v) for v in value or []]
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return lambda value: hint(value)
    if hint is dt.datetime:
        return _datetime
    return _native


@cache
def _plan(cls: type) -> tuple[dict[str, tuple[str, Callable[[Any], Any]]], tuple[str, ...]]:
    """For a type: graph property -> (field, converter); and the personal properties it keeps
    aside for masking (see schema/personal.py)."""
    hints = typing.get_type_hints(cls, include_extras=True)
    plan: dict[str, tuple[str, Callable[[Any], Any]]] = {}
    for f in dataclasses.fields(cls):
        if f.name in ("labels", "personal") or f.name not in hints:
            continue  # kept aside, or a field with a resolver
        prop = "id" if f.name == "key" else _camel(f.name)
        plan[prop] = (f.name, _converter(hints[f.name]))
    return plan, tuple(getattr(cls, "PERSONAL", ()))


def primary_label(labels: list[str]) -> str:
    return next(label for label in labels if label in TYPES)


def to_object(record: dict[str, Any]) -> Any:
    props, labels = record["props"], record["labels"]
    cls = TYPES[primary_label(labels)]
    plan, personal = _plan(cls)
    values: dict[str, Any] = {}
    for prop, (name, convert) in plan.items():
        value = props.get(prop)
        values[name] = convert(value) if value is not None else None
    if personal:
        values["personal"] = {p: _native(props.get(p)) for p in personal}
    if "labels" in cls.__dataclass_fields__:
        values["labels"] = labels
    return cls(**values)


def _edge_props(edge: dict[str, Any] | None) -> dict[str, Any]:
    """The relationship's properties that Edge shows."""
    if not edge:
        return {}
    out = {
        k: _native(edge[k]) for k in ("since", "until", "at", "amount") if edge.get(k) is not None
    }
    if edge.get("post"):
        out["post"] = Post(edge["post"])
    return out


def to_connection(row: dict[str, Any] | None, offset: int) -> Connection[Any]:
    total = row["total"] if row else 0
    page = row["page"] if row else []
    connection = paged([to_object(item["node"]) for item in page], total, offset)
    for edge, item in zip(connection.edges, page, strict=True):
        for name, value in _edge_props(item["edge"]).items():
            setattr(edge, name, value)
    return connection


def from_row(cls: type, row: dict[str, Any]) -> Any:
    """A plain result row (camelCase keys) as a GraphQL value type."""
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{snake(k): _native(v) for k, v in row.items() if snake(k) in names})
