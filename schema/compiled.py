"""Fully compiled operations: a query whose every field the read compiler covers is answered
without graphql-core's per-field execution.

Such a query (root fields among the lists, `node` and `nodes`; below them node fields,
relations, labels, connections) costs one Cypher statement per root field either way; what this
saves is the API's own time: no resolver call, no Info object, no awaitable per field. The
document was parsed and validated by strawberry the first time it was seen (with every limit the
schema applies); after that, each request coerces its variables, compiles its statements (texts
cached by shape), runs them, and shapes the response straight from the returned maps, through
the same mapping and the same field functions (masking, labels) as the executed path.

Anything unusual (a bad variable, an input error, an error in a field) falls back to the
executed path, which answers with the proper errors.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import orjson
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    parse,
)
from graphql.execution.values import get_variable_values
from strawberry.types import ExecutionResult

from core.errors import ApiError
from core.ids import from_global_id, to_global_id
from core.paging import Page
from graph.compiler import ListShape, NodesShape, list_statement, nodes_statement
from graph.driver import Query, round_trips
from resolvers import entities
from resolvers.context import Context
from resolvers.personal import reveal
from schema.extensions import log_personal_reads
from schema.mapping import (
    TYPES,
    field_reader,
    personal_of,
    primary_label,
    raw_connection,
    to_object,
)
from schema.relay import Node
from schema.selection import Selection


def _listed(field_def: GraphQLField) -> str | None:
    """The label a root field lists (schema/fields.py `listing`), if it is a list."""
    meta = field_def.extensions["strawberry-definition"].metadata or {}
    return meta.get("list")


@dataclass(frozen=True)
class Plan:
    """A validated document's operation, known to be fully compilable; what it compiled to for
    the variables it was called with (a client repeats its variables: a page of ids, a filter)."""

    operation: OperationDefinitionNode
    fragments: dict[str, Any]
    prepared: dict[bytes, Prepared] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Prepared:
    """An operation compiled for one set of variables and one masking: its roots, and the
    functions that shape each root's answer into the response (made on first use)."""

    roots: dict[str, tuple[list[FieldNode], Root | None]]
    program: _Program
    shapes: dict[str, Shape] = field(default_factory=dict)

    def shape(self, key: str) -> Shape:
        if key not in self.shapes:
            nodes = self.roots[key][0]
            query_type = self.program.walk.schema.query_type
            assert query_type is not None
            self.shapes[key] = self.program.shape(
                query_type.fields[nodes[0].name.value].type, nodes
            )
        return self.shapes[key]


PREPARED_MAX = 256  # per plan: then the oldest half is dropped


class CompiledOperations:
    """Plans by document, made once per document the executed path has validated."""

    def __init__(self, schema: GraphQLSchema) -> None:
        self.schema = schema
        self.plans: dict[tuple[str, str | None], Plan | None] = {}
        self.answered = 0  # requests answered by a plan (the tests read it)

    def known(self, query: str, operation_name: str | None) -> Plan | None:
        return self.plans.get((_digest(query), operation_name))

    def learn(self, query: str, operation_name: str | None) -> None:
        """Called after the executed path answered a document without errors."""
        key = (_digest(query), operation_name)
        if key not in self.plans and len(self.plans) < 4096:
            self.plans[key] = self._plan(parse(query), operation_name)

    def _plan(self, document: DocumentNode, operation_name: str | None) -> Plan | None:
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        named = [o for o in operations if operation_name is None or _name(o) == operation_name]
        if len(named) != 1 or named[0].operation is not OperationType.QUERY:
            return None
        fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        plan = Plan(named[0], fragments)
        walk = Selection(self.schema, fragments, None, unmask=True)
        query_type = self.schema.query_type
        assert query_type is not None
        for nodes in walk.fields([plan.operation.selection_set], query_type.name).values():
            name = nodes[0].name.value
            if name == "__typename":
                continue
            if name.startswith("__"):  # introspection (__schema, __type) is never compiled
                return None
            root = query_type.fields[name]
            if (name not in ("node", "nodes") and not _listed(root)) or any(
                n.directives for n in nodes
            ):
                return None
            if not self._covered(walk, query_type.fields[name].type, nodes):
                return None
        return plan

    def _covered(self, walk: Selection, of: GraphQLOutputType, nodes: list[FieldNode]) -> bool:
        """Whether every field below `nodes` is one a compiled read answers."""
        named = _named(of)
        if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            return True
        types = (
            [self.schema.type_map[label] for label in TYPES]
            if isinstance(named, GraphQLInterfaceType)
            else [named]
        )
        for object_type in types:
            assert isinstance(object_type, GraphQLObjectType)
            sets = [n.selection_set for n in nodes]
            for found in walk.fields(sets, object_type.name).values():
                name = found[0].name.value
                if name == "__typename":
                    continue
                field_def = object_type.fields[name]
                definition = field_def.extensions["strawberry-definition"]
                resolver = definition.base_resolver
                if resolver is not None and resolver.is_async:
                    return False  # a field with logic of its own (a feature's)
                if not self._covered(walk, field_def.type, found):
                    return False
        return True


