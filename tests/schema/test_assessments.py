"""Trainings, 三位一体 assessments (weighting, ranking, the joint inspection team), awards, and
the cadre's and organisation's profiles."""

from __future__ import annotations

from typing import Any

from graph.driver import Database, Query
from tests.conftest import GraphQL, data, error, gid

DISTRICT = ("DISTRICT_ADMIN", "RC")
INSPECTOR = ("INSPECTOR", "RC")
COUNT = Query("test_count", "MATCH (n) RETURN count(n) AS nodes, COUNT { ()-->() } AS rels")


async def _counts(db: Database) -> dict[str, int]:
    return (await db.read(COUNT))[0]


def _weighted(a: dict[str, Any]) -> float:
    return round(0.3 * a["dailyWork"] + 0.4 * a["keyWork"] + 0.3 * a["problemSolving"], 1)


# -- trainings -----------------------------------------------------------------------------------

TRAIN = """mutation($title: String!, $topic: TrainingTopic!, $date: Date!, $who: [ID!]!) {
  recordTraining(title: $title, topic: $topic, date: $date, attendeeIds: $who) {
    id key title topic topicLabel date attendees { totalCount nodes { key } } } }"""
ATTEND = """mutation($training: ID!, $who: [ID!]!) {
  recordAttendance(trainingId: $training, cadreIds: $who) {
    attendees { totalCount nodes { key } } } }"""


async def test_a_training_and_who_attended(mini: Database, gql: GraphQL) -> None:
    who = [gid("Cadre", "CD-00009"), gid("Cadre", "CD-00010")]
    given = {"title": "2021年网格团干部紧急救助专项培训", "topic": "EMERGENCY_RESCUE",
             "date": "2021-06-18", "who": who}  # fmt: skip
    training = data(await gql(TRAIN, given, as_=("TOWN_ADMIN", "RC-T01")))["recordTraining"]
    assert (training["topic"], training["topicLabel"], training["date"]) == (
        "EMERGENCY_RESCUE",
        "紧急救助",
        "2021-06-18",
    )
    assert {n["key"] for n in training["attendees"]["nodes"]} == {"CD-00009", "CD-00010"}
    again = {"training": training["id"], "who": [gid("Cadre", "CD-00011"),
                                                 gid("Cadre", "CD-00009")]}  # fmt: skip
    attended = data(await gql(ATTEND, again, as_=DISTRICT))["recordAttendance"]["attendees"]
    assert attended["totalCount"] == 3  # CD-00009 attended once, not twice
    profile = data(await gql("query($id: ID!) { node(id: $id) { ... on Cadre { trainings { "
                             "nodes { key topicLabel } } } } }", {"id": gid("Cadre", "CD-00009")},
                             as_=DISTRICT))["node"]  # fmt: skip
    assert {"key": training["key"], "topicLabel": "紧急救助"} in profile["trainings"]["nodes"]


async def test_bad_trainings_write_nothing(mini: Database, gql: GraphQL) -> None:
    good = {"title": "培训", "topic": "MEDIATION", "date": "2021-06-18",
            "who": [gid("Cadre", "CD-00009")]}  # fmt: skip
    cases = [
        ({**good, "title": ""}, ("TOWN_ADMIN", "RC-T01"), "BAD_USER_INPUT", "title"),
        ({**good, "date": "2999-01-01"}, ("TOWN_ADMIN", "RC-T01"), "BAD_USER_INPUT", "date"),
        ({**good, "who": []}, ("TOWN_ADMIN", "RC-T01"), "BAD_USER_INPUT", "attendeeIds"),
        ({**good, "who": [gid("Cadre", "CD-00009"), gid("Cadre", "CD-00012")]},
         ("TOWN_ADMIN", "RC-T01"), "NOT_FOUND", "attendeeIds"),  # another town's cadre
    ]  # fmt: skip
    before = await _counts(mini)
    for variables, caller, code, field in cases:
        failed = error(await gql(TRAIN, variables, as_=caller))
        assert (failed["code"], failed.get("field")) == (code, field), (variables, failed)
    assert await _counts(mini) == before


# -- assessments ---------------------------------------------------------------------------------

