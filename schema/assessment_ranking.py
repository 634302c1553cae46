"""Types of the 三位一体 assessment ranking."""

from __future__ import annotations

import strawberry

from schema.enums import AssessmentGrade, AssessmentSubject
from schema.fields import label
from schema.nodes.assessment import Assessment
from schema.nodes.organization import Organization
from schema.relay import Connection, Node


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
