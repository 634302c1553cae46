"""The assessment scoring rules (core/scores.py), without a database."""

from __future__ import annotations

import pytest

from core.scores import FLOORS, WEIGHTS, grade, grade_counts, weighted_total
from core.vocabulary import AssessmentGrade


def test_key_work_weighs_most_and_the_weights_sum_to_one() -> None:
    assert WEIGHTS == {"dailyWork": 0.3, "keyWork": 0.4, "problemSolving": 0.3}
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("scores", "total"),
    [
        ((100, 100, 100), 100.0),
        ((0, 0, 0), 0.0),
        ((90, 80, 70), 80.0),  # 27 + 32 + 21
        ((85, 91, 77), 85.0),  # 25.5 + 36.4 + 23.1
        ((61, 59, 60), 59.9),  # 18.3 + 23.6 + 18: rounded to one decimal
    ],
)
def test_the_weighted_total(scores: tuple[int, int, int], total: float) -> None:
    assert weighted_total(*scores) == total


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (100.0, AssessmentGrade.EXCELLENT),
        (90.0, AssessmentGrade.EXCELLENT),
        (89.9, AssessmentGrade.GOOD),
        (80.0, AssessmentGrade.GOOD),
        (79.9, AssessmentGrade.PASS),
        (60.0, AssessmentGrade.PASS),
        (59.9, AssessmentGrade.FAIL),
        (0.0, AssessmentGrade.FAIL),
    ],
)
def test_a_floor_belongs_to_the_better_grade(total: float, expected: AssessmentGrade) -> None:
    assert grade(total) is expected


def test_grade_counts_from_the_totals_reaching_each_floor() -> None:
    totals = [95.0, 90.0, 85.5, 72.0, 60.0, 59.9, 12.0]
    at_least = [sum(t >= floor for t in totals) for floor in FLOORS]
    assert FLOORS == [90.0, 80.0, 60.0]
    assert at_least == [2, 3, 5]
    counts = grade_counts(len(totals), at_least)
    assert counts == {
        AssessmentGrade.EXCELLENT: 2,
        AssessmentGrade.GOOD: 1,
        AssessmentGrade.PASS: 2,
        AssessmentGrade.FAIL: 2,
    }
    assert counts == {g: sum(grade(t) is g for t in totals) for g in AssessmentGrade}


def test_grade_counts_of_nobody() -> None:
    assert set(grade_counts(0, [0, 0, 0]).values()) == {0}
