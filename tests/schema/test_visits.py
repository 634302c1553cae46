"""9th-day visits (9号议事日): a visit and its appeals in one transaction, bad input writes
nothing, and the monthly coverage per grid branch."""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.driver import Database, Query
from tests.conftest import GraphQL, data, error, gid

DISTRICT = ("DISTRICT_ADMIN", "RC")
BRANCH = ("GRID_CADRE", "RC-T02-C01-B01")  # mini: its cadre CD-00012, its grid RC-T02-C01-G01
COUNT = Query("test_count", "MATCH (n) RETURN count(n) AS nodes, COUNT { ()-->() } AS rels")

RECORD = """mutation($cadre: ID!, $target: ID!, $date: Date!, $kind: VisitKind, $notes: String,
                     $appeals: [VisitAppealInput!]) {
  recordVisit(cadreId: $cadre, targetId: $target, date: $date, kind: $kind, notes: $notes,
              appeals: $appeals) {
    id key kind kindLabel date notes cadre { key } target { key __typename }
    appeals(first: 10) { totalCount nodes { title status categoryLabel urgency
      raisedBy { key } collectedBy { key } visits { nodes { key } } } } } }"""
COVERAGE = """query($org: ID, $month: String!, $filter: VisitCoverageFilter, $first: Int) {
  visitCoverage(orgId: $org, month: $month, filter: $filter, first: $first) {
    organization { key } month
    summary { branches held without shareHeld visits youth enterprises socialOrganizations
              appeals }
    branches { totalCount nodes { branch { key } held visits cadres youth enterprises
                                  socialOrganizations appeals } } } }"""


async def _counts(db: Database) -> dict[str, int]:
    return (await db.read(COUNT))[0]


def _visit(**changes: Any) -> dict[str, Any]:
    given = {
        "cadre": gid("Cadre", "CD-00012"),
        "target": gid("Youth", "Y-000018"),
        "date": "2021-04-09",
        "kind": "NINTH_DAY",
        "notes": "走访困境青少年，了解学习生活情况。",
        "appeals": [
            {"title": "申请课业辅导", "category": "STUDY"},
            {"title": "家长求助就业信息", "category": "EMPLOYMENT", "urgency": "URGENT",
             "youthId": gid("Youth", "Y-000019")},
        ],
    }  # fmt: skip
    return {**given, **changes}


async def test_a_visit_and_its_appeals_in_one_transaction(mini: Database, gql: GraphQL) -> None:
    before = await _counts(mini)
    visit = data(await gql(RECORD, _visit(), as_=BRANCH))["recordVisit"]
    assert (visit["kind"], visit["kindLabel"], visit["date"]) == ("NINTH_DAY", "9号议事日",
                                                                    "2021-04-09")  # fmt: skip
    assert visit["cadre"]["key"] == "CD-00012"
    assert visit["target"] == {"key": "Y-000018", "__typename": "Youth"}
    appeals = sorted(visit["appeals"]["nodes"], key=lambda a: a["title"])
    assert [(a["title"], a["raisedBy"]["key"], a["urgency"]) for a in appeals] == [
        ("家长求助就业信息", "Y-000019", "URGENT"),
        ("申请课业辅导", "Y-000018", "GENERAL"),  # raised by the visited youth
    ]
    assert all(a["status"] == "OPEN" and a["collectedBy"]["key"] == "CD-00012" for a in appeals)
    assert all(a["visits"]["nodes"] == [{"key": visit["key"]}] for a in appeals)
    after = await _counts(mini)
    # a visit and two appeals; BY, TO, and per appeal PRODUCED, RAISED_BY, COLLECTED_BY
    assert (after["nodes"] - before["nodes"], after["rels"] - before["rels"]) == (3, 8)
    coverage = data(await gql(COVERAGE, {"month": "2021-04"}, as_=BRANCH))["visitCoverage"]
    assert coverage["organization"]["key"] == "RC-T02-C01-B01"  # the caller's own by default
    assert coverage["branches"]["nodes"] == [{
        "branch": {"key": "RC-T02-C01-B01"}, "held": True, "visits": 1, "cadres": 1, "youth": 1,
        "enterprises": 0, "socialOrganizations": 0, "appeals": 2,
    }]  # fmt: skip


