"""The root Mutation (placeholder until the mutations land)."""

from __future__ import annotations

import strawberry


@strawberry.type
class Mutation:
    @strawberry.mutation
    def noop(self) -> bool:
        return True
