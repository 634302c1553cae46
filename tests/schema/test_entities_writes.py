"""Mutations on the small district: each writes all or nothing, and bad input says which field."""

from __future__ import annotations

from typing import Any

from graph.driver import Database, Query
from tests.conftest import GraphQL, data, error, gid

DISTRICT = ("DISTRICT_ADMIN", "RC")
TOWN_1 = ("TOWN_ADMIN", "RC-T01")

COUNT = Query("test_count", "MATCH (n) RETURN count(n) AS nodes, COUNT { ()-->() } AS rels")


async def _counts(db: Database) -> dict[str, int]:
    return (await db.read(COUNT))[0]


async def _first(gql: GraphQL, field: str, filter_: str = "", *, as_: Any = DISTRICT) -> dict:
    args = f"(first: 1, filter: {{{filter_}}})" if filter_ else "(first: 1)"
    result = data(await gql(f"{{ {field}{args} {{ nodes {{ id key }} }} }}", as_=as_))
    return result[field]["nodes"][0]


CREATE_ORG = """mutation($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { id key name kind level parent { key } } }"""


async def test_create_a_grid_branch_under_a_community(mini: Database, gql: GraphQL) -> None:
    community = await _first(gql, "organizations", "kind: COMMUNITY_BRANCH")
    created = data(await gql(CREATE_ORG, {"input": {
        "name": "测试社区第9网格团支部", "kind": "GRID_BRANCH", "parentId": community["id"],
        "establishedAt": "2021-05-04"}}, as_=DISTRICT))["createOrganization"]  # fmt: skip
    assert created["kind"] == "GRID_BRANCH"
    assert created["level"] == 3
    assert created["parent"]["key"] == community["key"]
    children = data(await gql(
        "query($id: ID!) { node(id: $id) { ... on Organization { children(first: 100) "
        "{ nodes { key } } } } }", {"id": community["id"]}, as_=DISTRICT))  # fmt: skip
    assert created["key"] in {n["key"] for n in children["node"]["children"]["nodes"]}


async def test_the_hierarchy_is_enforced_and_nothing_is_written(
    mini: Database, gql: GraphQL
) -> None:
    town = await _first(gql, "organizations", "kind: TOWN_COMMITTEE")
    before = await _counts(mini)
    given = {"name": "错层支部", "kind": "GRID_BRANCH", "parentId": town["id"]}
    failed = error(await gql(CREATE_ORG, {"input": given}, as_=DISTRICT))
    assert (failed["code"], failed["field"]) == ("BAD_USER_INPUT", "parentId")
    assert "CommunityBranch" in failed["message"]
    assert await _counts(mini) == before


async def test_bad_input_names_the_field(mini: Database, gql: GraphQL) -> None:
    community = await _first(gql, "organizations", "kind: COMMUNITY_BRANCH")
    cases = [
        ({"name": " ", "kind": "GRID_BRANCH", "parentId": community["id"]}, "name"),
        ({"name": "x", "kind": "CENTER", "parentId": community["id"]}, "kind"),
        ({"name": "x", "kind": "GRID_BRANCH", "parentId": "bm9wZQ"}, "id"),
        ({"name": "x", "kind": "GRID_BRANCH", "parentId": community["id"],
          "establishedAt": "2999-01-01"}, "establishedAt"),
        ({"name": "x", "kind": "GRID_BRANCH", "parentId": community["id"], "sector": "COURIER"},
         "sector"),
    ]  # fmt: skip
    before = await _counts(mini)
    for given, field in cases:
        failed = error(await gql(CREATE_ORG, {"input": given}, as_=DISTRICT))
        assert failed["code"] == "BAD_USER_INPUT", (given, failed)
        assert failed.get("field") in (field, "parentId"), (given, failed)
    assert await _counts(mini) == before


CREATE_YOUTH = """mutation($input: CreateYouthInput!) {
  createYouth(input: $input) { key name idNumber inDifficulty grid { key } } }"""


