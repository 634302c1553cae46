"""The reads of the mix as the peer serves them: the Neo4j GraphQL Library's generated schema for
bench/peer/typeDefs.graphql (`organizationsConnection(where: {level: {eq: 1}})`,
`childrenConnection { totalCount edges { node } }`, list relationship fields with `limit`), and
how each answer, the project's and the peer's, becomes one comparable form.

The comparable form keeps ids, names, titles and counts, and leaves out personal fields (a youth's
name, a cadre's phone): the benchmark reads as a district admin, to whom the project masks them,
while the peer has no masking. Labels (`kindLabel`, `statusLabel`) are the project's own
derivations of codes and have no counterpart in the peer.

The overviews of the mix are not compared: they count over a subtree of any depth, which the
peer's generated schema cannot express without a hand-written `@cypher` field (our Cypher again).
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bench.workload import Ids, Operation, build_mix

# The same selections as bench/workload.py's documents, in the peer's schema. A grid's serving
# organisation (its grid branch, else its community branch) has no single field there: the peer
# reads both and the shape takes the branch when there is one.
PEER_ORG_TREE = """
query OrgTree {
  organizationsConnection(first: 20, where: {level: {eq: 1}}, sort: [{id: ASC}]) {
    totalCount
    edges { node { id name
      childrenConnection(first: 20, sort: [{node: {id: ASC}}]) {
        totalCount edges { node { name } } } } }
  }
}"""

PEER_GRID_DETAIL = """
query GridDetail($id: ID!) {
  grids(where: {id: {eq: $id}}) {
    name
    youthCount
    branch(limit: 1) { name cadres(limit: 10, sort: [{id: ASC}]) { name source phone } }
    community(limit: 1) { name cadres(limit: 10, sort: [{id: ASC}]) { name source phone } }
    youthConnection { totalCount }
  }
}"""

PEER_APPEALS = """
query Appeals {
  appealsConnection(first: 50, where: {status: {in: ["OPEN", "MATCHED"]}}, sort: [{id: ASC}]) {
    totalCount
    edges { node { title status raisedBy(limit: 1) { name grid(limit: 1) { name } } } }
  }
}"""

Data = dict[str, Any]


@dataclass(frozen=True)
class PeerRead:
    """One read of the mix on both servers (and its raw-Cypher floor, in `project.floor`)."""

    project: Operation
    peer: Operation
    project_shape: Callable[[Data], Any]
    peer_shape: Callable[[Data], Any]
    variants: int  # calls with different variables: each is checked before measuring
    statements: int = 1  # the peer's Cypher statements per request: one per root field

    @property
    def name(self) -> str:
        return self.project.name


def _key(global_id: str) -> str:
    """The node's own id from the project's Relay id (base64 of `Type:id`)."""
    return base64.urlsafe_b64decode(global_id.encode()).decode().partition(":")[2]


def _first(items: list[Data]) -> Data | None:
    return items[0] if items else None


def _org_tree_project(data: Data) -> Any:
    page = data["organizations"]
    return {
        "total": page["totalCount"],
        "towns": [
            {
                "id": _key(edge["node"]["id"]),
                "name": edge["node"]["name"],
                "children": edge["node"]["children"]["totalCount"],
                "names": [child["name"] for child in edge["node"]["children"]["nodes"]],
            }
            for edge in page["edges"]
        ],
    }


def _org_tree_peer(data: Data) -> Any:
    page = data["organizationsConnection"]
    return {
        "total": page["totalCount"],
        "towns": [
            {
                "id": edge["node"]["id"],
                "name": edge["node"]["name"],
                "children": edge["node"]["childrenConnection"]["totalCount"],
                "names": [e["node"]["name"] for e in edge["node"]["childrenConnection"]["edges"]],
            }
            for edge in page["edges"]
        ],
    }


def _served(org: Data | None, cadres: Callable[[Data], list[Data]]) -> Any:
    if org is None:
        return None
    return {"name": org["name"], "cadres": [cadre["name"] for cadre in cadres(org)]}


def _grid_detail_project(data: Data) -> Any:
    grid = data["node"]
    return {
        "name": grid["name"],
        "youthCount": grid["youthCount"],
        "servedBy": _served(grid["servedBy"], lambda org: org["cadres"]["nodes"]),
        "youth": grid["youth"]["totalCount"],
    }


def _grid_detail_peer(data: Data) -> Any:
    grid = _first(data["grids"])
    if grid is None:
        return None
    served = _first(grid["branch"]) or _first(grid["community"])
    return {
        "name": grid["name"],
        "youthCount": grid["youthCount"],
        "servedBy": _served(served, lambda org: org["cadres"]),
        "youth": grid["youthConnection"]["totalCount"],
    }


def _appeals_project(data: Data) -> Any:
    page = data["appeals"]
    return {
        "total": page["totalCount"],
        "appeals": [
            {
                "title": node["title"],
                "grid": (node["raisedBy"] or {}).get("grid", {}).get("name"),
            }
            for node in page["nodes"]
        ],
    }


def _appeals_peer(data: Data) -> Any:
    page = data["appealsConnection"]
    appeals = []
    for edge in page["edges"]:
        youth = _first(edge["node"]["raisedBy"])
        grid = _first(youth["grid"]) if youth else None
        appeals.append({"title": edge["node"]["title"], "grid": grid["name"] if grid else None})
    return {"total": page["totalCount"], "appeals": appeals}


def build_peer_reads(ids: Ids) -> list[PeerRead]:
    """The nested reads of the mix (bench/workload.py), in mix order."""
    mix = {op.name: op for op in build_mix(ids)}

    def grid(i: int) -> dict[str, Any]:
        return {"id": ids.grids[i % len(ids.grids)]}  # the same grid as the mix's i-th call

    return [
        PeerRead(
            mix["org_tree"],
            Operation("org_tree", PEER_ORG_TREE, lambda i: {}),
            _org_tree_project,
            _org_tree_peer,
            variants=1,
        ),
        PeerRead(
            mix["grid_detail"],
            Operation("grid_detail", PEER_GRID_DETAIL, grid),
            _grid_detail_project,
            _grid_detail_peer,
            variants=len(ids.grids),
        ),
        PeerRead(
            mix["appeals"],
            Operation("appeals", PEER_APPEALS, lambda i: {}),
            _appeals_project,
            _appeals_peer,
            variants=1,
        ),
    ]