def _digest(query: str) -> str:
    return hashlib.blake2b(query.encode(), digest_size=16).hexdigest()


def _name(operation: OperationDefinitionNode) -> str | None:
    return operation.name.value if operation.name else None


def _named(of: GraphQLOutputType) -> Any:
    while isinstance(of, GraphQLNonNull | GraphQLList):
        of = of.of_type
    return of


class Fallback(Exception):
    """The compiled path cannot answer this request: the executed path will."""


def _variables(schema: GraphQLSchema, plan: Plan, variables: dict[str, Any] | None) -> Any:
    coerced = get_variable_values(
        schema, plan.operation.variable_definitions or (), variables or {}
    )
    if isinstance(coerced, list):  # errors in the variables
        raise Fallback
    return coerced


@dataclass(frozen=True)
class Root:
    """A root field as one compiled read: its shape and parameters (its own, apart from the
    other root fields'), and for `node`/`nodes` the ids asked for, in order."""

    shape: ListShape | NodesShape
    params: dict[str, Any]
    keys: tuple[tuple[str, str], ...] = ()
    one: bool = False


def compile_root(walk: Selection, field_def: GraphQLField, nodes: list[FieldNode]) -> Root:
    name = nodes[0].name.value
    if name in ("node", "nodes"):
        args = walk.arguments(field_def, nodes[0])
        ids = [args["id"]] if name == "node" else list(args["ids"])
        keys = tuple(from_global_id(i, "id" if name == "node" else "ids") for i in ids)
        if any(t not in TYPES for t, _ in keys) or len(ids) > 100:
            raise Fallback
        by_label: dict[str, list[str]] = {}
        for type_name, key in keys:
            by_label.setdefault(type_name, []).append(key)
        shape = walk.nodes_shape(sorted(by_label), nodes)
        ids_params = {f"ids_{label}": keys_ for label, keys_ in by_label.items()}
        return Root(shape, {**walk.params, **ids_params}, keys, one=name == "node")
    label = _listed(field_def)
    assert label is not None
    return Root(walk.list_shape(label, nodes, field_def), dict(walk.params))


def roots(
    schema: GraphQLSchema, plan: Plan, variables: Any, unmask: bool
) -> dict[str, tuple[list[FieldNode], Root | None]]:
    """Each response key of the operation with its compiled read (None for __typename)."""
    query_type = schema.query_type
    assert query_type is not None
    fields = Selection(schema, plan.fragments, variables, unmask).fields(
        [plan.operation.selection_set], query_type.name
    )
    out: dict[str, tuple[list[FieldNode], Root | None]] = {}
    for key, nodes in fields.items():
        name = nodes[0].name.value
        if name == "__typename":
            out[key] = (nodes, None)
            continue
        walk = Selection(schema, plan.fragments, variables, unmask)
        out[key] = (nodes, compile_root(walk, query_type.fields[name], nodes))
    return out


