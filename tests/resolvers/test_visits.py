"""The visit resolvers' logic without a database: the month of a coverage, and the coverage
folded from its row."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from core.errors import BadUserInput
from core.paging import Page
from resolvers.visits import coverage, month_days


def test_a_month_runs_from_its_first_to_its_last_day() -> None:
    assert month_days("2021-03") == (dt.date(2021, 3, 1), dt.date(2021, 3, 31))
    assert month_days(" 2020-02 ") == (dt.date(2020, 2, 1), dt.date(2020, 2, 29))  # leap year
    assert month_days("2021-12") == (dt.date(2021, 12, 1), dt.date(2021, 12, 31))


@pytest.mark.parametrize("month", ["2021-13", "2021-3", "March", "2999-01"])
def test_a_month_is_yyyy_mm_and_not_in_the_future(month: str) -> None:
    with pytest.raises(BadUserInput) as raised:
        month_days(month)
    assert raised.value.field == "month"


def _row(branches: int, held: int) -> dict[str, Any]:
    page = [
        {"branch": {"props": {"id": "B1"}, "labels": ["GridBranch"]}, "held": False, "visits": 0}
    ]
    return {
        "organization": {"props": {"id": "T1"}, "labels": ["TownCommittee"]},
        "branches": branches,
        "held": held,
        "without": branches - held,
        "visits": 12,
        "total": 1,
        "page": page,
    }


def test_the_coverage_of_a_month() -> None:
    row = _row(branches=3, held=2)
    result = coverage(row, dt.date(2021, 3, 1), offset=4)
    assert result["organization"] is row["organization"]
    assert result["month"] == "2021-03"
    summary = result["summary"]
    assert (summary["branches"], summary["held"], summary["without"]) == (3, 2, 1)
    assert summary["share_held"] == 0.6667
    assert result["branches"] == Page(row["page"], 1, 4)


def test_the_coverage_of_a_subtree_without_branches() -> None:
    assert coverage(_row(0, 0), dt.date(2021, 3, 1), 0)["summary"]["share_held"] == 0.0
