"""Writes inside one transaction, on behalf of a caller: references are looked up in the
caller's scope (an id outside it is NOT_FOUND), new nodes get fresh ids."""

from __future__ import annotations

import uuid
from typing import Any

from neo4j import AsyncManagedTransaction

from graph.scope import Scope
from graph.writes import ARCHIVE, CREATE, LINK, LOOKUP, UPDATE, link_key
from resolvers.connections import graph_id
from schema.errors import NotFound

# Id prefixes of created nodes, as in the datasets.
PREFIX = {
    "Organization": "ORG", "Grid": "GR", "Cadre": "CD", "SocialOrganization": "SO",
    "SocialWorker": "SW", "Youth": "Y", "Appeal": "AP", "Position": "PO", "Activity": "AC",
}  # fmt: skip


def new_id(label: str) -> str:
    return f"{PREFIX[label]}-{uuid.uuid4().hex[:12].upper()}"


class Writer:
    def __init__(self, tx: AsyncManagedTransaction, scope: Scope) -> None:
        self.tx = tx
        self.scope = scope

    async def _one(self, query: Any, **params: Any) -> dict[str, Any] | None:
        result = await self.tx.run(query.text, params)
        record = await result.single()
        return record.data() if record else None

    async def lookup(self, label: str, global_id: str, field: str) -> dict[str, Any]:
        """The node a global id names, if it exists, is active and the caller may write to it."""
        key = graph_id(global_id, label, field)
        row = await self._one(LOOKUP[label], id=key, **self.scope.params())
        owned = self.scope.everything or label != "Organization" or key in self.scope.orgs
        if row is None or not owned:
            raise NotFound(f"no {label} {global_id} that you may change", field)
        return row["node"]

    async def create(self, labels: str, props: dict[str, Any]) -> dict[str, Any]:
        label = labels.split(":")[0]
        row = await self._one(CREATE[labels], id=new_id(label), props=props)
        assert row is not None
        return row["node"]

    async def update(self, label: str, key: str, props: dict[str, Any]) -> dict[str, Any]:
        row = await self._one(UPDATE[label], id=key, props=props)
        assert row is not None
        return row["node"]

    async def archive(self, label: str, key: str) -> dict[str, Any]:
        row = await self._one(ARCHIVE[label], id=key)
        assert row is not None
        return row["node"]

    async def link(
        self,
        source: tuple[str, str],
        rel: str,
        target: tuple[str, str],
        props: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """MERGEs (source)-[rel]->(target); each end is (label, graph id)."""
        query = LINK[link_key(source[0], rel, target[0])]
        row = await self._one(query, source=source[1], target=target[1], props=props or {})
        assert row is not None
        return row["rel"]

    async def run(self, query: Any, **params: Any) -> list[dict[str, Any]]:
        result = await self.tx.run(query.text, params)
        return await result.data()


def key_of(node: dict[str, Any]) -> str:
    return node["props"]["id"]
