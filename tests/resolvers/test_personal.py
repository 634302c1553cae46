"""What a reader sees of personal data (resolvers/personal.py): the birth date is personal (a
masked reader gets the year), and a social organisation sees a youth's data only while it holds
the case, or within the grace period after (YM_SOCIAL_ORG_GRACE_DAYS)."""

from __future__ import annotations

from graph.driver import Database, Query
from tests.conftest import GraphQL, data

YOUTH = """query($first: Int) { youth(first: $first) { nodes {
  key name idNumber birthDate birthYear appeals(first: 5) { nodes { status } } } } }"""

# The youth whose appeals SO-001 was referred: their statuses, and when each case ended.
CASES = Query(
    "test_cases_of_so_001",
    "MATCH (y:Youth)<-[:RAISED_BY]-(a:Appeal)-[:REFERRED_TO]->(:SocialOrganization {id: 'SO-001'}) "
    "RETURN y.id AS youth, collect(a.status) AS statuses",
)


async def test_a_masked_reader_gets_the_birth_year_not_the_date(
    rencheng: Database, gql: GraphQL
) -> None:
    town = data(await gql(YOUTH, {"first": 3}, as_=("TOWN_ADMIN", "RC-T01")))["youth"]["nodes"]
    cadre = data(await gql(YOUTH, {"first": 3}, as_=("COMMUNITY_CADRE", "RC-T01-C01")))
    assert all(y["birthDate"] is None and y["birthYear"] for y in town)
    seen = {y["key"]: y for y in cadre["youth"]["nodes"]}
    for youth in town:
        if youth["key"] in seen:  # the same youth, unmasked for the cadre of its community
            assert seen[youth["key"]]["birthDate"].startswith(str(youth["birthYear"]))
            assert "*" in youth["idNumber"] and "*" not in seen[youth["key"]]["idNumber"]


async def test_a_social_organisation_sees_personal_data_while_it_holds_the_case(
    mini: Database, gql: GraphQL
) -> None:
    cases = {r["youth"]: r["statuses"] for r in await mini.read(CASES)}
    open_ = {y for y, s in cases.items() if {"MATCHED", "IN_PROGRESS"} & set(s)}
    ended = {y for y, s in cases.items() if not {"MATCHED", "IN_PROGRESS"} & set(s)}
    assert open_ and ended  # mini's cases: one in progress, the others ended in 2021
    youth = data(await gql(YOUTH, {"first": 50}, as_=("SOCIAL_ORG", "SO-001")))["youth"]["nodes"]
    shown = {y["key"]: y for y in youth}
    assert set(shown) == set(cases)  # it sees every youth whose appeal was referred to it
    for key in open_:
        assert "*" not in shown[key]["name"] and shown[key]["birthDate"]
    for key in ended:  # ended in 2021, long past the 30-day grace: the history, masked
        assert "*" in shown[key]["name"] and shown[key]["birthDate"] is None
        assert shown[key]["appeals"]["nodes"]  # the appeal's history stays visible
