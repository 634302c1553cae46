"""What every resolver gets: the graph as the caller may see it, the caller, the request's
loaders, and what the request showed of personal data."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.errors import ApiError, Unauthenticated
from core.principal import Principal
from core.settings import Settings
from graph.driver import Database
from graph.scope import Scope, ScopedGraph
from resolvers.loaders import Loaders


@dataclass
class Context:
    graph: ScopedGraph
    settings: Settings
    principal: Principal | None
    request_id: str
    loaders: Loaders
    # A bad token fails every field, public or not (set by the app when decoding failed).
    auth_error: ApiError | None = None
    # (label, node key, property) of personal data shown unmasked in this request: logged once
    # and kept in the audit trail (resolvers/audit.py).
    personal_reads: set[tuple[str, str, str]] = field(default_factory=set)

    @classmethod
    def create(
        cls,
        db: Database,
        settings: Settings,
        principal: Principal | None,
        scope: Scope,
        request_id: str,
    ) -> Context:
        graph = ScopedGraph(db, scope)
        return cls(graph, settings, principal, request_id, Loaders(graph))

    @property
    def scope(self) -> Scope:
        return self.graph.scope

    def require_principal(self, public: bool = False) -> Principal | None:
        """Raises UNAUTHENTICATED for a bad token, or for no token where the field isn't public."""
        if self.auth_error is not None:
            raise self.auth_error
        if self.principal is None and not public:
            raise Unauthenticated("this needs a bearer token; without one only overview is open")
        return self.principal

    def caller(self) -> Principal:
        """The principal of a field that needs a token."""
        principal = self.require_principal()
        assert principal is not None
        return principal