async def test_a_routine_visit_to_an_enterprise(mini: Database, gql: GraphQL) -> None:
    visit = data(await gql(RECORD, _visit(target=gid("Enterprise", "EN-0004"), kind="ROUTINE",
                                          date="2021-05-20", appeals=[]), as_=BRANCH))  # fmt: skip
    assert visit["recordVisit"]["target"] == {"key": "EN-0004", "__typename": "Enterprise"}
    assert visit["recordVisit"]["appeals"]["totalCount"] == 0
    assert visit["recordVisit"]["kindLabel"] == "日常走访"


async def test_bad_visits_write_nothing(mini: Database, gql: GraphQL) -> None:
    tomorrow = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date() + dt.timedelta(days=1)
    cases = [
        (_visit(date=tomorrow.isoformat(), kind="ROUTINE"), "BAD_USER_INPUT", "date"),
        (_visit(date="2021-04-10"), "BAD_USER_INPUT", "date"),  # a 9th-day visit on the 10th
        (_visit(cadre=gid("Cadre", "CD-99999")), "NOT_FOUND", "cadreId"),
        (_visit(cadre=gid("Cadre", "CD-00004")), "NOT_FOUND", "cadreId"),  # another town's
        (_visit(target=gid("Youth", "Y-999999")), "NOT_FOUND", "targetId"),
        (_visit(target=gid("Grid", "RC-T02-C01-G01")), "BAD_USER_INPUT", "targetId"),
        (_visit(appeals=[{"title": " ", "category": "CARE"}]), "BAD_USER_INPUT",
         "appeals[0].title"),
        # the second appeal's youth is unknown: the visit and the first appeal are not written
        (_visit(appeals=[{"title": "a", "category": "CARE"},
                         {"title": "b", "category": "CARE", "youthId": gid("Youth", "Y-404")}]),
         "NOT_FOUND", "appeals[1].youthId"),
        (_visit(target=gid("Enterprise", "EN-0004"),
                appeals=[{"title": "招工信息", "category": "EMPLOYMENT"}]),
         "BAD_USER_INPUT", "appeals[0].youthId"),
    ]  # fmt: skip
    before = await _counts(mini)
    for variables, code, field in cases:
        failed = error(await gql(RECORD, variables, as_=BRANCH))
        assert (failed["code"], failed.get("field")) == (code, field), (variables, failed)
    assert error(await gql(RECORD, _visit(), as_=("INSPECTOR", "RC")))["code"] == "FORBIDDEN"
    assert await _counts(mini) == before


async def test_visit_coverage_of_a_month(mini: Database, gql: GraphQL) -> None:
    """Mini's branches all visited in March; none in April, until one records a visit."""
    coverage = data(await gql(COVERAGE, {"month": "2021-03", "first": 100}, as_=DISTRICT))
    report = coverage["visitCoverage"]
    held = Query(
        "test_held",
        """MATCH (b:GridBranch)
           RETURN b.id AS id, COUNT { (v:Visit {kind: 'NINTH_DAY'})-[:BY]->(:Cadre)-[:SERVES_IN]
                  ->(b) WHERE date('2021-03-01') <= v.date <= date('2021-03-31') } AS visits
           ORDER BY id""",
    )
    expected = {row["id"]: row["visits"] for row in await mini.read(held)}
    rows = {n["branch"]["key"]: n for n in report["branches"]["nodes"]}
    assert {key: row["visits"] for key, row in rows.items()} == expected
    assert all(row["held"] and row["cadres"] >= 1 for row in rows.values())
    summary = report["summary"]
    assert (summary["branches"], summary["held"], summary["without"]) == (8, 8, 0)
    assert (summary["shareHeld"], summary["visits"]) == (1.0, sum(expected.values()))
    assert summary["youth"] + summary["enterprises"] + summary["socialOrganizations"] > 0

    april = {"month": "2021-04", "filter": {"held": False}, "first": 100}
    before = data(await gql(COVERAGE, april, as_=DISTRICT))["visitCoverage"]
    # RC-T02-C01-B01 was established in May: April is not held against it
    assert (before["summary"]["branches"], before["summary"]["held"]) == (7, 0)
    assert "RC-T02-C01-B01" not in {n["branch"]["key"] for n in before["branches"]["nodes"]}
    data(await gql(RECORD, _visit(appeals=[]), as_=BRANCH))  # ... but it did visit in April
    after = data(await gql(COVERAGE, april, as_=DISTRICT))["visitCoverage"]
    assert (after["summary"]["branches"], after["summary"]["held"]) == (8, 1)
    assert after["summary"]["without"] == after["branches"]["totalCount"] == 7
    assert [n["branch"]["key"] for n in after["branches"]["nodes"]] == [
        n["branch"]["key"] for n in before["branches"]["nodes"]
    ]


