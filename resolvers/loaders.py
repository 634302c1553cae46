"""Per-request batching of the relations of nodes that no compiled read brought (those a
feature's own query returned): one statement per relation shape for all such parents."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Hashable
from typing import Any

from strawberry.dataloader import DataLoader

from graph.compiler import RelationShape, relation_statement
from graph.scope import ScopedGraph

# (parent label, relation shape, frozen parameters, parent id)
RelationKey = tuple[str, RelationShape, tuple[tuple[str, Hashable], ...], str]


class Loaders:
    def __init__(self, graph: ScopedGraph) -> None:
        self.graph = graph
        self.relations: DataLoader[RelationKey, Any] = DataLoader(load_fn=self._load_relations)

    async def _load_relations(self, keys: list[RelationKey]) -> list[Any]:
        groups: dict[tuple[Any, ...], list[str]] = defaultdict(list)
        for parent, shape, params, key in keys:
            groups[(parent, shape, params)].append(key)

        async def fetch(group: tuple[Any, ...], parents: list[str]) -> dict[tuple[Any, ...], Any]:
            parent, shape, params = group
            rows = await self.graph.read(
                relation_statement(parent, shape, self.graph.scope.limited),
                parents=list(dict.fromkeys(parents)),
                **{k: list(v) if isinstance(v, tuple) else v for k, v in params},
            )
            return {(*group, row["pid"]): row["value"] for row in rows}

        found: dict[tuple[Any, ...], Any] = {}
        for part in await asyncio.gather(*(fetch(g, p) for g, p in groups.items())):
            found.update(part)
        return [found.get(key) for key in keys]