ASSESS = """mutation($target: ID!, $period: String!, $daily: Int!, $key: Int!, $solving: Int!,
                     $inspectors: [String!]!) {
  recordAssessment(targetId: $target, period: $period, dailyWork: $daily, keyWork: $key,
                   problemSolving: $solving, inspectors: $inspectors) {
    key name period dailyWork keyWork problemSolving total grade gradeLabel inspectors
    assessedAt target { key } } }"""
RANKING = """query($org: ID, $period: String!, $subject: AssessmentSubject, $first: Int,
                  $after: String) {
  assessmentRanking(orgId: $org, period: $period, subject: $subject, first: $first,
                    after: $after) {
    organization { key } period subject subjectLabel
    weighting { dailyWork keyWork problemSolving }
    summary { assessed averageTotal excellent good passed failed }
    entries { totalCount pageInfo { hasNextPage endCursor } nodes {
      rank total grade gradeLabel
      assessment { key dailyWork keyWork problemSolving total grade }
      target { key ... on Organization { name } ... on Cadre { name } } } } } }"""


def _assessment(**changes: Any) -> dict[str, Any]:
    given = {"target": gid("Organization", "RC-T01-C02-B02"), "period": "2021-H2", "daily": 90,
             "key": 80, "solving": 70, "inspectors": ["区委组织部 王督查", "团区委 李督查"],
             }  # fmt: skip
    return {**given, **changes}


async def test_an_assessment_by_the_joint_inspection_team(mini: Database, gql: GraphQL) -> None:
    recorded = data(await gql(ASSESS, _assessment(), as_=INSPECTOR))["recordAssessment"]
    assert recorded["total"] == 80.0  # 90 × 0.3 + 80 × 0.4 + 70 × 0.3
    assert (recorded["grade"], recorded["gradeLabel"]) == ("GOOD", "良好")
    assert recorded["inspectors"] == ["区委组织部 王督查", "团区委 李督查"]
    assert recorded["target"]["key"] == "RC-T01-C02-B02" and recorded["period"] == "2021-H2"
    assert recorded["name"].endswith("2021-H2三位一体考核")
    twice = error(await gql(ASSESS, _assessment(daily=100), as_=DISTRICT))
    assert (twice["code"], twice["field"]) == ("CONFLICT", "period")
    cadre = data(await gql(ASSESS, _assessment(target=gid("Cadre", "CD-00010"), daily=95,
                                               key=92, solving=91), as_=DISTRICT))  # fmt: skip
    assert cadre["recordAssessment"]["grade"] == "EXCELLENT"
    ranking = data(await gql(RANKING, {"period": "2021-H2"}, as_=DISTRICT))["assessmentRanking"]
    assert ranking["subject"] == "GRID_BRANCH" and ranking["subjectLabel"] == "网格团支部"
    assert ranking["weighting"] == {"dailyWork": 0.3, "keyWork": 0.4, "problemSolving": 0.3}
    assert [(n["rank"], n["target"]["key"], n["total"]) for n in ranking["entries"]["nodes"]] == [
        (1, "RC-T01-C02-B02", 80.0)
    ]
    cadres = data(await gql(RANKING, {"period": "2021-H2", "subject": "CADRE"}, as_=DISTRICT))
    assert cadres["assessmentRanking"]["summary"]["excellent"] == 1
    branch = {"id": gid("Organization", "RC-T01-C02-B02")}
    profile = data(await gql("query($id: ID!) { node(id: $id) { ... on Organization { "
                             "assessments { nodes { key total } } } } }", branch,
                             as_=DISTRICT))  # fmt: skip
    assert {"key": recorded["key"], "total": 80.0} in profile["node"]["assessments"]["nodes"]