def floor(schema: GraphQLSchema, document: str, variables: dict[str, Any] | None, limited: bool
          ) -> list[tuple[Query, dict[str, Any]]]:  # fmt: skip
    """The statements a compiled query runs and their parameters (but the scope's): what the
    benchmark's raw-Cypher floor sends straight through the driver."""
    plan = CompiledOperations(schema)._plan(parse(document), None)
    assert plan is not None, "not a compiled query"
    statements = []
    for _, root in roots(schema, plan, _variables(schema, plan, variables), True).values():
        if root is not None:
            make = list_statement if isinstance(root.shape, ListShape) else nodes_statement
            statements.append((make(root.shape, limited), root.params))
    return statements


async def execute(
    schema: GraphQLSchema, plan: Plan, context: Context, variables: dict[str, Any] | None
) -> ExecutionResult:
    """Answers a planned operation; raises Fallback when the executed path must."""
    if context.auth_error is not None or context.principal is None:
        raise Fallback
    query_type = schema.query_type
    assert query_type is not None
    counter = [0]
    token = round_trips.set(counter)
    try:
        prepared = _prepare(schema, plan, variables, context.scope.unmask)
        compiled = prepared.roots
        if len(compiled) == 1:  # the common case: no task to gather
            values = [await _read(context, root) for _, root in compiled.values()]
        else:
            values = await asyncio.gather(*(_read(context, root) for _, root in compiled.values()))
        data = {
            key: query_type.name if root is None else prepared.shape(key)(value, context)
            for (key, (_, root)), value in zip(compiled.items(), values, strict=True)
        }
    except ApiError as error:
        raise Fallback from error
    finally:
        round_trips.reset(token)
    log_personal_reads(context)
    return ExecutionResult(data=data, errors=None, extensions={"cypherRoundTrips": counter[0]})


