"""The one error vocabulary, as plain exceptions: each has a code, a message and, for input
errors, the offending field. schema/errors.py turns them into GraphQL errors at the edge;
anything else a client sees is INTERNAL without details."""

from __future__ import annotations


class ApiError(Exception):
    code = "INTERNAL"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    @property
    def extensions(self) -> dict[str, str]:
        extensions = {"code": self.code}
        if self.field:
            extensions["field"] = self.field
        return extensions


class BadUserInput(ApiError):
    code = "BAD_USER_INPUT"


class NotFound(ApiError):
    code = "NOT_FOUND"


class Conflict(ApiError):
    code = "CONFLICT"


class Unauthenticated(ApiError):
    code = "UNAUTHENTICATED"


class Forbidden(ApiError):
    code = "FORBIDDEN"


class BadRequest(ApiError):
    """The HTTP request itself is malformed (not JSON, not a GraphQL request, too large)."""

    code = "BAD_REQUEST"


class ServiceUnavailable(ApiError):
    """Neo4j cannot be reached (or asked to try again): nothing was written; retry later."""

    code = "SERVICE_UNAVAILABLE"


class Timeout(ApiError):
    """A Cypher transaction ran out of its time: nothing was written; retry (later, or asking
    for less)."""

    code = "TIMEOUT"


class IncompleteCommit(ApiError):
    """The connection was lost while a write committed: it may have happened. Read before
    retrying."""

    code = "INCOMPLETE_COMMIT"
