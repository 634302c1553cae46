"""Trainings, 三位一体 assessments and awards in the API, with the types of the assessment
ranking."""

from __future__ import annotations

import datetime as dt

import strawberry

from core.paging import DEFAULT_PAGE
from resolvers import assessments
from schema.enums import AssessmentGrade, AssessmentSubject, AwardTitle, TrainingTopic
from schema.fields import Info, label
from schema.mapping import build, to_object
from schema.nodes.assessment import Assessment
from schema.nodes.award import Award
from schema.nodes.organization import Organization
from schema.nodes.training import Training
from schema.relay import Connection, Node

ID = strawberry.ID


@strawberry.type(description="The weights of the three parts in an assessment's total.")
class AssessmentWeighting:
    daily_work: float
    key_work: float
    problem_solving: float


@strawberry.type(description="One subject's assessment in the ranking.")
class RankedAssessment:
    rank: int = strawberry.field(description="1: the best; equal totals share a rank (1, 2, 2, 4).")
    total: float
    grade: AssessmentGrade
    assessment: Assessment
    target: Node = strawberry.field(description="The organisation or cadre assessed.")

    grade_label = label("grade")


@strawberry.type(description="Counts over every subject ranked.")
class AssessmentRankingSummary:
    assessed: int
    average_total: float | None
    excellent: int
    good: int
    passed: int
    failed: int


@strawberry.type(description="The subjects of one kind in a subtree, ranked by weighted total.")
class AssessmentRanking:
    organization: Organization
    period: str
    subject: AssessmentSubject
    weighting: AssessmentWeighting
    summary: AssessmentRankingSummary
    entries: Connection[RankedAssessment] = strawberry.field(description="Best first.")

    subject_label = label("subject")


@strawberry.type
class Query:
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
        ranking = await assessments.assessment_ranking(
            info.context, org_id, period, subject, first, after
        )
        return build(AssessmentRanking, ranking)


@strawberry.type
class Mutation:
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
        record = await assessments.record_training(info.context, title, topic, date, attendee_ids)
        training: Training = to_object(record)
        return training

    @strawberry.mutation(description="Adds attendees to a training (idempotent).")
    async def record_attendance(self, info: Info, training_id: ID, cadre_ids: list[ID]) -> Training:
        record = await assessments.record_attendance(info.context, training_id, cadre_ids)
        training: Training = to_object(record)
        return training

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
        record = await assessments.record_assessment(
            info.context,
            target_id,
            period,
            daily_work,
            key_work,
            problem_solving,
            inspectors,
            assessed_at,
        )
        assessment: Assessment = to_object(record)
        return assessment

    @strawberry.mutation(
        description="Grants an award of a year: 示范网格团组织 to a community or grid branch, "
        "最美网格团干部 to a cadre; once per recipient, title and year. For DISTRICT_ADMIN."
    )
    async def grant_award(
        self, info: Info, title: AwardTitle, year: int, recipient_id: ID
    ) -> Award:
        record = await assessments.grant_award(info.context, title, year, recipient_id)
        award: Award = to_object(record)
        return award