async def test_a_youth_needs_a_valid_id_number_and_phone(mini: Database, gql: GraphQL) -> None:
    grid = await _first(gql, "grids")
    good = {
        "name": "李小明", "gender": "MALE", "birthDate": "2010-03-07", "gridId": grid["id"],
        "idNumber": "370811201003070029", "phone": "13805371234",
        "inDifficulty": True, "difficulties": ["LEFT_BEHIND"],
    }  # fmt: skip
    before = await _counts(mini)
    for field, value in [
        ("idNumber", "370811201003070021"),  # wrong check digit
        ("idNumber", "370811201003080016"),  # valid, but not the birth date
        ("phone", "12805371234"),
    ]:
        failed = error(await gql(CREATE_YOUTH, {"input": {**good, field: value}}, as_=DISTRICT))
        assert (failed["code"], failed["field"]) == ("BAD_USER_INPUT", field)
    failed = error(await gql(CREATE_YOUTH, {"input": {**good, "difficulties": []}}, as_=DISTRICT))
    assert failed["field"] == "difficulties"
    assert await _counts(mini) == before
    created = data(await gql(CREATE_YOUTH, {"input": good}, as_=DISTRICT))["createYouth"]
    assert created["grid"]["key"] == grid["key"]
    assert created["idNumber"] == "370811********0029"  # a district admin sees it masked
    assert created["name"] == "李**"


async def test_a_grid_branch_serves_one_grid(mini: Database, gql: GraphQL) -> None:
    grid = data(await gql("{ grids(first: 1, filter: {hasBranch: true}) { nodes { id "
                          "community { id } branch { id } } } }", as_=DISTRICT))  # fmt: skip
    served = grid["grids"]["nodes"][0]
    failed = error(await gql(
        "mutation($c: ID!, $b: ID!) { createGrid(input: {name: \"新网格\", communityId: $c, "
        "branchId: $b}) { key } }",
        {"c": served["community"]["id"], "b": served["branch"]["id"]}, as_=DISTRICT))  # fmt: skip
    assert (failed["code"], failed["field"]) == ("CONFLICT", "branchId")


async def test_archive_hides_and_keeps(mini: Database, gql: GraphQL) -> None:
    youth = await _first(gql, "youth")
    archived = data(await gql("mutation($id: ID!) { archive(id: $id) { ... on Youth { key "
                              "archivedAt } } }", {"id": youth["id"]}, as_=DISTRICT))  # fmt: skip
    assert archived["archive"]["archivedAt"]
    listed = data(await gql("{ youth(first: 100) { nodes { key } } "
                            "gone: youth(filter: {archived: true}) { nodes { key } } }",
                            as_=DISTRICT))  # fmt: skip
    assert youth["key"] not in {n["key"] for n in listed["youth"]["nodes"]}
    assert [n["key"] for n in listed["gone"]["nodes"]] == [youth["key"]]


async def test_an_organisation_with_children_cannot_be_archived(
    mini: Database, gql: GraphQL
) -> None:
    town = await _first(gql, "organizations", "kind: TOWN_COMMITTEE")
    failed = error(await gql("mutation($id: ID!) { archive(id: $id) { id } }", {"id": town["id"]},
                             as_=DISTRICT))  # fmt: skip
    assert failed["code"] == "CONFLICT"


