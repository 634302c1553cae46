"""Schema extensions. All hooks are synchronous: an async `resolve` hook slows every field ~10x."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import strawberry
from graphql import GraphQLError, GraphQLNonNull, OperationType
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from core.errors import ApiError
from graph.driver import round_trips
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
        if result is None or not getattr(result, "errors", None):
            return
        committed = self.execution_context.operation_type == OperationType.MUTATION
        result.errors = [
            _committed(graphql_error(error)) if committed and _below_root(error) else
            graphql_error(error)
            for error in result.errors
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
        context = self.execution_context.context
        reads = getattr(context, "personal_reads", None)
        if reads:
            log.info(
                "personal data read",
                extra={
                    "account": context.principal.account if context.principal else None,
                    "personal_reads": sorted(f"{key}.{prop}" for key, prop in reads),
                },
            )

    def get_results(self) -> dict[str, Any]:
        return {"cypherRoundTrips": self.counter[0]}
