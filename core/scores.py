"""The scoring of the 三位一体 assessments: the weighting of the three parts, the grade of a total,
and the ranking of totals (ties share a rank). Pure rules: the Cypher of graph/assessments.py
computes the same totals from WEIGHTS, and schema/nodes/assessment.py shows them."""

from __future__ import annotations

from collections.abc import Sequence

from core.vocabulary import AssessmentGrade

# The weighting of the three parts of an assessment (README): key work weighs most.
WEIGHTS = {"dailyWork": 0.3, "keyWork": 0.4, "problemSolving": 0.3}

# The grades of a weighted total, best first, with the lowest total each takes: at least 90
# excellent, 80 good, 60 pass, below fail.
GRADES: tuple[tuple[AssessmentGrade, float], ...] = (
    (AssessmentGrade.EXCELLENT, 90.0),
    (AssessmentGrade.GOOD, 80.0),
    (AssessmentGrade.PASS, 60.0),
    (AssessmentGrade.FAIL, 0.0),
)

# The floors that separate the grades (90, 80, 60): a total at or above one has that grade or
# a better one.
FLOORS: list[float] = [floor for _, floor in GRADES[:-1]]


def weighted_total(daily_work: int, key_work: int, problem_solving: int) -> float:
    """The weighted total of the three scores, to one decimal."""
    return round(
        daily_work * WEIGHTS["dailyWork"]
        + key_work * WEIGHTS["keyWork"]
        + problem_solving * WEIGHTS["problemSolving"],
        1,
    )


def grade(total: float) -> AssessmentGrade:
    """The grade of a weighted total."""
    return next(code for code, floor in GRADES if total >= floor)


def grade_counts(assessed: int, at_least: Sequence[int]) -> dict[AssessmentGrade, int]:
    """How many totals take each grade, from how many reach each floor of FLOORS (`at_least`,
    best floor first) among `assessed` totals."""
    reached = [*at_least, assessed]
    return {code: reached[i] - (reached[i - 1] if i else 0) for i, (code, _) in enumerate(GRADES)}