async def test_co_building_is_established_ended_and_kept(mini: Database, gql: GraphQL) -> None:
    committee = await _first(gql, "organizations", "kind: INDUSTRY_COMMITTEE")
    branches = data(
        await gql(
            "query($c: ID!) { node(id: $c) { ... on Organization { "
            "partners(first: 100) { nodes { key } } } } "
            "organizations(first: 100, filter: {kind: GRID_BRANCH}) "
            "{ nodes { id key } } }",
            {"c": committee["id"]},
            as_=DISTRICT,
        )
    )
    partners = {n["key"] for n in branches["node"]["partners"]["nodes"]}
    branch = next(b for b in branches["organizations"]["nodes"] if b["key"] not in partners)
    pair = {"c": committee["id"], "b": branch["id"]}
    establish = ("mutation($c: ID!, $b: ID!) { establishCoBuilding(committeeId: $c, "
                 "gridBranchId: $b, since: \"2021-03-01\") { key } }")  # fmt: skip
    data(await gql(establish, pair, as_=DISTRICT))
    assert error(await gql(establish, pair, as_=DISTRICT))["code"] == "CONFLICT"
    data(await gql("mutation($c: ID!, $b: ID!) { endCoBuilding(committeeId: $c, gridBranchId: $b,"
                   " until: \"2021-09-30\") { key } }", pair, as_=DISTRICT))  # fmt: skip
    history = data(await gql("query($b: ID!) { node(id: $b) { ... on Organization { "
                             "partners { edges { since until node { key } } } } } }",
                             {"b": branch["id"]}, as_=DISTRICT))  # fmt: skip
    edge = next(e for e in history["node"]["partners"]["edges"]
                if e["node"]["key"] == committee["key"])  # fmt: skip
    assert (edge["since"], edge["until"]) == ("2021-03-01", "2021-09-30")


async def test_a_town_admin_cannot_write_outside_its_town(mini: Database, gql: GraphQL) -> None:
    other = await _first(
        gql, "organizations", f'kind: COMMUNITY_BRANCH, under: "{gid("Organization", "RC-T02")}"'
    )
    given = {"name": "越界支部", "kind": "GRID_BRANCH", "parentId": other["id"]}
    failed = error(await gql(CREATE_ORG, {"input": given}, as_=TOWN_1))
    assert (failed["code"], failed["field"]) == ("NOT_FOUND", "parentId")


async def test_an_inspector_may_not_write(mini: Database, gql: GraphQL) -> None:
    community = await _first(gql, "organizations", "kind: COMMUNITY_BRANCH")
    failed = error(await gql(CREATE_ORG, {"input": {
        "name": "x", "kind": "GRID_BRANCH", "parentId": community["id"]}},
        as_=("INSPECTOR", "RC")))  # fmt: skip
    assert failed["code"] == "FORBIDDEN"


async def test_cadre_appeal_social_org_worker_position_activity(
    mini: Database, gql: GraphQL
) -> None:
    """One of each create and update, each read back through the API."""
    branch = await _first(gql, "organizations", "kind: GRID_BRANCH")
    youth = await _first(gql, "youth")
    project = await _first(gql, "serviceProjects")
    grid = await _first(gql, "grids")
    cadre = data(await gql("""mutation($o: ID!) { createCadre(input: {name: "王建国",
        source: POLICE, organizationId: $o, post: DEPUTY_SECRETARY, phone: "13912345678",
        since: "2021-01-01"}) { id sourceLabel posts { edges { postLabel node { key } } } } }""",
        {"o": branch["id"]}, as_=DISTRICT))["createCadre"]  # fmt: skip
    assert cadre["sourceLabel"] == "片警"
    assert cadre["posts"]["edges"] == [{"postLabel": "副书记", "node": {"key": branch["key"]}}]
    appeal = data(await gql("""mutation($y: ID!, $c: ID!) { createAppeal(input: {youthId: $y,
        title: "申请暑期托管", category: CARE, urgency: URGENT, collectedById: $c}) {
        id status statusLabel urgencyLabel raisedBy { key } collectedBy { id } } }""",
        {"y": youth["id"], "c": cadre["id"]}, as_=DISTRICT))["createAppeal"]  # fmt: skip
    assert (appeal["status"], appeal["statusLabel"], appeal["urgencyLabel"]) == (
        "OPEN",
        "待处理",
        "紧急",
    )
    assert appeal["raisedBy"]["key"] == youth["key"]
    updated = data(await gql('mutation($id: ID!) { updateAppeal(input: {id: $id, '
                             'category: STUDY}) { categoryLabel } }', {"id": appeal["id"]},
                             as_=DISTRICT))  # fmt: skip
    assert updated["updateAppeal"]["categoryLabel"] == "学业"
    social = data(await gql("""mutation($o: ID!) { createSocialOrganization(input: {
        name: "任城区青少年法律援助中心", services: [LEGAL_AID], capacity: 12,
        linkedOrganizationId: $o}) { id servicesLabels organizations { nodes { key } } } }""",
        {"o": branch["id"]}, as_=DISTRICT))["createSocialOrganization"]  # fmt: skip
    assert social["servicesLabels"] == ["法律援助"]
    worker = data(await gql("""mutation($s: ID!) { createSocialWorker(input: {name: "赵律师",
        skills: [LAW, MEDIATION], socialOrganizationId: $s}) { skillsLabels
        socialOrganization { id } } }""", {"s": social["id"]}, as_=DISTRICT))  # fmt: skip
    assert worker["createSocialWorker"]["socialOrganization"]["id"] == social["id"]
    position = data(await gql("""mutation($o: ID!, $g: ID!) { createPosition(input: {
        name: "测试青年驿站", type: YOUTH_STATION, hostedById: $o, gridId: $g}) {
        id typeLabel hostedBy { key } grid { key } } }""",
        {"o": branch["id"], "g": grid["id"]}, as_=DISTRICT))["createPosition"]  # fmt: skip
    assert position["typeLabel"] == "青年驿站"
    activity = data(await gql("""mutation($p: ID!, $o: ID!, $h: ID!, $s: ID!) {
        createActivity(input: {title: "法治讲座", date: "2021-08-09", projectId: $p,
        organizedById: $o, heldAtId: $h, participants: 40, served: 35, partnerIds: [$s]}) {
        served heldAt { id } partners { nodes { id } } } }""",
        {"p": project["id"], "o": branch["id"], "h": position["id"], "s": social["id"]},
        as_=DISTRICT))["createActivity"]  # fmt: skip
    assert activity["served"] == 35
    assert activity["heldAt"]["id"] == position["id"]
    assert activity["partners"]["nodes"] == [{"id": social["id"]}]