async def test_bad_assessments_write_nothing(mini: Database, gql: GraphQL) -> None:
    cases = [
        (_assessment(key=101), INSPECTOR, "BAD_USER_INPUT", "keyWork"),
        (_assessment(daily=-1), INSPECTOR, "BAD_USER_INPUT", "dailyWork"),
        (_assessment(solving=250), INSPECTOR, "BAD_USER_INPUT", "problemSolving"),
        (_assessment(period="2021-Q3"), INSPECTOR, "BAD_USER_INPUT", "period"),
        (_assessment(period="2999-H1"), INSPECTOR, "BAD_USER_INPUT", "period"),
        (_assessment(inspectors=[]), INSPECTOR, "BAD_USER_INPUT", "inspectors"),
        (_assessment(inspectors=[" "]), INSPECTOR, "BAD_USER_INPUT", "inspectors"),
        (_assessment(target=gid("Organization", "RC-T09")), INSPECTOR, "NOT_FOUND", "targetId"),
        (_assessment(target=gid("Organization", "RC")), INSPECTOR, "BAD_USER_INPUT", "targetId"),
        (_assessment(target=gid("Youth", "Y-000001")), INSPECTOR, "BAD_USER_INPUT", "targetId"),
        # an inspector of one town assesses inside it only
        (_assessment(target=gid("Organization", "RC-T02-C01-B01")), ("INSPECTOR", "RC-T01"),
         "NOT_FOUND", "targetId"),
        (_assessment(), ("TOWN_ADMIN", "RC-T01"), "FORBIDDEN", None),
        (_assessment(period="2021-H1", target=gid("Organization", "RC-T01")), INSPECTOR,
         "CONFLICT", "period"),  # the dataset assessed the town in 2021-H1
    ]  # fmt: skip
    before = await _counts(mini)
    for variables, caller, code, field in cases:
        failed = error(await gql(ASSESS, variables, as_=caller))
        assert (failed["code"], failed.get("field")) == (code, field), (variables, failed)
    assert await _counts(mini) == before


async def test_the_ranking_of_the_district(rencheng: Database, gql: GraphQL) -> None:
    variables = {"period": "2021-H1", "subject": "TOWN_COMMITTEE", "first": 10}
    first = data(await gql(RANKING, variables, as_=DISTRICT))["assessmentRanking"]
    after = first["entries"]["pageInfo"]["endCursor"]
    rest = data(await gql(RANKING, {**variables, "after": after}, as_=DISTRICT))
    entries = first["entries"]["nodes"] + rest["assessmentRanking"]["entries"]["nodes"]
    assert first["summary"]["assessed"] == first["entries"]["totalCount"] == len(entries) == 15
    totals = [e["total"] for e in entries]
    assert totals == sorted(totals, reverse=True)
    for i, entry in enumerate(entries):
        assert entry["total"] == _weighted(entry["assessment"]) == entry["assessment"]["total"]
        assert entry["rank"] == 1 + sum(t > entry["total"] for t in totals)
        assert entry["rank"] <= i + 1
        floor = {"EXCELLENT": 90, "GOOD": 80, "PASS": 60, "FAIL": 0}[entry["grade"]]
        assert entry["total"] >= floor
    summary = first["summary"]
    assert summary["averageTotal"] == round(sum(totals) / 15, 1)
    assert summary["excellent"] + summary["good"] + summary["passed"] + summary["failed"] == 15
    assert summary["excellent"] == sum(t >= 90 for t in totals)
    stored = Query(
        "test_town_assessments",
        "MATCH (a:Assessment {period: '2021-H1'})-[:OF]->(:TownCommittee) RETURN count(a) AS n",
    )
    assert (await rencheng.read(stored))[0]["n"] == 15
    town = data(await gql(RANKING, {"period": "2021-H1", "subject": "GRID_BRANCH", "first": 100},
                          as_=("TOWN_ADMIN", "RC-T01")))["assessmentRanking"]  # fmt: skip
    assert town["organization"]["key"] == "RC-T01"
    assert all(e["target"]["key"].startswith("RC-T01-") for e in town["entries"]["nodes"])
    failed = error(await gql(RANKING, {"period": "H1"}, as_=DISTRICT))
    assert (failed["code"], failed["field"]) == ("BAD_USER_INPUT", "period")


# -- awards and profiles -------------------------------------------------------------------------

GRANT = """mutation($title: AwardTitle!, $year: Int!, $recipient: ID!) {
  grantAward(title: $title, year: $year, recipientId: $recipient) {
    key title year grantedAt recipient { key } } }"""


