"""The assessment resolvers' logic without a database: the ranking folded from its row, and the
checks of a period, a score and the inspection team."""

from __future__ import annotations

from typing import Any

import pytest

from core.errors import BadUserInput
from core.paging import Page
from core.vocabulary import AssessmentGrade, AssessmentSubject
from resolvers.assessments import _cadre_ids, _inspectors, _period, _score, ranking


def _record(label: str, key: str) -> dict[str, Any]:
    return {"props": {"id": key, "name": key}, "labels": [label]}


def _entry(key: str, total: float, rank: int) -> dict[str, Any]:
    return {
        "assessment": _record("Assessment", f"AS-{key}"),
        "target": _record("GridBranch", key),
        "total": total,
        "rank": rank,
    }


def test_the_ranking_grades_each_entry_and_counts_the_grades() -> None:
    # seven subjects assessed; this is the second page (offset 2) of two entries
    row = {
        "organization": _record("TownCommittee", "RC-T01"),
        "assessed": 7,
        "averageTotal": 73.4,
        "atLeast": [2, 3, 5],  # totals at least 90, 80, 60
        "page": [_entry("B03", 85.5, 3), _entry("B04", 72.0, 4)],
    }
    result = ranking(row, "2021-H1", AssessmentSubject.GRID_BRANCH, offset=2)
    assert result["organization"] is row["organization"]
    assert (result["period"], result["subject"]) == ("2021-H1", AssessmentSubject.GRID_BRANCH)
    assert result["weighting"] == {"dailyWork": 0.3, "keyWork": 0.4, "problemSolving": 0.3}
    assert result["summary"] == {
        "assessed": 7,
        "average_total": 73.4,
        "excellent": 2,
        "good": 1,
        "passed": 2,
        "failed": 2,
    }
    entries = result["entries"]
    assert isinstance(entries, Page)
    assert (entries.total, entries.offset) == (7, 2)
    assert [(e["target"]["props"]["id"], e["rank"], e["grade"]) for e in entries.items] == [
        ("B03", 3, AssessmentGrade.GOOD),
        ("B04", 4, AssessmentGrade.PASS),
    ]


def test_an_empty_ranking() -> None:
    row = {
        "organization": _record("GridBranch", "RC-T01-C01-B01"),
        "assessed": 0,
        "averageTotal": None,
        "atLeast": [0, 0, 0],
        "page": [],
    }
    result = ranking(row, "2021-H2", AssessmentSubject.CADRE, offset=0)
    assert result["summary"]["average_total"] is None
    assert {k: v for k, v in result["summary"].items() if k != "average_total"} == {
        "assessed": 0,
        "excellent": 0,
        "good": 0,
        "passed": 0,
        "failed": 0,
    }
    assert result["entries"] == Page([], 0, 0)


def test_a_period_is_a_half_year_that_has_begun() -> None:
    assert _period(" 2021-H1 ") == "2021-H1"
    assert _period("2020-H2") == "2020-H2"
    for bad in ("2021-H3", "2021H1", "2021-1", "2999-H1"):
        with pytest.raises(BadUserInput) as raised:
            _period(bad)
        assert raised.value.field == "period"


def test_scores_run_from_0_to_100() -> None:
    assert (_score(0, "keyWork"), _score(100, "keyWork")) == (0, 100)
    for bad in (-1, 101):
        with pytest.raises(BadUserInput) as raised:
            _score(bad, "keyWork")
        assert raised.value.field == "keyWork"


def test_the_inspection_team_is_named_once_each() -> None:
    assert _inspectors([" 王芳 ", "李强", "王芳"]) == ["王芳", "李强"]
    with pytest.raises(BadUserInput):
        _inspectors([])
    with pytest.raises(BadUserInput):
        _inspectors([f"督查员{i}" for i in range(21)])


def test_cadre_ids_are_deduplicated_and_bounded() -> None:
    assert _cadre_ids(["a", "b", "a"], "cadreIds") == ["a", "b"]
    with pytest.raises(BadUserInput) as raised:
        _cadre_ids([], "attendeeIds")
    assert raised.value.field == "attendeeIds"
    with pytest.raises(BadUserInput):
        _cadre_ids([str(i) for i in range(101)], "cadreIds")
