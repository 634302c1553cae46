"""Document validation (schema/validation.py): arguments that can be checked before anything
runs are checked in validation, so an invalid mutation writes nothing; validation costs are
linear in the document whatever its shape."""

from __future__ import annotations

from typing import Any

import pytest

from core.settings import get_settings
from graph.driver import Database, Query
from tests.conftest import GraphQL, data, error

DISTRICT = ("DISTRICT_ADMIN", "RC")
COUNT = Query("test_count", "MATCH (n) RETURN count(n) AS nodes, COUNT { ()-->() } AS rels")

CREATE_APPEAL = """mutation($y: ID!, $c: ID!%s) {
  createAppeal(input: {youthId: $y, title: "申请暑期托管", category: CARE, urgency: URGENT,
                       collectedById: $c}) {
    key %s } }"""


def create_appeal(selection: str) -> str:
    """createAppeal with `selection` in its answer, declaring the variables it uses."""
    declared = ", $first: Int" if "$first" in selection else ""
    declared += ", $after: String" if "$after" in selection else ""
    return CREATE_APPEAL % (declared, selection)


# The nested selections the 15 failed cases had, and more like them: each invalid by
# a literal or by a variable, each must be refused before the mutation runs.
BAD_SELECTIONS: list[tuple[str, dict[str, Any], str]] = [
    ("referrals(first: 101) { totalCount }", {}, "first"),
    ("referrals(first: -1) { totalCount }", {}, "first"),
    ('referrals(after: "bogus") { totalCount }', {}, "after"),
    ('referrals(after: "b2Zmc2V0Ong=") { totalCount }', {}, "after"),  # "offset:x"
    ("referrals(first: $first) { totalCount }", {"first": 101}, "first"),
    ("referrals(first: $first) { totalCount }", {"first": -5}, "first"),
    ("referrals(after: $after) { totalCount }", {"after": "bogus"}, "after"),
    ("raisedBy { appeals(first: 101) { totalCount } }", {}, "first"),
    ("raisedBy { appeals(first: 1000) { totalCount } }", {}, "first"),
    ('raisedBy { appeals(after: "bogus") { totalCount } }', {}, "after"),
    ("raisedBy { appeals(first: $first) { totalCount } }", {"first": 500}, "first"),
    ("raisedBy { appeals(after: $after) { totalCount } }", {"after": "%%%"}, "after"),
    ("raisedBy { grid { youth(first: 101) { totalCount } } }", {}, "first"),
    ('raisedBy { grid { youth(after: "x") { totalCount } } }', {}, "after"),
    ("... on Appeal { referrals(first: 101) { totalCount } }", {}, "first"),
]


async def _counts(db: Database) -> dict[str, int]:
    return (await db.read(COUNT))[0]


async def _ids(gql: GraphQL) -> dict[str, str]:
    found = data(
        await gql(
            "{ youth(first: 1) { nodes { id } } cadres(first: 1) { nodes { id } } }", as_=DISTRICT
        )
    )
    return {"y": found["youth"]["nodes"][0]["id"], "c": found["cadres"]["nodes"][0]["id"]}


async def test_a_mutation_with_an_invalid_selection_writes_nothing(
    mini: Database, gql: GraphQL
) -> None:
    """Every case is refused with BAD_USER_INPUT naming the argument, and the graph holds the
    same nodes and relationships after all of them as before."""
    ids = await _ids(gql)
    before = await _counts(mini)
    for selection, variables, field in BAD_SELECTIONS:
        result = await gql(create_appeal(selection), {**ids, **variables}, as_=DISTRICT)
        assert result["data"] is None, (selection, result)
        failed = error(result)
        assert (failed["code"], failed["field"]) == ("BAD_USER_INPUT", field), (selection, failed)
    assert await _counts(mini) == before
    # the same mutation with a valid page does write: one appeal and its relationships
    done = data(await gql(create_appeal("referrals(first: 100) { totalCount }"), ids,
                          as_=DISTRICT))["createAppeal"]  # fmt: skip
    assert done["referrals"] == {"totalCount": 0}
    after = await _counts(mini)
    assert after["nodes"] == before["nodes"] + 1 and after["rels"] > before["rels"]


async def test_page_sizes_and_cursors_are_checked_in_queries_too(
    rencheng: Database, gql: GraphQL
) -> None:
    failed = error(await gql("{ appeals(first: 101) { totalCount } }", as_=DISTRICT))
    assert failed == {
        "message": "first must be between 0 and 100", "code": "BAD_USER_INPUT", "field": "first",
    }  # fmt: skip
    failed = error(await gql('{ appeals(after: "bogus") { totalCount } }', as_=DISTRICT))
    assert (failed["code"], failed["field"]) == ("BAD_USER_INPUT", "after")
    # the bounds themselves are fine
    page = data(await gql("{ appeals(first: 100) { nodes { id } } }", as_=DISTRICT))
    assert len(page["appeals"]["nodes"]) == 100
    assert data(await gql("{ appeals(first: 0) { nodes { id } } }", as_=DISTRICT)) == {
        "appeals": {"nodes": []}
    }


async def test_argument_strings_have_a_length_limit(rencheng: Database, gql: GraphQL) -> None:
    """A string longer than max_string_length never travels to Neo4j, literal or variable."""
    limit = get_settings().max_string_length
    long = "任" * (limit + 1)
    literal = '{ organizations(filter: {search: "' + long + '"}) { totalCount } }'
    assert error(await gql(literal, as_=DISTRICT))["code"] == "BAD_USER_INPUT"
    failed = error(
        await gql(
            "query($s: String) { organizations(filter: {search: $s}) { totalCount } }",
            {"s": long},
            as_=DISTRICT,
        )
    )
    assert (failed["code"], failed["field"]) == ("BAD_USER_INPUT", "s")
    ok = await gql('{ organizations(filter: {search: "任城"}) { totalCount } }', as_=DISTRICT)
    assert data(ok)["organizations"]["totalCount"] >= 0


def _doubling(levels: int) -> str:
    """`fragment F1 on Query { ...F0 ...F0 }` …: 2**levels fields expanded (F0 has two)."""
    fragments = ["fragment F0 on Query { overview { cadres } }"]
    fragments += [f"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}" for i in range(1, levels)]
    return f"{{ ...F{levels - 1} }}\n" + "\n".join(fragments)


@pytest.mark.parametrize("levels", [20, 40])
async def test_fragment_bombs_are_refused_without_expanding_them(
    rencheng: Database, gql: GraphQL, levels: int
) -> None:
    """40 levels would be 2**40 fields: if validation expanded them it would never answer.
    Each fragment is measured once, so the answer is an error about the expansion."""
    result = await gql(_doubling(levels), as_=DISTRICT)
    assert error(result)["code"] == "BAD_USER_INPUT"
    # (the node budget refuses it too, costing each fragment once: either error may come first)
    messages = [e["message"] for e in result["errors"]]
    assert any("expands to" in m and str(2**levels) in m for m in messages), messages


async def test_fragment_spreads_are_limited(rencheng: Database, gql: GraphQL) -> None:
    limit = get_settings().max_fragment_spreads
    spreads = " ".join(["...F"] * (limit + 1))
    many = "{ " + spreads + " } fragment F on Query { overview { cadres } }"
    failed = error(await gql(many, as_=DISTRICT))
    assert failed["code"] == "BAD_USER_INPUT" and f"at most {limit}" in failed["message"]
    # a document within the limits, with fragments, still runs
    fine = "{ ...F ...F } fragment F on Query { viewer { account } }"
    assert data(await gql(fine, as_=DISTRICT)) == {"viewer": {"account": "tester"}}
