"""Trainings, 三位一体 assessments and awards in the API."""

from __future__ import annotations

import datetime as dt

import strawberry

from core.paging import DEFAULT_PAGE
from resolvers import assessments
from schema.assessment_ranking import AssessmentRanking
from schema.enums import AssessmentSubject, AwardTitle, TrainingTopic
from schema.fields import Info
from schema.nodes.assessment import Assessment
from schema.nodes.award import Award
from schema.nodes.training import Training

ID = strawberry.ID


@strawberry.type
class AssessmentQuery:
    @strawberry.field(
        description="The towns, communities, grid branches or cadres of a subtree (default: the "
        "caller's) assessed in a half-year (YYYY-H1/H2), ranked by weighted total (daily work "
        "30%, key work 40%, problem solving 30%), with the grade counts."
    )
    async def assessment_ranking(
        self,
        info: Info,
        period: str,
        org_id: ID | None = None,
        subject: AssessmentSubject = AssessmentSubject.GRID_BRANCH,
        first: int | None = DEFAULT_PAGE,
        after: str | None = None,
    ) -> AssessmentRanking:
        return await assessments.assessment_ranking(info, org_id, period, subject, first, after)


@strawberry.type
class AssessmentMutation:
    @strawberry.mutation(
        description="Records a cadre training on one of the four topics and who attended it."
    )
    async def record_training(
        self,
        info: Info,
        title: str,
        topic: TrainingTopic,
        date: dt.date,
        attendee_ids: list[ID],
    ) -> Training:
        return await assessments.record_training(info, title, topic, date, attendee_ids)

    @strawberry.mutation(description="Adds attendees to a training (idempotent).")
    async def record_attendance(self, info: Info, training_id: ID, cadre_ids: list[ID]) -> Training:
        return await assessments.record_attendance(info, training_id, cadre_ids)

    @strawberry.mutation(
        description="Records the joint inspection team's assessment of a town, community, grid "
        "branch or cadre for a half-year: three scores from 0 to 100 and the team. One per "
        "subject and period. For DISTRICT_ADMIN and INSPECTOR, inside their scope."
    )
    async def record_assessment(
        self,
        info: Info,
        target_id: ID,
        period: str,
        daily_work: int,
        key_work: int,
        problem_solving: int,
        inspectors: list[str],
        assessed_at: dt.date | None = None,
    ) -> Assessment:
        return await assessments.record_assessment(
            info, target_id, period, daily_work, key_work, problem_solving, inspectors, assessed_at
        )

    @strawberry.mutation(
        description="Grants an award of a year: 示范网格团组织 to a community or grid branch, "
        "最美网格团干部 to a cadre; once per recipient, title and year. For DISTRICT_ADMIN."
    )
    async def grant_award(
        self, info: Info, title: AwardTitle, year: int, recipient_id: ID
    ) -> Award:
        return await assessments.grant_award(info, title, year, recipient_id)
