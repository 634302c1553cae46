"""Types of the 9th-day visits (9号议事日): the input of a visit's appeals, and the monthly
coverage per grid branch."""

from __future__ import annotations

import strawberry

from schema.enums import AppealCategory, Urgency
from schema.nodes.organization import Organization
from schema.relay import Connection


@strawberry.input(description="An appeal a visit brought back.")
class VisitAppealInput:
    title: str
    category: AppealCategory
    urgency: Urgency = Urgency.GENERAL
    description: str | None = None
    youth_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Who raised it; default: the visited youth (required for a visit to an "
        "enterprise or a social organisation).",
    )


@strawberry.type(description="One grid branch's 9th-day visits in the month.")
class BranchVisits:
    branch: Organization
    held: bool = strawberry.field(description="Its cadres held at least one 9th-day visit.")
    visits: int
    cadres: int = strawberry.field(description="Its cadres who visited.")
    youth: int = strawberry.field(description="Youth visited (重点人群).")
    enterprises: int = strawberry.field(description="Enterprises visited (重点企业).")
    social_organizations: int = strawberry.field(
        description="Social organisations visited (重点组织)."
    )
    appeals: int = strawberry.field(description="Appeals the visits produced.")


@strawberry.type(description="Counts over every grid branch of the subtree (filters aside).")
class VisitCoverageSummary:
    branches: int
    held: int
    without: int = strawberry.field(description="Branches that held no 9th-day visit.")
    share_held: float = strawberry.field(description="held / branches (0 without any).")
    visits: int
    youth: int = strawberry.field(description="Summed over the branches.")
    enterprises: int
    social_organizations: int
    appeals: int


@strawberry.type(description="Whether the 9th-day visits were held in a month, per grid branch.")
class VisitCoverage:
    organization: Organization
    month: str
    summary: VisitCoverageSummary
    branches: Connection[BranchVisits] = strawberry.field(
        description="The grid branches (filtered), by key."
    )


@strawberry.input
class VisitCoverageFilter:
    held: bool | None = strawberry.field(
        default=None, description="false: only the branches that held none."
    )
