"""The error vocabulary at the GraphQL edge: every error a client sees carries
`extensions.code`. A core error (core/errors.py) keeps its message, code and field; a parse,
validation or coercion error is BAD_USER_INPUT; anything else is logged here with its traceback
and leaves as INTERNAL, so no stack trace or Cypher ever reaches a client."""

from __future__ import annotations

import logging

from graphql import GraphQLError

from core.errors import ApiError

log = logging.getLogger("youth_matrix.api")


def graphql_error(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if isinstance(original, ApiError):
        message, extensions = original.message, original.extensions
    elif original is None or isinstance(original, GraphQLError):
        # a parse or validation error (the document or its variables are wrong), or a value
        # graphql-core could not coerce (an unknown enum value, say)
        message, extensions = error.message, {"code": "BAD_USER_INPUT", **(error.extensions or {})}
    else:
        log.error("unexpected error at %s", error.path, exc_info=original)
        message, extensions = "Internal error", {"code": "INTERNAL"}
    return GraphQLError(
        message,
        nodes=error.nodes,
        positions=error.positions,
        path=error.path,
        extensions=extensions,
    )
