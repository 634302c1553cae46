"""Co-building without a database: a pair's figures from its joint activities, and the rows of a
subtree folded into its network, coverage per unit (ranked) and the branches with no partner."""

from __future__ import annotations

from typing import Any

from core.ids import to_global_id
from resolvers.cobuilding import network, pair


def _activity(key: str, participants: int | None, served: int | None) -> dict[str, Any]:
    props = {"id": key, "participants": participants, "served": served}
    return {"props": props, "labels": ["Activity"]}


def test_a_pair_adds_up_its_joint_activities() -> None:
    activities = [_activity("A1", 30, 12), _activity("A2", None, 5), _activity("A3", 8, None)]
    row = {
        "committee": {"props": {"id": "IC"}},
        "branch": {"props": {"id": "B"}},
        "since": "2021-04-01",
        "until": None,
        "activities": activities,
        "total": 1,
    }
    result = pair(row)
    assert (result["joint_activity_count"], result["participants"], result["youth_served"]) == (
        3,
        38,
        17,
    )
    assert result["committee"] is row["committee"] and result["grid_branch"] is row["branch"]
    assert (result["since"], result["until"], result["activities"]) == (
        "2021-04-01",
        None,
        activities,
    )
    none = pair({**row, "activities": []})
    assert (none["joint_activity_count"], none["participants"], none["youth_served"]) == (0, 0, 0)


def _org(key: str, level: str) -> dict[str, Any]:
    return {"key": key, "name": f"{key} 名称", "labels": ["Organization", level]}


def _branch(key: str, unit: str | None, *partners: str) -> dict[str, Any]:
    return {
        "branch": _org(key, "GridBranch"),
        "unit": {"key": unit, "name": f"{unit} 名称"} if unit else None,
        "partners": [_org(p, "IndustryCommittee") for p in partners],
    }


def _draw(node: dict[str, Any], distance: int) -> dict[str, Any]:
    label = node["labels"][-1]
    return {"key": node["key"], "label": label, "distance": distance}


def test_the_network_ranks_units_by_coverage_and_lists_the_uncovered() -> None:
    rows = [
        _branch("T1-C1-B1", "T1-C1", "IC-1"),
        _branch("T1-C1-B2", "T1-C1"),
        _branch("T1-C2-B1", "T1-C2", "IC-1", "IC-2"),
        _branch("T1-C3-B1", "T1-C3"),
    ]
    net = network(rows, _draw)
    assert (net["grid_branches"], net["co_building"], net["share"]) == (4, 2, 0.5)
    assert [
        (u["key"], u["grid_branches"], u["co_building"], u["share"], u["rank"])
        for u in net["by_unit"]
    ] == [
        ("T1-C2", 1, 1, 1.0, 1),
        ("T1-C1", 2, 1, 0.5, 2),
        ("T1-C3", 1, 0, 0.0, 3),
    ]
    assert net["by_unit"][0]["name"] == "T1-C2 名称"
    assert [n["key"] for n in net["uncovered_nodes"]] == ["T1-C1-B2", "T1-C3-B1"]
    # branches first, then the committees (each once), by label and key
    assert [(n["distance"], n["key"]) for n in net["graph"]["nodes"]] == [
        (0, "T1-C1-B1"),
        (0, "T1-C1-B2"),
        (0, "T1-C2-B1"),
        (0, "T1-C3-B1"),
        (1, "IC-1"),
        (1, "IC-2"),
    ]
    org = lambda key: to_global_id("Organization", key)  # noqa: E731
    assert [e["id"] for e in net["graph"]["edges"]] == [
        f"{org('IC-1')}-CO_BUILDS->{org('T1-C1-B1')}",
        f"{org('IC-1')}-CO_BUILDS->{org('T1-C2-B1')}",
        f"{org('IC-2')}-CO_BUILDS->{org('T1-C2-B1')}",
    ]
    assert {e["type"] for e in net["graph"]["edges"]} == {"CO_BUILDS"}
    assert (net["graph"]["paths"], net["graph"]["truncated"]) == ([], False)


def test_equal_shares_rank_by_key_and_a_branch_root_is_its_own_unit() -> None:
    tied = network([_branch("B2", "U2", "IC"), _branch("B1", "U1", "IC")], _draw)
    assert [(u["key"], u["rank"]) for u in tied["by_unit"]] == [("U1", 1), ("U2", 2)]
    alone = network([_branch("B1", None)], _draw)
    assert [(u["key"], u["name"], u["share"]) for u in alone["by_unit"]] == [("B1", "B1 名称", 0.0)]
    assert alone["uncovered_nodes"] == [{"key": "B1", "label": "GridBranch", "distance": 0}]


def test_an_empty_subtree_has_an_empty_network() -> None:
    empty = network([], _draw)
    assert (empty["grid_branches"], empty["co_building"], empty["share"]) == (0, 0, 0.0)
    assert (empty["by_unit"], empty["uncovered_nodes"], empty["graph"]["nodes"]) == ([], [], [])
