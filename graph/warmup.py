"""Warms Neo4j's plan cache: EXPLAIN plans (and caches) each named statement of the graph
modules without running it, once, in the background after start, so the first user of each
statement does not pay its planning (seconds on a busy machine)."""

from __future__ import annotations

import importlib
import logging
import pkgutil
import time
from collections.abc import Iterable, Iterator

import graph
from graph.driver import Database, Query

log = logging.getLogger("youth_matrix.warmup")

# Not request statements: set-up, the server, this module.
SKIP = {"graph.server", "graph.migrations", "graph.health", "graph.warmup", "graph.driver"}


def _queries_in(value: object) -> Iterator[Query]:
    if isinstance(value, Query):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _queries_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            if isinstance(item, Query):
                yield item


def named_queries() -> list[Query]:
    """Every `Query` a graph module holds (constants, and those in its dicts and lists), once."""
    seen: dict[str, Query] = {}
    for module_info in pkgutil.iter_modules(graph.__path__, "graph."):
        if module_info.name in SKIP or module_info.ispkg:
            continue
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            for query in _queries_in(value):
                seen.setdefault(query.text, query)
    return list(seen.values())


async def warm_plans(db: Database, queries: Iterable[Query] | None = None) -> tuple[int, int]:
    """EXPLAINs each statement; returns (planned, failed). A failure (a statement that only
    makes sense with parts filled in at run time, Neo4j away) is logged and skipped."""
    started = time.monotonic()
    planned = failed = 0
    for query in named_queries() if queries is None else queries:
        try:
            await db.read(Query(f"explain_{query.name}", f"EXPLAIN {query.text}"))
            planned += 1
        except Exception as exc:  # warming is best effort: a request plans it anyway
            failed += 1
            log.debug("could not warm %s: %s", query.name, exc)
    log.info(
        "warmed query plans",
        extra={"planned": planned, "failed": failed, "s": round(time.monotonic() - started, 1)},
    )
    return planned, failed