async def test_awards_by_year(mini: Database, gql: GraphQL) -> None:
    given = {"title": "BEST_GRID_CADRE", "year": 2021, "recipient": gid("Cadre", "CD-00009")}
    award = data(await gql(GRANT, given, as_=DISTRICT))["grantAward"]
    assert (award["title"], award["year"], award["recipient"]["key"]) == (
        "最美网格团干部",
        2021,
        "CD-00009",
    )
    model = {"title": "MODEL_GRID_ORGANIZATION", "year": 2021,
             "recipient": gid("Organization", "RC-T02-C01-B01")}  # fmt: skip
    assert data(await gql(GRANT, model, as_=DISTRICT))["grantAward"]["title"] == "示范网格团组织"
    listed = data(await gql("{ awards(first: 100, filter: {year: 2021}) { totalCount nodes { "
                            "title recipient { key } } } }", as_=DISTRICT))["awards"]  # fmt: skip
    assert listed["totalCount"] == 4  # mini's two and these two
    before = await _counts(mini)
    cases = [
        (given, DISTRICT, "CONFLICT", "year"),
        ({**given, "recipient": gid("Organization", "RC-T01-C01")}, DISTRICT, "BAD_USER_INPUT",
         "recipientId"),
        ({**model, "recipient": gid("Organization", "RC-T01")}, DISTRICT, "BAD_USER_INPUT",
         "recipientId"),
        ({**model, "recipient": gid("Cadre", "CD-00009")}, DISTRICT, "BAD_USER_INPUT",
         "recipientId"),
        ({**given, "year": 2999}, DISTRICT, "BAD_USER_INPUT", "year"),
        ({**given, "recipient": gid("Cadre", "CD-99999")}, DISTRICT, "NOT_FOUND", "recipientId"),
        ({**given, "year": 2020}, INSPECTOR, "FORBIDDEN", None),
    ]  # fmt: skip
    for variables, caller, code, field in cases:
        failed = error(await gql(GRANT, variables, as_=caller))
        assert (failed["code"], failed.get("field")) == (code, field), (variables, failed)
    assert await _counts(mini) == before


PROFILE = """query($id: ID!) { node(id: $id) { ... on Cadre {
  name posts { edges { postLabel node { key } } }
  trainings(first: 100) { totalCount nodes { key topicLabel } }
  assessments { totalCount nodes { period total grade } }
  awards { totalCount nodes { title year } } } } }"""


async def test_a_cadres_profile(rencheng: Database, gql: GraphQL) -> None:
    decorated = Query(
        "test_decorated_cadre",
        """MATCH (c:Cadre)<-[:GRANTED_TO]-(:Award)
           WHERE EXISTS { (c)<-[:OF]-(:Assessment) } AND EXISTS { (c)-[:ATTENDED]->() }
           RETURN c.id AS id, COUNT { (c)-[:ATTENDED]->() } AS trainings,
                  COUNT { (c)<-[:OF]-(:Assessment) } AS assessments,
                  COUNT { (c)<-[:GRANTED_TO]-(:Award) } AS awards,
                  COUNT { (c)-[:SERVES_IN]->() } AS posts
           ORDER BY id LIMIT 1""",
    )
    expected = (await rencheng.read(decorated))[0]
    cadre = data(await gql(PROFILE, {"id": gid("Cadre", expected["id"])}, as_=DISTRICT))["node"]
    assert len(cadre["posts"]["edges"]) == expected["posts"]
    assert cadre["posts"]["edges"][0]["postLabel"] in ("书记", "副书记", "委员")
    assert cadre["trainings"]["totalCount"] == expected["trainings"]
    assert cadre["assessments"]["totalCount"] == expected["assessments"]
    assert all(a["total"] is not None and a["grade"] for a in cadre["assessments"]["nodes"])
    assert (
        cadre["awards"]["nodes"] == [{"title": "最美网格团干部", "year": 2021}] * expected["awards"]
    )
    organization = data(await gql(
        "{ awards(first: 1, filter: {title: MODEL_GRID_ORGANIZATION}) { nodes { recipient { "
        "... on Organization { key assessments { nodes { period total gradeLabel } } "
        "awards { nodes { title year grantedAt } } } } } } }", as_=DISTRICT))  # fmt: skip
    recipient = organization["awards"]["nodes"][0]["recipient"]
    assert {"title": "示范网格团组织", "year": 2021, "grantedAt": "2021-12-28"} in recipient[
        "awards"
    ]["nodes"]
