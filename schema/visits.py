"""The 9th-day visits (9号议事日) in the API: recording a visit with its appeals, and whether
every grid branch held its visits in a month."""

from __future__ import annotations

import datetime as dt

import strawberry

from core.paging import DEFAULT_PAGE
from resolvers import visits
from schema.enums import VisitKind
from schema.fields import Info
from schema.nodes.visit import Visit
from schema.visit_coverage import VisitAppealInput, VisitCoverage, VisitCoverageFilter

ID = strawberry.ID


@strawberry.type
class VisitQuery:
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
        return await visits.visit_coverage(info, org_id, month, first, after, filter)


@strawberry.type
class VisitMutation:
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
        return await visits.record_visit(info, cadre_id, target_id, date, kind, notes, appeals)
