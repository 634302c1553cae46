"""Per-request batching: every node and relation wanted by one level of a query is fetched with
one Cypher round trip (per relation and page window), whatever the number of parents."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Hashable
from typing import Any

from strawberry.dataloader import DataLoader

from graph.entities import BY_IDS, RELATION
from graph.scope import ScopedGraph

# A relation key: (relation name, frozen filter params, offset, limit, parent id)
RelationKey = tuple[str, tuple[tuple[str, Hashable], ...], int, int, str]
NodeKey = tuple[str, str]  # (label, id)


def freeze(params: dict[str, Any]) -> tuple[tuple[str, Hashable], ...]:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


def thaw(frozen: tuple[tuple[str, Hashable], ...]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in frozen}


class Loaders:
    def __init__(self, graph: ScopedGraph) -> None:
        self.graph = graph
        self.relations: DataLoader[RelationKey, dict[str, Any] | None] = DataLoader(
            load_fn=self._load_relations
        )
        self.nodes: DataLoader[NodeKey, dict[str, Any] | None] = DataLoader(
            load_fn=self._load_nodes
        )

    async def _load_relations(self, keys: list[RelationKey]) -> list[dict[str, Any] | None]:
        groups: dict[tuple[Any, ...], list[str]] = defaultdict(list)
        for name, params, offset, limit, parent in keys:
            groups[(name, params, offset, limit)].append(parent)

        async def fetch(group: tuple[Any, ...], parents: list[str]) -> dict[tuple[Any, ...], Any]:
            name, params, offset, limit = group
            rows = await self.graph.read(
                RELATION[name],
                parents=list(dict.fromkeys(parents)),
                offset=offset,
                limit=limit,
                **thaw(params),
            )
            return {(*group, row["pid"]): row for row in rows}

        found: dict[tuple[Any, ...], Any] = {}
        for part in await asyncio.gather(*(fetch(g, p) for g, p in groups.items())):
            found.update(part)
        return [found.get(key) for key in keys]

    async def _load_nodes(self, keys: list[NodeKey]) -> list[dict[str, Any] | None]:
        by_label: dict[str, list[str]] = defaultdict(list)
        for label, key in keys:
            by_label[label].append(key)

        async def fetch(label: str, ids: list[str]) -> dict[NodeKey, Any]:
            rows = await self.graph.read(BY_IDS[label], ids=ids)
            return {(label, row["node"]["props"]["id"]): row["node"] for row in rows}

        found: dict[NodeKey, Any] = {}
        for part in await asyncio.gather(*(fetch(lb, ids) for lb, ids in by_label.items())):
            found.update(part)
        return [found.get(key) for key in keys]
