"""Helpers that several features' resolvers share (a feature never imports another): the
caller's writes in one transaction, whether an organisation is visible, and the nodes and edges
of graph views."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from neo4j.exceptions import ConstraintError

from core.errors import ApiError, BadUserInput, Conflict, Forbidden, NotFound
from core.ids import graph_id, new_id, to_global_id
from core.principal import WRITERS, Role
from core.vocabulary import NodeLabel
from graph.driver import Query
from graph.entities import BY_IDS, ENTITIES
from graph.scope import ScopedTx
from graph.writes import ARCHIVE, CREATE, LINK, LINKED_ORGANIZATIONS, LOOKUP, UPDATE, link_key
from resolvers.context import Context
from resolvers.personal import reveal


async def organization_visible(ctx: Context, key: str) -> bool:
    """Whether the caller may see the organisation with this graph id."""
    return await node_visible(ctx, "Organization", key)


class Writer:
    def __init__(self, tx: ScopedTx) -> None:
        self.tx = tx
        self.scope = tx.scope

    async def _one(self, query: Query, **params: Any) -> dict[str, Any] | None:
        return await self.tx.single(query, **params)

    async def lookup(self, label: str, global_id: str, field: str) -> dict[str, Any]:
        """The node a global id names, if it exists, is active and the caller may write to it."""
        key = graph_id(global_id, label, field)
        row = await self._one(LOOKUP[label], id=key)
        owned = label != "Organization" or self.scope.owns(key)
        if row is None or not owned:
            raise NotFound(f"no {label} {global_id} that you may change", field)
        return row["node"]

    async def lookup_to_change(self, label: str, global_id: str, field: str) -> dict[str, Any]:
        """`lookup`, for a node the caller changes itself: a node shared with organisations
        (a social organisation's links, a cadre's posts) only by a caller holding all of them."""
        node = await self.lookup(label, global_id, field)
        if label in LINKED_ORGANIZATIONS and not self.scope.everything:
            rows = await self.run(LINKED_ORGANIZATIONS[label], id=key_of(node))
            outside = sorted(o for o in rows[0]["orgs"] if not self.scope.owns(o))
            if outside:
                raise Forbidden(
                    f"{label} {global_id} is shared with organisations outside your subtree "
                    f"({', '.join(outside)}): the district or a common parent may change it",
                    field,
                )
        return node

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

    async def run(self, query: Query, **params: Any) -> list[dict[str, Any]]:
        return await self.tx.run(query, **params)


def key_of(node: dict[str, Any]) -> str:
    return node["props"]["id"]


Work = Callable[[Writer], Awaitable[Any]]


async def write(ctx: Context, work: Work, roles: tuple[Role, ...] = WRITERS) -> Any:
    """Runs `work` in one write transaction for a caller whose role may, on behalf of the caller
    (references are looked up in its scope: an id outside it is NOT_FOUND); returns what `work`
    returns. Everything it writes commits, or nothing does."""
    principal = ctx.caller()
    if principal.role not in roles:
        raise Forbidden(f"the role {principal.role.value} may not change the graph")
    try:
        return await ctx.graph.write_tx(lambda tx: work(Writer(tx)))
    except ConstraintError as exc:  # a concurrent write took the same unique value
        raise Conflict("the change conflicts with the current graph; try again") from exc


# -- graph views (exploration, co-building, linkage): plain GraphView/GraphNode/GraphEdge data --

LABEL_NAMES = {label.value: label.label for label in NodeLabel}


def primary_label(labels: list[str]) -> str:
    """The label a node's global id names: its entity's (Organization for every level)."""
    return next(label for label in labels if label in ENTITIES)


def node_id(node: dict[str, Any]) -> str:
    """The global id of a node given as {key, labels}."""
    return to_global_id(primary_label(node["labels"]), node["key"])


def graph_node(ctx: Context, node: dict[str, Any], distance: int) -> dict[str, Any]:
    """A node to draw from {key, labels, name}; a youth's name masked as everywhere."""
    labels = node["labels"]
    specific = next((label for label in labels if label != "Organization"), labels[0])
    name = node["name"] or ""
    if "Youth" in labels:  # the one rule of resolvers/personal.py
        personal = {"name": name, "caseOpen": node.get("caseOpen")}
        name = reveal(ctx, "Youth", node["key"], personal, "name") or ""
    return {
        "id": node_id(node),
        "key": node["key"],
        "label": specific,
        "label_name": LABEL_NAMES.get(specific, specific),
        "name": name,
        "distance": max(distance, 0),
    }


def graph_edge(source: str, type_: str, target: str) -> dict[str, Any]:
    """A relationship to draw, from the node with global id `source` to `target`."""
    return {"id": f"{source}-{type_}->{target}", "type": type_, "source": source, "target": target}


def graph_view(
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    paths: list[dict[str, Any]] | None = None,
    truncated: bool = False,
) -> dict[str, Any]:
    """A subgraph: nodes (graph_node), edges (graph_edge), the paths found, whether cut."""
    return {"nodes": nodes, "edges": edges, "paths": paths or [], "truncated": truncated}


# -- mobilization, visits, assessments: reports about an organisation's subtree --------------------


def root_org(ctx: Context, org_id: str | None) -> str:
    """The graph id of the organisation a report is about: the one named (`orgId`), or else the
    caller's own (a social organisation has none: it must name one)."""
    principal = ctx.caller()
    if org_id is not None:
        return graph_id(org_id, "Organization", "orgId")
    if ctx.scope.social_org:
        raise BadUserInput("a social organisation names the organisation (orgId)", "orgId")
    return principal.org_id


async def node_visible(ctx: Context, label: str, key: str) -> bool:
    """Whether the caller may see the `label` node with this graph id."""
    return bool(await ctx.graph.read(BY_IDS[label], ids=[key]))


async def root_error(ctx: Context, org: str, org_id: str | None) -> ApiError:
    """The error for a report whose root its query did not find: an organisation the caller
    sees but of the wrong kind, or none it sees."""
    if await organization_visible(ctx, org):
        return BadUserInput("orgId must name the centre, a town, a community or a branch", "orgId")
    return NotFound(f"no organisation {org_id or org}", "orgId")
