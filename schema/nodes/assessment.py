"""Assessments (三位一体考核) of organisations and cadres."""

from __future__ import annotations

import datetime as dt

import strawberry

from core.scores import grade as grade_of
from core.scores import weighted_total
from schema.enums import AssessmentGrade
from schema.fields import label, one
from schema.mapping import node_type
from schema.relay import Node

# The properties the total is weighted from.
PARTS = ("dailyWork", "keyWork", "problemSolving")


@node_type("Assessment")
@strawberry.type(description="An assessment of daily work, key work and problem solving.")
class Assessment(Node):
    period: str
    daily_work: int | None
    key_work: int | None
    problem_solving: int | None
    assessed_at: dt.date | None
    name: str | None
    inspectors: list[str] | None = strawberry.field(
        description="The joint inspection team (联合督查组) that assessed it."
    )

    target = one("Assessment.target", Node, "The organisation or cadre assessed.")

    @strawberry.field(
        description="Weighted: daily work 30%, key work 40%, problem solving 30%.",
        metadata={"uses": PARTS},
    )
    def total(self) -> float | None:
        parts = (self.daily_work, self.key_work, self.problem_solving)
        return None if None in parts else weighted_total(*parts)  # type: ignore[arg-type]

    @strawberry.field(
        description="Of the total: 90 excellent, 80 good, 60 pass, below fail.",
        metadata={"uses": PARTS},
    )
    def grade(self) -> AssessmentGrade | None:
        total = self.total()
        return None if total is None else grade_of(total)

    grade_label = label("grade", uses=PARTS)
