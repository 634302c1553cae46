"""Schema extensions. All hooks are synchronous: an async `resolve` hook slows every field ~10x."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from strawberry.extensions import SchemaExtension

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