async def test_visit_coverage_of_the_district(rencheng: Database, gql: GraphQL) -> None:
    result = await gql(COVERAGE, {"month": "2021-03", "filter": {"held": False}, "first": 100},
                       as_=DISTRICT)  # fmt: skip
    assert result["extensions"]["cypherRoundTrips"] == 1
    report = data(result)["visitCoverage"]
    held = Query(
        "test_held_district",
        """MATCH (b:GridBranch)
           WHERE EXISTS { (v:Visit {kind: 'NINTH_DAY'})-[:BY]->(:Cadre)-[:SERVES_IN]->(b)
                          WHERE date('2021-03-01') <= v.date <= date('2021-03-31') }
           RETURN count(b) AS held""",
    )
    summary = report["summary"]
    assert summary["held"] == (await rencheng.read(held))[0]["held"]
    assert summary["branches"] == summary["held"] + summary["without"]
    assert 0 < summary["without"] < 1034
    assert report["branches"]["totalCount"] == summary["without"]
    assert all(not n["held"] and n["visits"] == 0 for n in report["branches"]["nodes"])
    assert summary["appeals"] > 0 and summary["youth"] > 0 and summary["enterprises"] > 0
    town = data(await gql(COVERAGE, {"month": "2021-03"}, as_=("TOWN_ADMIN", "RC-T01")))
    assert town["visitCoverage"]["summary"]["branches"] < summary["branches"]
    assert all(
        n["branch"]["key"].startswith("RC-T01-") for n in town["visitCoverage"]["branches"]["nodes"]
    )
    failed = error(await gql(COVERAGE, {"month": "2021-03", "org": gid("Organization", "RC-T02")},
                             as_=("TOWN_ADMIN", "RC-T01")))  # fmt: skip
    assert (failed["code"], failed["field"]) == ("NOT_FOUND", "orgId")
    for month in ("2021-13", "March", "2999-01"):
        failed = error(await gql(COVERAGE, {"month": month}, as_=DISTRICT))
        assert (failed["code"], failed["field"]) == ("BAD_USER_INPUT", "month")


async def test_visits_filtered_by_their_kind(rencheng: Database, gql: GraphQL) -> None:
    """A visit's kind is a property (VisitKind), not a label as an organisation's kind is."""
    query = """query($kind: VisitKind) { visits(first: 5, filter: {kind: $kind}) {
      totalCount nodes { kind } } cadre: cadres(first: 1) { nodes {
      visits(first: 5, filter: {kind: $kind}) { totalCount nodes { kind } } } } }"""
    counts = {}
    for kind in ("NINTH_DAY", "ROUTINE"):
        result = data(await gql(query, {"kind": kind}, as_=DISTRICT))
        counts[kind] = result["visits"]["totalCount"]
        assert {v["kind"] for v in result["visits"]["nodes"]} == {kind}
        (cadre,) = result["cadre"]["nodes"]
        assert {v["kind"] for v in cadre["visits"]["nodes"]} <= {kind}
    everything = data(await gql("{ visits(first: 0) { totalCount } }", as_=DISTRICT))
    assert counts["NINTH_DAY"] > 0 and counts["ROUTINE"] > 0
    assert counts["NINTH_DAY"] + counts["ROUTINE"] == everything["visits"]["totalCount"]
