"""Every named Cypher statement of graph/, for review: `youth-matrix export-cypher` writes them
to graph/queries.cypher (a test holds the file to the code, as schema.graphql), and a test checks
that each statement returning nodes applies the caller's scope.

Besides the fixed statements, the file shows what the read compiler (graph/compiler.py) makes for
a few typical reads, for the district and for a limited scope."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import graph
from graph.compiler import (
    ListShape,
    NodeShape,
    NodesShape,
    RelationShape,
    list_statement,
    nodes_statement,
)
from graph.driver import Query

SNAPSHOT = Path(__file__).with_name("queries.cypher")
# Modules whose statements are not the API's: the datasets' bulk writes are generated per batch.
SKIP = ("graph.server", "graph.catalog", "graph.compiler")


def _modules() -> Iterator[object]:
    for info in sorted(pkgutil.walk_packages(graph.__path__, "graph."), key=lambda m: m.name):
        if not info.name.startswith(SKIP):
            yield importlib.import_module(info.name)


def named_statements() -> dict[str, Query]:
    """The module-level statements of graph/ (alone or in tables), by name."""
    found: dict[str, Query] = {}
    for module in _modules():
        for value in vars(module).values():
            values = value.values() if isinstance(value, dict) else [value]
            for item in values:
                if isinstance(item, Query):
                    found[item.name] = item
    return dict(sorted(found.items()))


def _children(key: str, param: str, props: tuple[str, ...]) -> RelationShape:
    return RelationShape(
        key, "Organization.children", param, total=True,
        shapes=(("Organization", NodeShape(props)),),
    )  # fmt: skip


# Typical compiled reads: a town tree, a grid's page, appeals with who raised them.
EXAMPLES: dict[str, ListShape | NodesShape] = {
    "compiled_town_tree": ListShape(
        "Organization",
        NodeShape(("name",), (_children("children", "r0", ("name",)),)),
        filters=("kind:TownCommittee",),
        total=True,
    ),
    "compiled_grid_detail": NodesShape(
        (
            (
                "Grid",
                NodeShape(
                    ("name", "youthCount"),
                    (
                        RelationShape(
                            "servedBy",
                            "Grid.servedBy",
                            "r0",
                            one=True,
                            shapes=(("Organization", NodeShape(("name",))),),
                        ),
                        RelationShape("youth", "Grid.youth", "r1", total=True, items=False),
                    ),
                ),
            ),
        )
    ),
    "compiled_appeals": ListShape(
        "Appeal",
        NodeShape(
            ("status", "title"),
            (
                RelationShape(
                    "raisedBy",
                    "Appeal.raisedBy",
                    "r0",
                    one=True,
                    shapes=(("Youth", NodeShape(("name",))),),
                ),
            ),
        ),
        filters=("status",),
        total=True,
    ),
}


def compiled_examples() -> dict[str, Query]:
    found = {}
    for name, shape in EXAMPLES.items():
        for limited in (False, True):
            make = list_statement if isinstance(shape, ListShape) else nodes_statement
            text = make(shape, limited).text  # type: ignore[arg-type]
            key = f"{name}_{'limited' if limited else 'district'}"
            found[key] = Query(key, text)
    return found


def snapshot() -> str:
    blocks = []
    for name, query in {**named_statements(), **compiled_examples()}.items():
        text = "\n".join(line.rstrip() for line in query.text.strip("\n").splitlines())
        blocks.append(f"// {name}\n{_dedent(text)};\n")
    return "\n".join(blocks)


def _dedent(text: str) -> str:
    lines = text.splitlines()
    indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
    return "\n".join(x[indent:] if x.strip() else "" for x in lines)
