"""Resource linkage (资源整合) in the API: match resources to an appeal, move an appeal through its
life, find the appeals nobody has taken, and follow the money."""

from __future__ import annotations

import strawberry

from resolvers import linkage
from schema.enums import FundSource, ResourceKind
from schema.fields import Info
from schema.mapping import build, connection_of, to_connection, to_object
from schema.nodes.appeal import Appeal
from schema.relay import Connection, Node
from schema.shared import GraphView

ID = strawberry.ID


@strawberry.type(description="The parts of a candidate's score (see README: the score).")
class ScoreComponents:
    fit: float = strawberry.field(description="1 the usual resource for the category, 0.8 other")
    nearness: float = strawberry.field(
        description="Where it meets the appeal's grid: branch 1, community 0.75, town 0.5, "
        "district 0.25"
    )
    linkage: float = strawberry.field(description="1 if attached to the appeal's own chain")
    capacity: float = strawberry.field(description="1 − load/capacity (0 when full)")
    urgency: float = strawberry.field(description="+0.1 for an urgent appeal and a near resource")


@strawberry.type(description="A resource that can help with an appeal, and why.")
class ResourceMatch:
    kind: ResourceKind
    resource: Node
    score: float
    components: ScoreComponents
    load: int | None = strawberry.field(description="Appeals it is handling (MATCHED, IN_PROGRESS)")
    capacity: int | None
    over_capacity: bool = strawberry.field(description="Full: ranked lower (score halved)")
    path: GraphView = strawberry.field(description="How it connects to the appeal")

    @strawberry.field
    def kind_label(self) -> str:
        return self.kind.label


@strawberry.type(description="Money allocated to a project or organisation, and what it ran.")
class Allocation:
    target: Node
    amount: int
    activities: int
    participants: int
    served: int


@strawberry.type(description="A fund and where it went in the subtree.")
class FundFlow:
    key: str
    name: str
    source: FundSource | None
    year: int | None
    amount: int = strawberry.field(description="The fund's whole amount (yuan)")
    allocated: int = strawberry.field(description="Allocated within the subtree (yuan)")
    allocations: list[Allocation]

    @strawberry.field
    def source_label(self) -> str | None:
        return self.source.label if self.source else None


@strawberry.type(description="Funds → projects and organisations → activities → people.")
class ResourceFlow:
    year: int | None
    funds: list[FundFlow]
    allocated: int = strawberry.field(description="The sum of all allocations (yuan)")
    activities: int
    participants: int
    served: int


@strawberry.type
class Query:
    @strawberry.field(
        description="Social organisations, workers, positions and projects that fit the "
        "appeal's category, best first, each with its score parts and the path that explains it."
    )
    async def match_resources(
        self, info: Info, appeal_id: ID, first: int | None = 10, after: str | None = None
    ) -> Connection[ResourceMatch]:
        page = await linkage.match_resources(info.context, appeal_id, first, after)
        return connection_of(ResourceMatch, page)

    @strawberry.field(description="OPEN appeals of a subtree older than a number of days.")
    async def unmatched_appeals(
        self,
        info: Info,
        org_id: ID | None = None,
        older_than_days: int = 7,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Appeal]:
        page = await linkage.unmatched_appeals(info.context, org_id, older_than_days, first, after)
        return to_connection(page)

    @strawberry.field(
        description="Funds → allocations in the subtree → activities → participants and youth "
        "served, with totals (default: the caller's organisation, all years)."
    )
    async def resource_flow(
        self, info: Info, org_id: ID | None = None, year: int | None = None
    ) -> ResourceFlow:
        return build(ResourceFlow, await linkage.resource_flow(info.context, org_id, year))


@strawberry.type
class Mutation:
    @strawberry.mutation(description="OPEN → MATCHED: refers the appeal (REFERRED_TO {at}).")
    async def refer_appeal(
        self, info: Info, appeal_id: ID, to_id: ID, note: str | None = None
    ) -> Appeal:
        record = await linkage.move_appeal(
            info.context, appeal_id, "MATCHED", refer_to=to_id, note=note
        )
        return to_object(record)

    @strawberry.mutation(description="MATCHED → IN_PROGRESS.")
    async def start_appeal(self, info: Info, appeal_id: ID) -> Appeal:
        return to_object(await linkage.move_appeal(info.context, appeal_id, "IN_PROGRESS"))

    @strawberry.mutation(description="IN_PROGRESS → RESOLVED.")
    async def resolve_appeal(self, info: Info, appeal_id: ID) -> Appeal:
        return to_object(await linkage.move_appeal(info.context, appeal_id, "RESOLVED"))

    @strawberry.mutation(description="RESOLVED → CLOSED.")
    async def close_appeal(self, info: Info, appeal_id: ID) -> Appeal:
        return to_object(await linkage.move_appeal(info.context, appeal_id, "CLOSED"))

    @strawberry.mutation(description="OPEN, MATCHED or IN_PROGRESS → REJECTED, with a reason.")
    async def reject_appeal(self, info: Info, appeal_id: ID, reason: str) -> Appeal:
        return to_object(await linkage.reject_appeal(info.context, appeal_id, reason))