async def test_updates_change_only_what_they_name(mini: Database, gql: GraphQL) -> None:
    position = data(await gql("{ positions(first: 1) { nodes { id name type address } } }",
                              as_=DISTRICT))["positions"]["nodes"][0]  # fmt: skip
    grid = await _first(gql, "grids")
    moved = data(await gql("""mutation($id: ID!, $g: ID!) { updatePosition(input: {id: $id,
        address: "任城区古槐路1号", gridId: $g}) { name type address grid { id } } }""",
        {"id": position["id"], "g": grid["id"]}, as_=DISTRICT))["updatePosition"]  # fmt: skip
    assert (moved["name"], moved["type"]) == (position["name"], position["type"])
    assert moved["address"] == "任城区古槐路1号"
    assert moved["grid"]["id"] == grid["id"]
    cadre = await _first(gql, "cadres")
    failed = error(await gql('mutation($id: ID!) { updateCadre(input: {id: $id, phone: "123"}) '
                             "{ key } }", {"id": cadre["id"]}, as_=DISTRICT))  # fmt: skip
    assert (failed["code"], failed["field"]) == ("BAD_USER_INPUT", "phone")


async def test_a_shared_social_organisation_changes_only_by_whoever_holds_all_its_links(
    mini: Database, gql: GraphQL
) -> None:
    """SO-001 is linked with the town RC-T01 and a community of RC-T02: the town admin of
    RC-T01 may not rename it (nothing written); the district may."""
    rename = """mutation($id: ID!) { updateSocialOrganization(input: {id: $id, name: "新名称"})
      { name } }"""
    so = gid("SocialOrganization", "SO-001")
    failed = await gql(rename, {"id": so}, as_=("TOWN_ADMIN", "RC-T01"))
    assert failed["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    [row] = await mini.read(Query("test_so_name", "MATCH (s {id: 'SO-001'}) RETURN s.name AS n"))
    assert row["n"] != "新名称"
    renamed = data(await gql(rename, {"id": so}, as_=("DISTRICT_ADMIN", "RC")))
    assert renamed["updateSocialOrganization"]["name"] == "新名称"
