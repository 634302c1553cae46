"""From a GraphQL selection to the shape of one Cypher read (graph/compiler.py) and its
parameters: which properties each node type needs, which relations are followed with which
filters and pages, whether totals or nodes are wanted.

What a field needs is said where the field is made (schema/fields.py): a relation's name, or
the properties a computed field uses. A field that says nothing and has a resolver reads every
property of its node.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLIncludeDirective,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLSkipDirective,
    InlineFragmentNode,
    SelectionSetNode,
)
from graphql.execution.values import VariableValues, get_argument_values, get_directive_values

from core.errors import Forbidden
from core.ids import graph_id
from core.paging import page_window
from core.personal import filter_needs_unmasked
from graph.compiler import ListShape, NodeShape, NodesShape, RelationShape
from graph.entities import RELATIONS, filter_names, search_phrase
from schema.mapping import camel, snake

# Filters that name another node take its global id; these are the labels they must name.
ID_FILTERS = {
    "under": "Organization",
    "grid": "Grid",
    "project": "ServiceProject",
    "cadre": "Cadre",
    "social_organization": "SocialOrganization",
}
# What a connection's fields need: the length of the whole list, the nodes, or both.
TOTAL = {"totalCount", "pageInfo"}
ITEMS = {"edges", "nodes", "pageInfo"}


@dataclass
class Selection:
    """One operation's selection as the compiler needs it: the schema, its fragments, its
    variables, and whether the caller sees personal data (filters on it are refused otherwise)."""

    schema: GraphQLSchema
    fragments: Mapping[str, Any]  # name -> FragmentDefinitionNode (or its details)
    variables: Any  # VariableValues (a resolver's info gives a dict: made one below)
    unmask: bool
    params: dict[str, Any] = field(default_factory=dict)
    count: int = 0
    # fields() by (selection sets, type): shaping a page asks the same for every object
    collected: dict[tuple[tuple[int, ...], str], dict[str, list[FieldNode]]] = field(
        default_factory=dict
    )

    def __post_init__(self) -> None:
        if isinstance(self.variables, dict):  # a resolver's info holds the coerced values only
            self.variables = VariableValues({}, self.variables)

    # -- collecting fields (fragments, type conditions, @skip/@include) -------------------------

    def fields(
        self, selection_sets: Iterable[SelectionSetNode | None], type_name: str
    ) -> dict[str, list[FieldNode]]:
        """The fields selected on objects of `type_name`, by response key."""
        sets = [s for s in selection_sets if s is not None]
        key = (tuple(id(s) for s in sets), type_name)
        found = self.collected.get(key)
        if found is None:
            found = {}
            for selection_set in sets:
                self._collect(selection_set, type_name, found)
            self.collected[key] = found
        return found

    def _collect(
        self, selection_set: SelectionSetNode, type_name: str, found: dict[str, list[FieldNode]]
    ) -> None:
        for node in selection_set.selections:
            if not self._included(node):
                continue
            if isinstance(node, FieldNode):
                key = node.alias.value if node.alias else node.name.value
                found.setdefault(key, []).append(node)
            elif isinstance(node, InlineFragmentNode):
                condition = node.type_condition.name.value if node.type_condition else None
                if self._applies(condition, type_name):
                    self._collect(node.selection_set, type_name, found)
            elif isinstance(node, FragmentSpreadNode):
                fragment = self.fragments[node.name.value]
                fragment = getattr(fragment, "definition", fragment)  # graphql-core 3.3 wraps it
                if self._applies(fragment.type_condition.name.value, type_name):
                    self._collect(fragment.selection_set, type_name, found)

    def _included(self, node: Any) -> bool:
        skip = get_directive_values(GraphQLSkipDirective, node, self.variables)
        if skip and skip.get("if"):
            return False
        include = get_directive_values(GraphQLIncludeDirective, node, self.variables)
        return not (include and not include.get("if"))

    def _applies(self, condition: str | None, type_name: str) -> bool:
        if condition is None or condition == type_name:
            return True
        object_type = self.schema.type_map.get(type_name)
        return isinstance(object_type, GraphQLObjectType) and any(
            i.name == condition for i in object_type.interfaces
        )

    def arguments(self, field_def: GraphQLField, node: FieldNode) -> dict[str, Any]:
        return get_argument_values(field_def, node, self.variables)

    # -- shapes -----------------------------------------------------------------------------------

    def node_shape(self, nodes: list[FieldNode], label: str) -> NodeShape:
        """What to read of a `label` node for the sub-selections of `nodes`."""
        object_type = self.schema.type_map[label]
        assert isinstance(object_type, GraphQLObjectType)
        props: set[str] = set()
        everything = False
        relations = []
        for key, found in self.fields((n.selection_set for n in nodes), label).items():
            name = found[0].name.value
            if name in ("__typename", "id"):
                continue
            field_def = object_type.fields[name]
            definition = field_def.extensions["strawberry-definition"]
            meta = definition.metadata or {}
            if "relation" in meta:
                relations.append(self.relation_shape(key, meta["relation"], found, field_def))
            elif "uses" in meta:
                props.update(meta["uses"])
            elif definition.base_resolver is None:
                props.add(
                    "id" if definition.python_name == "key" else camel(definition.python_name)
                )
            else:
                everything = True
        return NodeShape(None if everything else tuple(sorted(props)), tuple(relations))

    def relation_shape(
        self, key: str, relation: str, nodes: list[FieldNode], field_def: GraphQLField
    ) -> RelationShape:
        param = f"r{self.count}"
        self.count += 1
        spec = RELATIONS[relation]
        args = self.arguments(field_def, nodes[0])
        one = "first" not in field_def.args  # a relation that reaches at most one node
        filters: tuple[str, ...] = ()
        if len(spec.labels) == 1:
            filters = self.filter_params(spec.labels[0], args.get("filter"), f"{param}_")
        if one:
            self.params[f"{param}_offset"], self.params[f"{param}_limit"] = 0, 1
            targets = nodes
            wanted = {"items"}
        else:
            offset, limit = page_window(args.get("first"), args.get("after"))
            self.params[f"{param}_offset"], self.params[f"{param}_limit"] = offset, limit
            connection = self.fields((n.selection_set for n in nodes), "")
            wanted = {"total"} if TOTAL & set(_names(connection)) else set()
            if ITEMS & set(_names(connection)):
                wanted.add("items")
            targets = self._connection_nodes(connection)
        shapes = tuple((label, self.node_shape(targets, label)) for label in spec.labels)
        return RelationShape(
            key=key,
            relation=relation,
            param=param,
            filters=filters,
            total="total" in wanted,
            items="items" in wanted,
            one=one,
            shapes=shapes if "items" in wanted else (),
        )

    def _connection_nodes(self, connection: dict[str, list[FieldNode]]) -> list[FieldNode]:
        """The field nodes whose sub-selections apply to the connection's nodes."""
        targets: list[FieldNode] = []
        for found in connection.values():
            for node in found:
                if node.name.value == "nodes":
                    targets.append(node)
                elif node.name.value == "edges" and node.selection_set is not None:
                    edge_fields = self.fields([node.selection_set], "")
                    targets += [
                        n for f in edge_fields.values() for n in f if n.name.value == "node"
                    ]
        return targets

    def list_shape(self, label: str, nodes: list[FieldNode], field_def: GraphQLField) -> ListShape:
        args = self.arguments(field_def, nodes[0])
        offset, limit = page_window(args.get("first"), args.get("after"))
        self.params["offset"], self.params["limit"] = offset, limit
        filters = self.filter_params(label, args.get("filter"), "")
        connection = self.fields((n.selection_set for n in nodes), "")
        names = set(_names(connection))
        targets = self._connection_nodes(connection)
        return ListShape(
            label=label,
            shape=self.node_shape(targets, label),
            filters=filters,
            total=bool(TOTAL & names),
            items=bool(ITEMS & names),
        )

    def nodes_shape(self, labels: Iterable[str], nodes: list[FieldNode]) -> NodesShape:
        return NodesShape(tuple((label, self.node_shape(nodes, label)) for label in labels))

    # -- filters ------------------------------------------------------------------------------

    def filter_params(
        self, label: str, given: dict[str, Any] | None, prefix: str
    ) -> tuple[str, ...]:
        """The names of the filters given (a shape's part) and their values as parameters."""
        names: list[str] = []
        known = set(filter_names(label))
        for key, value in (given or {}).items():
            name = snake(key)
            if value is None or name not in known or (name == "archived" and value is False):
                continue
            if name == "search" and not value.strip():
                continue  # every name contains the empty string
            if not self.unmask and filter_needs_unmasked(label, name):
                raise Forbidden(
                    f"filtering {label} by {key} needs a role that sees personal data",
                    f"filter.{key}",
                )
            if name == "kind" and label == "Organization":  # a label (OrgKind), not a value
                names.append(f"kind:{value.value}")
                continue
            if name in ID_FILTERS:
                value = graph_id(value, ID_FILTERS[name], f"filter.{key}")
            names.append(name)
            if name != "archived":
                self.params[f"{prefix}f_{name}"] = _param(value)
            if name == "search":  # for the full-text index: the words as one phrase
                self.params[f"{prefix}f_search_phrase"] = search_phrase(value)
        return tuple(sorted(names))


def _names(found: dict[str, list[FieldNode]]) -> Iterable[str]:
    return (nodes[0].name.value for nodes in found.values())


def _param(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list):
        return [_param(v) for v in value]
    return value
