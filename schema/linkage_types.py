"""Types of resource linkage: candidates for an appeal with their score, and the money's flow."""

from __future__ import annotations

import strawberry

from schema.enums import FundSource, ResourceKind
from schema.graph_view import GraphView
from schema.relay import Node


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
