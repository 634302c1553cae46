"""The 9th-day visits (9号议事日) in the API: recording a visit with its appeals, and whether
every grid branch held its visits in a month (the monthly coverage per grid branch)."""

from __future__ import annotations

import datetime as dt

import strawberry

from core.paging import DEFAULT_PAGE
from resolvers import visits
from schema.enums import AppealCategory, Urgency, VisitKind
from schema.fields import Info
from schema.mapping import build, to_object
from schema.nodes.organization import Organization
from schema.nodes.visit import Visit
from schema.relay import Connection

ID = strawberry.ID


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


@strawberry.type
class Query:
    @strawberry.field(
        description="Per grid branch of an organisation's subtree (default: the caller's), "
        "whether its cadres held the 9th-day visits in a month (YYYY-MM), whom they visited by "
        "kind, the appeals collected, and the branches that held none."
    )
    async def visit_coverage(
        self,
        info: Info,
        month: str,
        org_id: ID | None = None,
        first: int | None = DEFAULT_PAGE,
        after: str | None = None,
        filter: VisitCoverageFilter | None = None,
    ) -> VisitCoverage:
        held = filter.held if filter else None
        coverage = await visits.visit_coverage(info.context, org_id, month, first, after, held)
        return build(VisitCoverage, coverage)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Records a cadre's visit to a youth, an enterprise or a social organisation "
        "and the appeals it brought back (OPEN, collected by the cadre), in one transaction. "
        "A 9th-day visit is on the 9th; no date in the future."
    )
    async def record_visit(
        self,
        info: Info,
        cadre_id: ID,
        target_id: ID,
        date: dt.date,
        kind: VisitKind = VisitKind.NINTH_DAY,
        notes: str | None = None,
        appeals: list[VisitAppealInput] | None = None,
    ) -> Visit:
        record = await visits.record_visit(
            info.context, cadre_id, target_id, date, kind, notes, appeals
        )
        visit: Visit = to_object(record)
        return visit
