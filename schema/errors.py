"""The one error vocabulary. Every error a client sees carries `extensions.code`; input errors also
name the offending `field`. Anything else is reported as INTERNAL without details."""

from __future__ import annotations

from graphql import GraphQLError


class ApiError(GraphQLError):
    code = "INTERNAL"

    def __init__(self, message: str, field: str | None = None) -> None:
        extensions: dict[str, str] = {"code": self.code}
        if field:
            extensions["field"] = field
        super().__init__(message, extensions=extensions)
        self.field = field


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
