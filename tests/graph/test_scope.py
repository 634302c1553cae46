"""Who may see what: subtree scopes, masking of personal data, tokens."""

from __future__ import annotations

import re

import jwt

from app.auth import jwt_secret
from core.settings import get_settings
from graph.driver import Database
from tests.conftest import GraphQL, data, error, gid

DISTRICT = ("DISTRICT_ADMIN", "RC")
TOWN_1 = ("TOWN_ADMIN", "RC-T01")


async def _a_youth_of(gql: GraphQL, town: str) -> dict:
    result = await gql(
        "query($t: ID!) { youth(first: 1, filter: {under: $t}) { nodes { id key "
        "grid { id key } appeals(first: 1) { nodes { id } } } } }",
        {"t": gid("Organization", town)},
        as_=DISTRICT,
    )
    return data(result)["youth"]["nodes"][0]


async def test_a_town_admin_cannot_reach_another_towns_youth(
    rencheng: Database, gql: GraphQL
) -> None:
    other = await _a_youth_of(gql, "RC-T02")
    # by list
    listed = await gql(
        "query($t: ID!) { youth(filter: {under: $t}) { totalCount } }",
        {"t": gid("Organization", "RC-T02")},
        as_=TOWN_1,
    )
    assert data(listed)["youth"]["totalCount"] == 0
    # by node(id:) — the youth, its grid, the town itself: as if they did not exist
    for node_id in (other["id"], other["grid"]["id"], gid("Organization", "RC-T02")):
        assert data(await gql("query($id: ID!) { node(id: $id) { id } }", {"id": node_id},
                              as_=TOWN_1))["node"] is None  # fmt: skip
    # by traversal: up from the town, and through a district committee's partners
    town = data(
        await gql(
            "query($id: ID!) { node(id: $id) { ... on Organization { parent { key } "
            "descendants(first: 60, filter: {kind: GRID_BRANCH}) { nodes { "
            "partners(first: 5) { nodes { key partners(first: 5) { nodes { key } } } } "
            "} } } } }",
            {"id": gid("Organization", "RC-T01")},
            as_=TOWN_1,
        )
    )["node"]
    assert town["parent"] is None
    reached = {
        far["key"]
        for branch in town["descendants"]["nodes"]
        for partner in branch["partners"]["nodes"]
        for far in partner["partners"]["nodes"]
    }
    assert reached and all(key.startswith("RC-T01-") for key in reached)


async def test_a_town_admins_lists_stay_in_its_town(rencheng: Database, gql: GraphQL) -> None:
    result = data(await gql("{ youth(first: 100) { totalCount nodes { grid { key } } } "
                            "cadres(first: 100) { nodes { posts { nodes { key } } } } }",
                            as_=TOWN_1))  # fmt: skip
    assert result["youth"]["totalCount"] > 0
    assert all(n["grid"]["key"].startswith("RC-T01-") for n in result["youth"]["nodes"])
    posts = [p["key"] for c in result["cadres"]["nodes"] for p in c["posts"]["nodes"]]
    # its own organisations, or the industry committees co-building with its branches
    assert posts and all(key.startswith("RC-T01") or "-IC-" in key for key in posts)


async def test_personal_fields_are_masked_for_a_town_admin(
    rencheng: Database, gql: GraphQL
) -> None:
    youth = await _a_youth_of(gql, "RC-T01")
    query = (
        "query($id: ID!) { node(id: $id) { ... on Youth { name idNumber phone difficulties } } }"
    )
    masked = data(await gql(query, {"id": youth["id"]}, as_=TOWN_1))["node"]
    assert re.fullmatch(r"\d{6}\*{8}\d{3}[\dX]", masked["idNumber"])
    assert re.fullmatch(r"1\d{2}\*{4}\d{4}", masked["phone"])
    assert re.fullmatch(r".\*+", masked["name"])
    assert masked["difficulties"] is None


async def test_the_grid_cadre_of_the_youths_grid_sees_it_unmasked(
    rencheng: Database, gql: GraphQL
) -> None:
    youth = await _a_youth_of(gql, "RC-T01")
    served = data(await gql("query($id: ID!) { node(id: $id) { ... on Grid { servedBy { key } } "
                            "} }",
                            {"id": youth["grid"]["id"]}, as_=DISTRICT))["node"]  # fmt: skip
    cadre = ("GRID_CADRE", served["servedBy"]["key"])
    if served["servedBy"]["key"].count("-") == 2:  # a grid without branch: its community
        cadre = ("COMMUNITY_CADRE", served["servedBy"]["key"])
    query = "query($id: ID!) { node(id: $id) { ... on Youth { name idNumber phone } } }"
    seen = data(await gql(query, {"id": youth["id"]}, as_=cadre))["node"]
    assert re.fullmatch(r"370811\d{11}[\dX]", seen["idNumber"])
    assert re.fullmatch(r"1[3-9]\d{9}", seen["phone"])
    assert "*" not in seen["name"]


