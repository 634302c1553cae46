"""The partnership report's resolver without a database: the period rules, the checks made
before the one read (top, social organisations, the caller's subtree), the read's parameters, and
how the statement's row becomes the report (its period, each top partner's kind)."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import pytest

from core.errors import BadUserInput
from core.principal import Principal, Role
from core.settings import get_settings
from graph.driver import Database
from graph.scope import Scope
from resolvers import reports
from resolvers.context import Context
from resolvers.validate import today

TOWN = Scope(root="RC-T01", orgs=("RC-T01", "RC-T01-C01", "RC-T01-C01-B01"))
TOWN_ADMIN = Principal("town", Role.TOWN_ADMIN, "RC-T01")


def _ctx(db: None, principal: Principal | None, scope: Scope) -> Context:
    return Context.create(cast(Database, db), get_settings(), principal, scope, "test")


def _record(key: str, *labels: str) -> dict[str, Any]:
    return {"props": {"id": key, "name": key}, "labels": list(labels)}


def _partner(key: str, *labels: str, joint: int) -> dict[str, Any]:
    return {
        "partner": _record(key, *labels),
        "jointActivities": joint,
        "participants": 10 * joint,
        "youthServed": 5 * joint,
        "appealsHandled": 1,
        "gridBranches": 0,
    }


ROW: dict[str, Any] = {
    "organization": _record("RC-T01", "Organization", "TownCommittee"),
    "coBuilding": {"pairsActive": 3, "pairsNew": 1, "pairsEnded": 0, "committees": 2,
                   "gridBranches": 3},
    "topPartners": [
        _partner("SO-001", "SocialOrganization", joint=4),
        _partner("RC-IC-01", "Organization", "IndustryCommittee", joint=2),
    ],
}  # fmt: skip


# -- the period ----------------------------------------------------------------------------------


def test_the_default_period_is_this_year_to_date() -> None:
    assert reports.period(None, None) == (dt.date(today().year, 1, 1), today())


def test_a_period_given_only_its_end_starts_on_the_first_of_january_of_that_year() -> None:
    assert reports.period(None, dt.date(2021, 6, 30)) == (dt.date(2021, 1, 1), dt.date(2021, 6, 30))


def test_a_period_given_only_its_start_ends_today() -> None:
    assert reports.period(dt.date(2021, 3, 1), None) == (dt.date(2021, 3, 1), today())


def test_a_period_of_one_day_is_allowed_but_not_a_reversed_one() -> None:
    day = dt.date(2021, 6, 30)
    assert reports.period(day, day) == (day, day)
    with pytest.raises(BadUserInput) as raised:
        reports.period(dt.date(2021, 12, 31), dt.date(2021, 1, 1))
    assert (raised.value.message, raised.value.field) == ("from must not be after to", "from")


# -- the row as the report -----------------------------------------------------------------------


def test_partner_kinds_follow_the_partners_labels() -> None:
    assert reports.partner_kind(["SocialOrganization"]) == "SocialOrganization"
    assert reports.partner_kind(["Organization", "IndustryCommittee"]) == "IndustryCommittee"


def test_the_report_is_the_row_with_its_period_and_partner_kinds() -> None:
    first, last = dt.date(2021, 1, 1), dt.date(2021, 12, 31)
    report = reports.report(ROW, first, last)
    assert (report["from"], report["to"]) == (first, last)
    assert report["coBuilding"] == ROW["coBuilding"]  # the figures as counted
    assert [(p["partner"]["props"]["id"], p["kind"]) for p in report["topPartners"]] == [
        ("SO-001", "SocialOrganization"),
        ("RC-IC-01", "IndustryCommittee"),
    ]  # in the statement's ranking
    assert "kind" not in ROW["topPartners"][0]  # the row itself is left as it was


# -- the resolver --------------------------------------------------------------------------------
