"""The one place that maps plain data to GraphQL objects.

Resolvers return plain data: a node as the record the graph returns, `{props, labels}`; a page
as `core.paging.Page`; a feature's result as a dict (camelCase or snake_case keys) of such values.
`build(cls, data)` turns any of them into the GraphQL type `cls` by reading its type hints:
property `id` becomes a node's `key`, camelCase properties become snake_case fields, codes become
enums, Neo4j temporals and datetimes sent as text become Python ones, pages become connections.
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

from core.paging import Page
from core.personal import PERSONAL
from core.vocabulary import Post
from schema.relay import Connection, Edge, Node, paged

TYPES: dict[str, type] = {}  # graph label -> GraphQL type

T = typing.TypeVar("T", bound=type)


def node_type(label: str) -> Callable[[T], T]:
    """Registers a GraphQL type as the mapping of nodes carrying `label`."""

    def register(cls: T) -> T:
        TYPES[label] = cls
        return cls

    return register


def camel(name: str) -> str:
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


def _is_record(value: Any) -> bool:
    return isinstance(value, dict) and "props" in value and "labels" in value


def _object_or_record(value: Any) -> Any:
    """A node-typed value: a record becomes its node object; anything else is kept."""
    return to_object(value) if _is_record(value) else value


@cache
def converter(hint: Any) -> Callable[[Any], Any]:
    """How a plain value becomes a value of the type `hint` (None stays None)."""
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:  # strawberry.Private[...], lazy types
        return converter(typing.get_args(hint)[0])
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return converter(inner[0]) if len(inner) == 1 else _object_or_record
    if origin is list:
        item = converter(typing.get_args(hint)[0])
        return lambda value: [item(v) if v is not None else None for v in value or []]
    if origin is Connection:
        return _connection(converter(typing.get_args(hint)[0]))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return lambda value: value if isinstance(value, hint) else hint(value)
    if hint is dt.datetime:
        return _datetime
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if hint in TYPES.values() or hint is Node or not hasattr(hint, "__strawberry_definition__"):
            return _object_or_record
        return lambda value: value if isinstance(value, hint) else build(hint, value)
    if typing.get_origin(hint) is None and isinstance(hint, str | typing.ForwardRef):
        return _object_or_record  # a lazy reference to a node type
    return _native


def _connection(item: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def convert(page: Page[Any]) -> Connection[Any]:
        relation = bool(page.items) and isinstance(page.items[0], dict) and "edge" in page.items[0]
        values = [x["node"] if relation else x for x in page.items]
        connection = paged([item(v) for v in values], page.total, page.offset)
        if relation:
            for edge, x in zip(connection.edges, page.items, strict=True):
                _set_edge(edge, x["edge"])
        return connection

    return convert


def _set_edge(edge: Edge[Any], props: dict[str, Any] | None) -> None:
    """The relationship's properties that Edge shows."""
    for name in ("since", "until", "at", "amount"):
        if props and props.get(name) is not None:
            setattr(edge, name, _datetime(props[name]) if name == "at" else _native(props[name]))
    if props and props.get("post"):
        edge.post = Post(props["post"])


@cache
def _fields(cls: type) -> tuple[tuple[str, str, Callable[[Any], Any]], ...]:
    """(field, plain key, converter) for each field of `cls` that takes a value."""
    hints = typing.get_type_hints(cls, include_extras=True)
    return tuple(
        (f.name, "id" if f.name == "key" else camel(f.name), converter(hints[f.name]))
        for f in dataclasses.fields(cls)
        if f.name in hints and f.init and f.name not in ("labels", "personal")
    )


def build(cls: type, data: Any) -> Any:
    """A GraphQL value of type `cls` from plain data (a dict, or an object with attributes)."""
    get: Callable[[str, str], Any]
    if isinstance(data, dict):
        get = lambda name, key: data[name] if name in data else data.get(key)  # noqa: E731
    else:
        get = lambda name, key: getattr(data, name, None)  # noqa: E731
    values = {}
    for name, key, convert in _fields(cls):
        value = get(name, key)
        values[name] = convert(value) if value is not None else None
    return cls(**values)


def primary_label(labels: list[str]) -> str:
    return _primary(tuple(labels))


@cache
def _primary(labels: tuple[str, ...]) -> str:
    return next(label for label in labels if label in TYPES)


@cache
def _keeps_labels(cls: type) -> bool:
    return any(f.name == "labels" for f in dataclasses.fields(cls))


def personal_of(label: str, props: dict[str, Any]) -> dict[str, Any] | None:
    """A node's personal properties, kept aside: resolvers/personal.py decides what the reader
    sees of them (with `caseOpen`, a social organisation's case)."""
    personal = PERSONAL.get(label)
    if not personal:
        return None
    kept = {p: _native(props.get(p)) for p in personal}
    kept["caseOpen"] = props.get("caseOpen")
    return kept


@cache
def field_reader(cls: type, name: str) -> Callable[[dict[str, Any]], Any] | None:
    """How the field `name` of `cls` reads from a node's properties, as to_object converts it;
    None when it is not a property (a relation, a computed field)."""
    for field_name, key, convert in _fields(cls):
        if field_name == name:
            return lambda props: None if (v := props.get(key)) is None else convert(v)
    return None


def to_object(record: dict[str, Any], relations: bool = True) -> Any:
    """The node object of a record `{props, labels}`; personal properties (core/personal.py) are
    kept aside for masking. `relations=False`: the relations the record brought are left out
    (schema/compiled.py shapes them from the record itself)."""
    props, labels = record["props"], record["labels"]
    label = primary_label(labels)
    cls = TYPES[label]
    values: dict[str, Any] = {}
    for name, key, convert in _fields(cls):
        value = props.get(key)
        values[name] = convert(value) if value is not None else None
    personal = personal_of(label, props)
    if personal is not None:
        values["personal"] = personal
    if _keeps_labels(cls):
        values["labels"] = labels
    obj = cls(**values)
    rels = record.get("rels") if relations else None
    if rels is not None:  # a compiled read (graph/compiler.py) brought its relations along
        obj._fetched = {key: relation_value(value) for key, value in rels.items()}
    return obj


def relation_value(value: Any) -> Any:
    """A relation a compiled read brought: a page becomes a connection, a node its object."""
    if value is None:
        return None
    if "items" in value:
        items, offset = value["items"], value["offset"]
        total = value["total"] if value["total"] is not None else offset + len(items)
        return to_connection(Page(items, total, offset))
    return to_object(value)


to_connection: Callable[[Page[Any]], Connection[Any]] = _connection(_object_or_record)
"""A page of node records (or of relation items) as a connection of node objects."""

raw_connection: Callable[[Page[Any]], Connection[Any]] = _connection(lambda record: record)
"""The same connection with its nodes left as records (schema/compiled.py shapes them)."""


def connection_of(cls: type[Any], page: Page[Any]) -> Connection[Any]:
    """A page of plain results (dicts or objects) as a connection of `cls` objects."""
    return converter(Connection[cls])(page)  # type: ignore[valid-type]  # cls: a run-time class
