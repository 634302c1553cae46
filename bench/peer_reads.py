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

from bench.workload import Ids, Operation, build_mix, compiled_floor
from core.ids import to_global_id

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

# A youth's page, a town's tree and a town's youth. The project reads the town's as the town's
# admin (its scope is the subtree); the peer has no scope, and reads the same nodes by a filter.
YOUTH_PAGE = """
query YouthPage($id: ID!) {
  node(id: $id) {
    ... on Youth {
      name gender inDifficulty
      grid { name }
      appeals(first: 10) { totalCount nodes { id title status } }
      visits(first: 10) { totalCount nodes { id date } }
    }
  }
}"""

PEER_YOUTH_PAGE = """
query YouthPage($id: ID!) {
  youths(where: {id: {eq: $id}}) {
    name gender inDifficulty
    grid(limit: 1) { name }
    appealsConnection(first: 10, sort: [{node: {id: ASC}}]) {
      totalCount edges { node { id title status } } }
    visitsConnection(first: 10, sort: [{node: {id: ASC}}]) {
      totalCount edges { node { id date } } }
  }
}"""

TOWN_TREE = """
query TownTree($id: ID!) {
  node(id: $id) {
    ... on Organization {
      name
      children(first: 20) { totalCount nodes { id name children(first: 20) {
        totalCount nodes { id name } } } }
    }
  }
}"""

PEER_TOWN_TREE = """
query TownTree($id: ID!) {
  organizations(where: {id: {eq: $id}}) {
    name
    childrenConnection(first: 20, sort: [{node: {id: ASC}}]) { totalCount edges { node {
      id name childrenConnection(first: 20, sort: [{node: {id: ASC}}]) {
        totalCount edges { node { id name } } } } } }
  }
}"""

TOWN_YOUTH = """
query TownYouth {
  youth(first: 50) { totalCount nodes { id name gender grid { name } } }
}"""

# The town's youth: those of the grids within its community branches (every grid lies within
# one, and every community branch hangs under its town).
PEER_TOWN_YOUTH = """
query TownYouth($town: ID!) {
  youthsConnection(
    first: 50
    where: {grid: {some: {community: {some: {parent: {some: {id: {eq: $town}}}}}}}}
    sort: [{id: ASC}]
  ) { totalCount edges { node { id name gender grid(limit: 1) { name } } } }
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


def _ids(nodes: list[Data], key: Callable[[str], str] = lambda i: i) -> list[str]:
    return [key(node["id"]) for node in nodes]


def _youth_page_project(data: Data) -> Any:
    youth = data["node"]
    return {
        "grid": (youth["grid"] or {}).get("name"),
        "appeals": (youth["appeals"]["totalCount"], _ids(youth["appeals"]["nodes"], _key)),
        "visits": (youth["visits"]["totalCount"], _ids(youth["visits"]["nodes"], _key)),
    }


def _youth_page_peer(data: Data) -> Any:
    youth = _first(data["youths"]) or {}
    appeals, visits = youth["appealsConnection"], youth["visitsConnection"]
    return {
        "grid": (_first(youth["grid"]) or {}).get("name"),
        "appeals": (appeals["totalCount"], [e["node"]["id"] for e in appeals["edges"]]),
        "visits": (visits["totalCount"], [e["node"]["id"] for e in visits["edges"]]),
    }


def _town_tree_project(data: Data) -> Any:
    town = data["node"]
    return {
        "name": town["name"],
        "children": town["children"]["totalCount"],
        "tree": [
            (_key(c["id"]), c["children"]["totalCount"], _ids(c["children"]["nodes"], _key))
            for c in town["children"]["nodes"]
        ],
    }


def _town_tree_peer(data: Data) -> Any:
    town = _first(data["organizations"]) or {}
    children = town["childrenConnection"]
    return {
        "name": town["name"],
        "children": children["totalCount"],
        "tree": [
            (
                e["node"]["id"],
                e["node"]["childrenConnection"]["totalCount"],
                [g["node"]["id"] for g in e["node"]["childrenConnection"]["edges"]],
            )
            for e in children["edges"]
        ],
    }


def _town_youth_project(data: Data) -> Any:
    page = data["youth"]
    grids = [(n["grid"] or {}).get("name") for n in page["nodes"]]
    return {"total": page["totalCount"], "ids": _ids(page["nodes"], _key), "grids": grids}


def _town_youth_peer(data: Data) -> Any:
    page = data["youthsConnection"]
    nodes = [e["node"] for e in page["edges"]]
    grids = [(_first(n["grid"]) or {}).get("name") for n in nodes]
    return {"total": page["totalCount"], "ids": _ids(nodes), "grids": grids}


def build_peer_reads(ids: Ids) -> list[PeerRead]:
    """The nested reads of the mix (bench/workload.py), in mix order, then a youth's page, a
    town's tree and a town's youth (the town with the most youth, read as its admin)."""
    mix = {op.name: op for op in build_mix(ids)}
    town = ids.towns[-1]

    def grid(i: int) -> dict[str, Any]:
        return {"id": ids.grids[i % len(ids.grids)]}  # the same grid as the mix's i-th call

    def youth(i: int) -> dict[str, Any]:
        return {"id": to_global_id("Youth", ids.youth[i % len(ids.youth)])}

    def peer_youth(i: int) -> dict[str, Any]:
        return {"id": ids.youth[i % len(ids.youth)]}

    def town_id(i: int) -> dict[str, Any]:
        return {"id": to_global_id("Organization", town)}

    def none(i: int) -> dict[str, Any]:
        return {}

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
        PeerRead(
            Operation("youth_page", YOUTH_PAGE, youth, compiled_floor(YOUTH_PAGE, youth)),
            Operation("youth_page", PEER_YOUTH_PAGE, peer_youth),
            _youth_page_project,
            _youth_page_peer,
            variants=len(ids.youth),
        ),
        PeerRead(
            Operation(
                "town_tree", TOWN_TREE, town_id, compiled_floor(TOWN_TREE, town_id, town), town
            ),
            Operation("town_tree", PEER_TOWN_TREE, lambda i: {"id": town}),
            _town_tree_project,
            _town_tree_peer,
            variants=1,
        ),
        PeerRead(
            Operation("town_youth", TOWN_YOUTH, none, compiled_floor(TOWN_YOUTH, none, town), town),
            Operation("town_youth", PEER_TOWN_YOUTH, lambda i: {"town": town}),
            _town_youth_project,
            _town_youth_peer,
            variants=1,
        ),
    ]
