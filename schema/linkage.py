"""Resource linkage in the API: match resources to an appeal, move an appeal through its life,
find the appeals nobody has taken, and follow the money."""

from __future__ import annotations

import strawberry

from resolvers import linkage
from resolvers import validate as v
from schema.fields import Info
from schema.linkage_types import ResourceFlow, ResourceMatch
from schema.nodes.appeal import Appeal
from schema.relay import Connection

ID = strawberry.ID


@strawberry.type
class Query:
    @strawberry.field(
        description="Social organisations, workers, positions and projects that fit the "
        "appeal's category, best first, each with its score parts and the path that explains it."
    )
    async def match_resources(
        self, info: Info, appeal_id: ID, first: int | None = 10, after: str | None = None
    ) -> Connection[ResourceMatch]:
        return await linkage.match_resources(info, appeal_id, first, after)

    @strawberry.field(description="OPEN appeals of a subtree older than a number of days.")
    async def unmatched_appeals(
        self,
        info: Info,
        org_id: ID | None = None,
        older_than_days: int = 7,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Appeal]:
        return await linkage.unmatched_appeals(info, org_id, older_than_days, first, after)

    @strawberry.field(
        description="Funds → allocations in the subtree → activities → participants and youth "
        "served, with totals (default: the caller's organisation, all years)."
    )
    async def resource_flow(
        self, info: Info, org_id: ID | None = None, year: int | None = None
    ) -> ResourceFlow:
        return await linkage.resource_flow(info, org_id, year)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="OPEN → MATCHED: refers the appeal (REFERRED_TO {at}).")
    async def refer_appeal(
        self, info: Info, appeal_id: ID, to_id: ID, note: str | None = None
    ) -> Appeal:
        return await linkage.move_appeal(info, appeal_id, "MATCHED", refer_to=to_id, note=note)

    @strawberry.mutation(description="MATCHED → IN_PROGRESS.")
    async def start_appeal(self, info: Info, appeal_id: ID) -> Appeal:
        return await linkage.move_appeal(info, appeal_id, "IN_PROGRESS")

    @strawberry.mutation(description="IN_PROGRESS → RESOLVED.")
    async def resolve_appeal(self, info: Info, appeal_id: ID) -> Appeal:
        return await linkage.move_appeal(info, appeal_id, "RESOLVED")

    @strawberry.mutation(description="RESOLVED → CLOSED.")
    async def close_appeal(self, info: Info, appeal_id: ID) -> Appeal:
        return await linkage.move_appeal(info, appeal_id, "CLOSED")

    @strawberry.mutation(description="OPEN, MATCHED or IN_PROGRESS → REJECTED, with a reason.")
    async def reject_appeal(self, info: Info, appeal_id: ID, reason: str) -> Appeal:
        text = v.text(reason, "reason", limit=500)
        return await linkage.move_appeal(
            info, appeal_id, "REJECTED", extra={"rejectionReason": text}
        )
