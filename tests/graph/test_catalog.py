"""The Cypher a Neo4j engineer reviews is the Cypher the code runs, and none forgets the scope."""

from __future__ import annotations

import re

from graph.catalog import SNAPSHOT, compiled_examples, named_statements, snapshot

# Writes return the node they wrote, after their transaction looked it up in the scope.
WRITES = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE)\b")
# Reads that return nodes without the scope's parameters, each for a reason.
EXEMPT = {
    "scope_subtree": "resolves the caller's scope: it reads the token's own organisation",
}


def test_queries_cypher_is_up_to_date() -> None:
    assert SNAPSHOT.read_text(encoding="utf-8") == snapshot(), (
        "graph/queries.cypher differs from the code: run `youth-matrix export-cypher`"
    )


def test_every_read_that_returns_nodes_applies_the_scope() -> None:
    """A statement that projects nodes (their labels) reads the caller's scope parameters."""
    statements = {**named_statements(), **compiled_examples()}
    unscoped = [
        name
        for name, query in statements.items()
        if "labels(" in query.text
        and not WRITES.search(query.text)
        and name not in EXEMPT
        and not re.search(r"\$scope(All|Orgs|SocialOrg)\b", query.text)
        and "district" not in name  # the district's compiled reads need no predicate
    ]
    assert unscoped == []


def test_statement_names_are_unique() -> None:
    names = [query.name for query in named_statements().values()]
    assert len(names) == len(set(names))
