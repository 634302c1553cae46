"""A fully compiled query answers exactly what the executed path answers, byte for byte, for
every role; an operation it cannot answer falls back to the executed path."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.applications import Starlette

from graph.driver import Database
from schema.compiled import CompiledOperations
from tests.conftest import GraphQL, gid

CALLERS = [
    ("DISTRICT_ADMIN", "RC"),
    ("TOWN_ADMIN", "RC-T01"),
    ("COMMUNITY_CADRE", "RC-T01-C01"),
    ("INSPECTOR", "RC-T02"),
]

DOCUMENTS: list[tuple[str, dict[str, Any]]] = [
    (
        """query Tree($n: Int!) {
          organizations(first: $n, filter: {kind: TOWN_COMMITTEE}) {
            totalCount pageInfo { hasNextPage endCursor }
            edges { cursor node { id key name kind kindLabel level __typename
              children(first: 3) { totalCount nodes { name sector sectorLabel establishedAt } }
              parent { name }
              cadres(first: 2) { edges { post postLabel since node { name phone sourceLabel } } }
            } }
          }
        }""",
        {"n": 4},
    ),
    (
        """query Youth($grid: ID!) {
          node(id: $grid) { __typename ... on Grid { name youthCount
            youth(first: 5) { totalCount nodes { ...person } }
            servedBy { ... on Organization { name } } } }
        }
        fragment person on Youth {
          key name idNumber phone address birthDate gender genderLabel inDifficulty
          difficulties difficultiesLabels appeals(first: 2) { nodes { title status statusLabel
          createdAt urgencyLabel } }
        }""",
        {"grid": gid("Grid", "RC-T01-C01-G01")},
    ),
    (
        """query Appeals($s: [AppealStatus!]) {
          a: appeals(first: 7, filter: {status: $s}) { totalCount
            nodes { title statusLabel categoryLabel raisedBy { name grid { name } } } }
          b: appeals(first: 3, after: "b2Zmc2V0OjI=") { nodes { key } }
          nodes(ids: ["T3JnYW5pemF0aW9uOlJD", "R3JpZDpub3BlIQ=="]) {
            id ... on Organization { name } }
        }""",
        {"s": ["OPEN", "MATCHED"]},
    ),
]


def _graphql_app(app: Starlette) -> Any:
    """The lazily built GraphQL app behind POST /graphql (GET /graphql is the console's page)."""
    routes = [r for r in app.routes if getattr(r, "path", "") == "/graphql"]
    apps = [getattr(r, "app", None) for r in routes]
    return next(a for a in apps if hasattr(a, "app"))


@pytest.mark.parametrize("caller", CALLERS, ids=lambda c: c[0])
async def test_compiled_answers_equal_executed_ones(
    rencheng: Database, gql: GraphQL, app: Starlette, caller: tuple[str, str]
) -> None:
    for document, variables in DOCUMENTS:
        executed = await gql(document, variables, as_=caller)  # validates; the plan is learnt
        lazy = _graphql_app(app)
        compiled: CompiledOperations = lazy.app.compiled
        before = compiled.answered
        again = await gql(document, variables, as_=caller)
        assert compiled.answered == before + 1, "the second request was not compiled"
        assert again == executed


async def test_an_operation_with_a_feature_field_is_executed(
    rencheng: Database, gql: GraphQL, app: Starlette
) -> None:
    document = "{ organizations(first: 1) { totalCount } overview { gridBranches } }"
    first = await gql(document, as_=("DISTRICT_ADMIN", "RC"))
    compiled: CompiledOperations = _graphql_app(app).app.compiled
    before = compiled.answered
    again = await gql(document, as_=("DISTRICT_ADMIN", "RC"))
    assert again["data"] == first["data"]  # (the overview comes from its memo the second time)
    assert compiled.answered == before


async def test_an_input_error_falls_back_to_the_executed_answer(
    rencheng: Database, gql: GraphQL, app: Starlette
) -> None:
    document = "query($n: Int!) { grids(first: $n) { totalCount } }"
    assert "errors" not in await gql(document, {"n": 2}, as_=("DISTRICT_ADMIN", "RC"))
    failed = await gql(document, {"n": 101}, as_=("DISTRICT_ADMIN", "RC"))
    assert failed["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "first"}


async def test_a_compiled_operation_follows_its_variables_and_the_callers_masking(
    rencheng: Database, gql: GraphQL, app: Starlette
) -> None:
    """What a plan compiled for one set of variables and one masking is kept and reused, never
    served for other variables or to a caller who sees another masking."""
    document = """query($n: Int!, $grid: ID!) {
      node(id: $grid) { ... on Grid { youth(first: $n) { nodes { key name } } } } }"""
    grid = gid("Grid", "RC-T01-C01-G01")
    cadre = ("COMMUNITY_CADRE", "RC-T01-C01")  # works with these youth: sees their names
    town = ("TOWN_ADMIN", "RC-T01")  # sees them masked
    executed = await gql(document, {"n": 3, "grid": grid}, as_=cadre)
    compiled: CompiledOperations = _graphql_app(app).app.compiled
    before = compiled.answered

    again = await gql(document, {"n": 3, "grid": grid}, as_=cadre)
    two = await gql(document, {"n": 2, "grid": grid}, as_=cadre)
    masked = await gql(document, {"n": 3, "grid": grid}, as_=town)

    assert compiled.answered == before + 3
    assert again == executed
    names = [y["name"] for y in executed["data"]["node"]["youth"]["nodes"]]
    assert len(names) == 3 and not any("*" in name for name in names)
    assert two["data"]["node"]["youth"]["nodes"] == executed["data"]["node"]["youth"]["nodes"][:2]
    shown = [y["name"] for y in masked["data"]["node"]["youth"]["nodes"]]
    assert shown == [name[0] + "*" * (len(name) - 1) for name in names]
    plan = compiled.known(document, None)
    assert plan is not None and len(plan.prepared) == 3  # (n=3, cadre), (n=2, cadre), (n=3, town)