def _prepare(
    schema: GraphQLSchema, plan: Plan, variables: dict[str, Any] | None, unmask: bool
) -> Prepared:
    """The operation compiled for these variables, made once per variables and masking."""
    try:
        key = orjson.dumps(variables or {}, option=orjson.OPT_SORT_KEYS) + (
            b"+" if unmask else b"-"
        )
    except TypeError:  # not JSON (never over HTTP): compiled afresh
        key = None
    prepared = plan.prepared.get(key) if key is not None else None
    if prepared is None:
        coerced = _variables(schema, plan, variables)
        prepared = Prepared(
            roots(schema, plan, coerced, unmask),
            _Program(Selection(schema, plan.fragments, coerced, unmask)),
        )
        if key is not None:
            if len(plan.prepared) >= PREPARED_MAX:
                for old in list(plan.prepared)[: PREPARED_MAX // 2]:
                    del plan.prepared[old]
            plan.prepared[key] = prepared
    return prepared


async def _read(context: Context, root: Root | None) -> Any:
    """A root's answer as the graph returned it: node records, or a page of them."""
    if root is None:
        return None
    if isinstance(root.shape, NodesShape):
        by_label: dict[str, list[str]] = {}
        for type_name, key in root.keys:
            by_label.setdefault(type_name, []).append(key)
        found = await entities.read_nodes(context, root.shape, by_label, root.params)
        records = [found.get(k) for k in root.keys]
        return records[0] if root.one else records
    return await entities.read_list(context, root.shape, root.params)


@dataclass
class _Info:
    """What the field functions of node types read of `info`: the context and the key."""

    context: Context
    path: Any = None


# How a field of a node type reads from a node's record: a relation the statement brought, a
# function of the record (a property as mapping.py converts it, the global id, a label, a
# personal property as the reader may see it), or None: the node's object answers it.
RELATION = "relation"
Reader = Callable[[dict[str, Any], Context], Any]


@cache
def _reader(object_type: GraphQLObjectType, name: str) -> Reader | str | None:
    definition = object_type.fields[name].extensions["strawberry-definition"]
    meta = definition.metadata or {}
    cls = object_type.extensions["strawberry-definition"].origin
    type_name = object_type.name
    if "relation" in meta:
        return RELATION
    if name == "id" and issubclass(cls, Node):
        return lambda record, _: to_global_id(type_name, record["props"]["id"])
    if "personal" in meta:
        prop, convert = meta["personal"], meta.get("convert")

        def personal(record: dict[str, Any], context: Context) -> Any:
            props = record["props"]
            kept = personal_of(primary_label(record["labels"]), props) or {}
            value = reveal(context, type_name, props["id"], kept, prop)
            return value if value is None or convert is None else convert(value)

        return personal
    if "label" in meta:
        enum_of = field_reader(cls, meta["label"])
        if enum_of is None:
            return None  # a computed enum (an organisation's kind): its object knows
        if meta.get("many"):
            return lambda record, _: [v.label for v in enum_of(record["props"]) or []]
        return lambda record, _: None if (v := enum_of(record["props"])) is None else v.label
    if definition.base_resolver is None:
        prop_of = field_reader(cls, definition.python_name)
        if prop_of is not None:
            return lambda record, _: prop_of(record["props"])
    return None


Shape = Callable[[Any, Context], Any]  # a value found at a place of the selection -> its JSON


class _Program:
    """graphql-core's completion of values, made into functions once per prepared operation: for
    each place of the selection, what to do with the value a compiled read brings there (a node
    record, a page, or an object of mapping.py for a field with logic of its own)."""

    def __init__(self, walk: Selection) -> None:
        self.walk = walk

    def shape(self, of: GraphQLOutputType, nodes: Sequence[FieldNode]) -> Shape:
        if isinstance(of, GraphQLNonNull):
            return self.shape(of.of_type, nodes)
        if isinstance(of, GraphQLList):
            item = self.shape(of.of_type, nodes)
            return lambda value, ctx: None if value is None else [item(v, ctx) for v in value]
        if isinstance(of, GraphQLObjectType | GraphQLInterfaceType):
            return self._composite(of, nodes)
        serialize = of.serialize  # type: ignore[union-attr]
        return lambda value, ctx: None if value is None else serialize(value)

    def _composite(self, of: Any, nodes: Sequence[FieldNode]) -> Shape:
        made: dict[str, Shape] = {}  # by the kind of value and its runtime type, made when met
        type_map = self.walk.schema.type_map

        def runtime(name: str) -> GraphQLObjectType:
            found = of if isinstance(of, GraphQLObjectType) else type_map[name]
            assert isinstance(found, GraphQLObjectType)
            return found

        def shape(value: Any, ctx: Context) -> Any:
            if value is None:
                return None
            if isinstance(value, dict) and "items" in value:  # a relation's page
                items, offset = value["items"], value["offset"]
                total = value["total"] if value["total"] is not None else offset + len(items)
                value = Page(items, total, offset)
            if isinstance(value, Page):
                if "page" not in made:
                    made["page"] = self._page(of, nodes)
                return made["page"](value, ctx)
            if isinstance(value, dict):  # a node record
                name = TYPES[primary_label(value["labels"])].__name__
                if name not in made:
                    made[name] = self._record(runtime(name), nodes)
                return made[name](value, ctx)
            key = f"object {type(value).__name__}"
            if key not in made:
                made[key] = self._object(runtime(type(value).__name__), nodes)
            return made[key](value, ctx)

        return shape

    def _fields(self, of: Any, nodes: Sequence[FieldNode]) -> dict[str, list[FieldNode]]:
        return self.walk.fields([n.selection_set for n in nodes], of.name)

    def _page(self, of: Any, nodes: Sequence[FieldNode]) -> Shape:
        """A connection: its total and nodes from the page; edges and page info (cursors) from
        the connection mapping.py makes of it, its nodes left as records."""
        parts: list[tuple[str, Callable[[Page[Any], Context], Any]]] = []
        for key, found in self._fields(of, nodes).items():
            name = found[0].name.value
            if name == "__typename":
                parts.append((key, _constant(of.name)))
                continue
            field_def = of.fields[name]
            child = self.shape(field_def.type, found)
            if name == "totalCount":
                parts.append((key, _total))
            elif name == "nodes":
                parts.append((key, _page_nodes(child)))
            else:
                parts.append((key, _from_connection(_getter(key, field_def), child)))
        return lambda page, ctx: {key: part(page, ctx) for key, part in parts}

    def _record(self, object_type: GraphQLObjectType, nodes: Sequence[FieldNode]) -> Shape:
        """A node from its record; a field with logic of its own asks the node's object."""
        # (key, what it is, how it is read, how its value is shaped), in the query's order
        parts: list[tuple[str, str, Any, Shape]] = []
        for key, found in self._fields(object_type, nodes).items():
            name = found[0].name.value
            if name == "__typename":
                parts.append((key, "constant", object_type.name, _as_is))
                continue
            field_def = object_type.fields[name]
            child = self.shape(field_def.type, found)
            read = _reader(object_type, name)
            if read == RELATION:
                parts.append((key, RELATION, None, child))
            elif callable(read):
                parts.append((key, "record", read, child))
            else:
                parts.append((key, "object", _getter(key, field_def), child))

        def shape(record: dict[str, Any], ctx: Context) -> Any:
            out = {}
            obj = None
            for key, kind, read, child in parts:
                if kind == "record":
                    out[key] = child(read(record, ctx), ctx)
                elif kind == RELATION:
                    rels = record.get("rels") or {}
                    if key not in rels:
                        raise Fallback
                    out[key] = child(rels[key], ctx)
                elif kind == "constant":
                    out[key] = read
                else:
                    obj = obj if obj is not None else to_object(record, relations=False)
                    out[key] = child(read(obj, ctx), ctx)
            return out

        return shape

    def _object(self, object_type: GraphQLObjectType, nodes: Sequence[FieldNode]) -> Shape:
        parts: list[tuple[str, Callable[[Any, Context], Any], Shape]] = []
        for key, found in self._fields(object_type, nodes).items():
            name = found[0].name.value
            if name == "__typename":
                parts.append((key, _constant(object_type.name), _as_is))
                continue
            field_def = object_type.fields[name]
            parts.append((key, _getter(key, field_def), self.shape(field_def.type, found)))
        return lambda obj, ctx: {key: child(get(obj, ctx), ctx) for key, get, child in parts}


def _getter(key: str, field_def: GraphQLField) -> Callable[[Any, Context], Any]:
    """How an object of mapping.py answers a field: a relation it brought, an attribute, or the
    field's own function."""
    definition = field_def.extensions["strawberry-definition"]
    meta = definition.metadata or {}
    if "relation" in meta:

        def fetched(obj: Any, ctx: Context) -> Any:
            brought = getattr(obj, "_fetched", None)
            if brought is None or key not in brought:
                raise Fallback
            return brought[key]

        return fetched
    resolver = definition.base_resolver
    if resolver is None:
        name = definition.python_name
        return lambda obj, ctx: getattr(obj, name)
    call: Callable[..., Any] = resolver.wrapped_func
    if resolver.info_parameter is not None:
        info = resolver.info_parameter.name
        return lambda obj, ctx: call(obj, **{info: _Info(ctx)})
    return lambda obj, ctx: call(obj)


def _constant(value: Any) -> Callable[[Any, Context], Any]:
    return lambda found, ctx: value


def _as_is(value: Any, ctx: Context) -> Any:
    return value


def _total(page: Page[Any], ctx: Context) -> int:
    return page.total


def _page_nodes(child: Shape) -> Callable[[Page[Any], Context], Any]:
    return lambda page, ctx: child([item["node"] for item in page.items], ctx)


def _from_connection(
    get: Callable[[Any, Context], Any], child: Shape
) -> Callable[[Page[Any], Context], Any]:
    return lambda page, ctx: child(get(raw_connection(page), ctx), ctx)
