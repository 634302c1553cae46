"""The schema's limits: one node budget for pages × aliases × nesting."""

from __future__ import annotations

from graphql import parse, validate

from core.settings import get_settings
from schema.build import build_schema
from schema.extensions import node_budget

SCHEMA = build_schema(get_settings())._schema


def _errors(document: str, budget: int = 2500) -> list[str]:
    return [e.message for e in validate(SCHEMA, parse(document), [node_budget(budget)])]


def test_aliases_of_large_id_lists_exceed_the_budget() -> None:
    ids = ", ".join(f'"id{i}"' for i in range(100))
    aliases = " ".join(f"a{i}: nodes(ids: [{ids}]) {{ id }}" for i in range(30))
    (message,) = _errors(f"{{ {aliases} }}")
    assert "3000 nodes" in message


def test_nesting_multiplies_pages() -> None:
    nested = "{ organizations(first: 100) { nodes { children(first: 30) { nodes { name } } } } }"
    assert _errors(nested)  # 100 + 100 × 30 nodes
    assert (
        _errors("{ organizations(first: 20) { nodes { children(first: 20) { nodes { name } } } } }")
        == []
    )


def test_a_page_size_from_a_variable_counts_as_the_largest_page() -> None:
    document = "query($n: Int) { grids(first: $n) { nodes { youth(first: 30) { totalCount } } } }"
    assert _errors(document)  # 100 × 30
    assert _errors(document, budget=5000) == []


def test_a_fragment_is_costed_once_per_spread_without_blowing_up() -> None:
    fragments = "fragment F0 on Query { grids(first: 1) { totalCount } }\n" + "\n".join(
        f"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}" for i in range(1, 21)
    )
    (message,) = _errors("{ ...F20 }\n" + fragments)
    assert "nodes" in message  # 2^20 pages of one grid: refused, and quickly
