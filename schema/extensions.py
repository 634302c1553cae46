"""Schema extensions. All hooks are synchronous: an async `resolve` hook slows every field ~10x."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
)
from strawberry.extensions import SchemaExtension

from core.paging import MAX_PAGE
from graph.driver import round_trips
from schema.errors import graphql_error

log = logging.getLogger("youth_matrix.api")


class ErrorVocabulary(SchemaExtension):
    """Every error leaves with a code (schema/errors.py)."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not getattr(result, "errors", None):
            return
        result.errors = [graphql_error(error) for error in result.errors]


class RequestAccounting(SchemaExtension):
    """Counts the Cypher round trips of an operation (reported in the response's extensions)
    and logs once which personal fields were shown unmasked, to whom."""

    def on_operation(self) -> Iterator[None]:
        self.counter = [0]
        token = round_trips.set(self.counter)
        yield
        round_trips.reset(token)
        log_personal_reads(self.execution_context.context)

    def get_results(self) -> dict[str, Any]:
        return {"cypherRoundTrips": self.counter[0]}


def log_personal_reads(context: Any) -> None:
    """One line per request naming the personal fields shown unmasked, and to whom."""
    reads = getattr(context, "personal_reads", None)
    if reads:
        log.info(
            "personal data read",
            extra={
                "account": context.principal.account if context.principal else None,
                "personal_reads": sorted(f"{key}.{prop}" for key, prop in reads),
            },
        )


def node_budget(max_nodes: int) -> type[ValidationRule]:
    """A validation rule: the nodes a request may read, multiplied out over aliases, page sizes
    and nesting, stay within one budget (so 30 aliases of `nodes(ids:)` with 100 ids each cannot
    fetch 3,000 nodes). A page size given by a variable counts as the largest page; a fragment
    is costed once, however often it is spread."""

    class NodeBudget(ValidationRule):
        def enter_document(self, node: DocumentNode, *_: Any) -> None:
            fragments = {
                d.name.value: d for d in node.definitions if isinstance(d, FragmentDefinitionNode)
            }
            costs: dict[str, int] = {}

            def cost(selection_set: SelectionSetNode | None, seen: frozenset[str]) -> int:
                total = 0
                for selection in selection_set.selections if selection_set else ():
                    if isinstance(selection, FieldNode):
                        total += _field_cost(selection, cost(selection.selection_set, seen))
                    elif isinstance(selection, InlineFragmentNode):
                        total += cost(selection.selection_set, seen)
                    elif isinstance(selection, FragmentSpreadNode):
                        name = selection.name.value
                        if name in seen or name not in fragments:
                            continue  # a cycle or an unknown fragment: other rules report it
                        if name not in costs:
                            costs[name] = cost(fragments[name].selection_set, seen | {name})
                        total += costs[name]
                    total = min(total, 10 * max_nodes)  # enough to refuse; stops overflow
                return total

            for definition in node.definitions:
                if isinstance(definition, OperationDefinitionNode):
                    nodes = cost(definition.selection_set, frozenset())
                    if nodes > max_nodes:
                        self.report_error(
                            GraphQLError(
                                f"this request could read {nodes} nodes; at most {max_nodes} "
                                "(pages, aliases and nesting multiply: ask for smaller pages)",
                                definition,
                            )
                        )
            return None

    return NodeBudget


def _field_cost(field: FieldNode, below: int) -> int:
    """A field's nodes: a page of `first` (or a list of `ids`) times what each brings, an object
    itself and what it brings, a scalar nothing."""
    if field.selection_set is None:
        return 0
    for argument in field.arguments or ():
        if argument.name.value == "first":
            size = (
                int(argument.value.value) if isinstance(argument.value, IntValueNode) else MAX_PAGE
            )
            return size * max(below, 1)
        if argument.name.value == "ids":
            value = argument.value
            size = len(value.values) if isinstance(value, ListValueNode) else MAX_PAGE
            return size * max(below, 1)
    return below + 1
