"""The partnership report's resolver without a database: the period rules, the checks made
before the one read (top, social organisations, the caller's subtree), the read's parameters, and
how the statement's row becomes the report (its period, each top partner's kind)."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import pytest

from core.errors import BadUserInput, Forbidden, NotFound, Unauthenticated
from core.ids import to_global_id
from core.principal import Principal, Role
from core.settings import get_settings
from graph.driver import Database, Query
from graph.reports import PARTNERSHIP_REPORT
from graph.scope import PUBLIC, Scope
from resolvers import reports
from resolvers.context import Context
from resolvers.validate import today

TOWN = Scope(root="RC-T01", orgs=("RC-T01", "RC-T01-C01", "RC-T01-C01-B01"))
TOWN_ADMIN = Principal("town", Role.TOWN_ADMIN, "RC-T01")


class FakeDatabase:
    """Answers every read with the given rows and remembers what was asked."""

    generation = 0

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.reads: list[tuple[Query, dict[str, Any]]] = []

    async def read(self, query: Query, **params: Any) -> list[dict[str, Any]]:
        self.reads.append((query, params))
        return self.rows


def _ctx(db: FakeDatabase, principal: Principal | None, scope: Scope) -> Context:
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


async def test_the_report_reads_once_with_the_period_brands_and_limits() -> None:
    db = FakeDatabase([ROW])
    report = await reports.partnership_report(
        _ctx(db, TOWN_ADMIN, TOWN), None, dt.date(2021, 1, 1), dt.date(2021, 12, 31), top=5
    )
    assert report["organization"]["props"]["id"] == "RC-T01"
    assert [p["kind"] for p in report["topPartners"]] == ["SocialOrganization", "IndustryCommittee"]
    [(query, params)] = db.reads
    assert query is PARTNERSHIP_REPORT
    assert params == {
        "org": "RC-T01",  # no orgId: the caller's own organisation
        "top": 5,
        "maxRows": reports.MAX_ROWS,
        "brands": ["SUMMER_CARE", "TALENT_FESTIVAL", "YOUTH_CREDIT", "TUTORING",
                   "RIGHTS_PROTECTION"],
        "from": dt.date(2021, 1, 1),
        "to": dt.date(2021, 12, 31),
        # the caller's scope, added by its ScopedGraph
        "scopeAll": False,
        "scopeOrgs": ["RC-T01", "RC-T01-C01", "RC-T01-C01-B01"],
        "scopeSocialOrg": None,
    }  # fmt: skip


@pytest.mark.parametrize("top", [0, reports.MAX_TOP + 1])
async def test_top_is_from_1_to_max_top(top: int) -> None:
    db = FakeDatabase([ROW])
    with pytest.raises(BadUserInput) as raised:
        await reports.partnership_report(_ctx(db, TOWN_ADMIN, TOWN), None, top=top)
    assert (raised.value.message, raised.value.field) == ("top must be from 1 to 100", "top")
    assert db.reads == []


async def test_an_organisation_outside_the_callers_subtree_is_not_found_without_a_read() -> None:
    db = FakeDatabase([ROW])
    with pytest.raises(NotFound) as raised:
        await reports.partnership_report(
            _ctx(db, TOWN_ADMIN, TOWN), to_global_id("Organization", "RC-T02")
        )
    assert raised.value.field == "orgId"
    assert db.reads == []


async def test_an_organisation_the_statement_does_not_find_is_not_found() -> None:
    db = FakeDatabase([])
    with pytest.raises(NotFound):
        await reports.partnership_report(_ctx(db, TOWN_ADMIN, TOWN), None)
    assert len(db.reads) == 1


async def test_a_social_organisation_has_no_subtree_to_report_on() -> None:
    social = Principal("so", Role.SOCIAL_ORG, "SO-001")
    db = FakeDatabase([ROW])
    with pytest.raises(Forbidden) as raised:
        await reports.partnership_report(_ctx(db, social, Scope(social_org="SO-001")), None)
    assert raised.value.field == "orgId"
    assert db.reads == []


async def test_a_report_needs_a_token() -> None:
    db = FakeDatabase([ROW])
    with pytest.raises(Unauthenticated):
        await reports.partnership_report(_ctx(db, None, PUBLIC), None)
    assert db.reads == []
