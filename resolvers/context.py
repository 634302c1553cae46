"""What every resolver gets: the database, the caller's scope, the request's loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strawberry.types import Info as StrawberryInfo

from app.auth import Principal
from app.settings import Settings
from graph.driver import Database
from graph.scope import Scope
from resolvers.loaders import Loaders
from schema.errors import ApiError, Unauthenticated


@dataclass
class Context:
    db: Database
    settings: Settings
    principal: Principal | None
    scope: Scope
    request_id: str
    loaders: Loaders
    # A bad token fails every field, public or not (set by the app when decoding failed).
    auth_error: ApiError | None = None
    # (node key, property) pairs of personal data shown unmasked in this request: logged once.
    personal_reads: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def create(
        cls,
        db: Database,
        settings: Settings,
        principal: Principal | None,
        scope: Scope,
        request_id: str,
    ) -> Context:
        return cls(db, settings, principal, scope, request_id, Loaders(db, scope))

    def require_principal(self, public: bool = False) -> Principal | None:
        """Raises UNAUTHENTICATED for a bad token, or for no token where the field isn't public."""
        if self.auth_error is not None:
            raise self.auth_error
        if self.principal is None and not public:
            raise Unauthenticated("this needs a bearer token; without one only overview is open")
        return self.principal


Info = StrawberryInfo[Context, Any]