async def test_a_social_organisation_sees_only_what_was_referred_to_it(
    rencheng: Database, gql: GraphQL
) -> None:
    referred = data(await gql(
        "{ socialOrganizations(first: 1) { nodes { key appeals(first: 100) { totalCount "
        "nodes { key } } } } appeals(first: 1) { totalCount } }", as_=DISTRICT))  # fmt: skip
    social = referred["socialOrganizations"]["nodes"][0]
    own = data(await gql("{ appeals(first: 100) { totalCount nodes { key } } "
                         "youth(first: 1) { totalCount } grids(first: 1) { totalCount } }",
                         as_=("SOCIAL_ORG", social["key"])))  # fmt: skip
    assert own["appeals"]["totalCount"] == social["appeals"]["totalCount"]
    assert own["appeals"]["totalCount"] < referred["appeals"]["totalCount"]
    assert own["grids"]["totalCount"] == 0
    assert own["youth"]["totalCount"] <= own["appeals"]["totalCount"]


async def test_without_a_token_only_public_aggregates(rencheng: Database, gql: GraphQL) -> None:
    assert data(await gql("{ overview { gridBranches } }"))["overview"]["gridBranches"] == 1034
    assert data(await gql("{ viewer { account } }"))["viewer"] is None
    failed = error(await gql("{ youth { totalCount } }"))
    assert failed["code"] == "UNAUTHENTICATED"


async def test_a_bad_or_expired_token_is_unauthenticated(rencheng: Database, gql: GraphQL) -> None:
    claims = {"sub": "x", "role": "DISTRICT_ADMIN", "org": "RC"}
    forged = jwt.encode({**claims, "exp": 4102444800}, "x" * 32, algorithm="HS256")
    expired = jwt.encode({**claims, "exp": 1}, jwt_secret(get_settings()), algorithm="HS256")
    for bearer in (forged, expired, "garbage"):
        failed = error(await gql("{ overview { centers } }", bearer=bearer))
        assert failed["code"] == "UNAUTHENTICATED"
    assert "expired" in error(await gql("{ youth { totalCount } }", bearer=expired))["message"]


async def test_a_token_for_an_unknown_organisation_is_forbidden(
    rencheng: Database, gql: GraphQL
) -> None:
    failed = error(await gql("{ youth { totalCount } }", as_=("TOWN_ADMIN", "RC-T99")))
    assert failed["code"] == "FORBIDDEN"


async def test_the_viewer_is_the_token(rencheng: Database, gql: GraphQL) -> None:
    viewer = data(await gql("{ viewer { account role organizationKey } }", as_=TOWN_1))["viewer"]
    assert viewer == {"account": "tester", "role": "TOWN_ADMIN", "organizationKey": "RC-T01"}


async def test_a_token_acts_only_for_an_organisation_of_its_roles_level(
    rencheng: Database, gql: GraphQL
) -> None:
    """A grid cadre's token naming a town, a town admin's naming the centre: FORBIDDEN."""
    for role, org in (("GRID_CADRE", "RC-T01"), ("TOWN_ADMIN", "RC"), ("SOCIAL_ORG", "RC-T01")):
        failed = await gql("{ organizations(first: 1) { totalCount } }", as_=(role, org))
        assert failed["errors"][0]["extensions"]["code"] == "FORBIDDEN", (role, org)
    # the inspector of a town is fine
    inspected = await gql("{ organizations(first: 1) { totalCount } }", as_=("INSPECTOR", "RC-T01"))
    assert "errors" not in inspected


async def test_claims_of_the_wrong_type_are_unauthenticated(
    rencheng: Database, gql: GraphQL
) -> None:
    for org in (["RC"], 42, None):
        forged = jwt.encode(
            {"sub": "x", "role": "DISTRICT_ADMIN", "org": org, "exp": 4102444800},
            jwt_secret(get_settings()),
            algorithm="HS256",
        )
        failed = await gql("{ viewer { account } }", bearer=forged)
        assert failed["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", org
