"""Schema extensions. All hooks are synchronous: an async `resolve` hook slows every field ~10x."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import strawberry
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLNonNull,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    ValidationRule,
)
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from core.errors import ApiError
from core.paging import MAX_PAGE
from graph.driver import round_trips
from resolvers import audit
from schema.errors import graphql_error

log = logging.getLogger("youth_matrix.api")


class Schema(strawberry.Schema):
    """strawberry's schema, with two changes:
    - every Mutation field is nullable: a mutation that committed and whose answer then failed
      in part leaves the other mutations of the document their data (and its error says the
      write happened, `ErrorVocabulary`);
    - errors are logged by kind: a client's (a coded error, a bad document) at INFO in one line
      without a traceback, an unexpected one at ERROR with its traceback (schema/errors.py)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        mutation = self._schema.mutation_type
        for field in (mutation.fields if mutation else {}).values():
            if isinstance(field.type, GraphQLNonNull):
                field.type = field.type.of_type

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            original = error.original_error
            if original is None or isinstance(original, ApiError | GraphQLError):
                code = original.code if isinstance(original, ApiError) else "BAD_USER_INPUT"
                log.info(
                    "client error",
                    extra={"code": code, "error": error.message, "path": error.path},
                )
            # anything else is logged with its traceback where it becomes INTERNAL


class ErrorVocabulary(SchemaExtension):
    """Every error leaves with a code (schema/errors.py)."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is None or not errors:
            return
        committed = self.execution_context.operation_type == OperationType.MUTATION
        result.errors = [
            _committed(graphql_error(error)) if committed and _below_root(error) else
            graphql_error(error)
            for error in errors
        ]  # fmt: skip


def _below_root(error: GraphQLError) -> bool:
    """An error below a mutation's root field: the mutation ran and committed, then a part of
    its answer failed."""
    return error.path is not None and len(error.path) > 1


def _committed(error: GraphQLError) -> GraphQLError:
    error.message += " (the mutation's write was committed; only this part of its answer failed)"
    error.extensions = {**(error.extensions or {}), "writeCommitted": True}
    return error


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
    """One line per request naming the personal fields shown unmasked, and to whom; and the
    same in the audit trail."""
    reads = getattr(context, "personal_reads", None)
    if reads:
        audit.record(context)
        log.info(
            "personal data read",
            extra={
                "account": context.principal.account if context.principal else None,
                "personal_reads": sorted(f"{key}.{prop}" for _, key, prop in reads),
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
