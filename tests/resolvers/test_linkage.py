"""Resource linkage without a database: what fits a category, the score and its ranking, the
path that explains a match, and the money's flow folded into funds and totals."""

from __future__ import annotations

from typing import Any

import pytest

from core.ids import to_global_id
from resolvers.linkage import Fit, flow, path_view, rank, score


def test_the_score_adds_its_weighted_parts() -> None:
    total, parts, over = score(0.8, 2, False, 3, 12, urgent=False)
    assert (parts.nearness, parts.linkage, parts.capacity, over) == (0.75, 0.0, 0.75, False)
    assert total == pytest.approx(0.35 * 0.8 + 0.25 * 0.75 + 0.25 * 0.75)
    assert score(1.0, 3, True, 5, 5, urgent=True)[2] is True


def test_an_urgent_appeal_favours_a_near_resource_only() -> None:
    """The bonus goes to a resource met at the branch or the community, not at the town."""
    near, parts, _ = score(1.0, 3, True, 0, 5, urgent=True)
    assert (parts.fit, parts.nearness, parts.linkage, parts.capacity, parts.urgency) == (
        1.0,
        1.0,
        1.0,
        1.0,
        0.1,
    )
    assert near == pytest.approx(1.1)
    assert score(1.0, 2, True, 0, 5, urgent=True)[1].urgency == 0.1
    town, parts, _ = score(1.0, 1, True, 0, 5, urgent=True)
    assert (parts.nearness, parts.urgency) == (0.5, 0.0)
    assert town == pytest.approx(0.875)
    assert score(1.0, 3, True, 0, 5, urgent=False)[1].urgency == 0.0


def test_a_full_resource_has_no_room_and_half_the_score() -> None:
    total, parts, over = score(1.0, 3, True, 1, 1, urgent=True)
    assert (over, parts.capacity) == (True, 0.0)
    assert total == pytest.approx((0.35 + 0.25 + 0.15 + 0.1) / 2) == pytest.approx(0.425)
    assert score(1.0, 3, True, 7, 5, urgent=False)[2] is True  # over, not only at


def test_unknown_load_or_capacity_leaves_room_and_no_meeting_is_not_near() -> None:
    assert score(1.0, 3, True, None, None, urgent=False)[1].capacity == 1.0
    assert score(1.0, 3, True, 3, None, urgent=False)[2] is False
    total, parts, over = score(0.8, None, False, None, None, urgent=True)
    assert (parts.nearness, parts.urgency, over) == (0.0, 0.0, False)
    assert total == pytest.approx(0.35 * 0.8 + 0.25)
    assert score(1.0, 3, True, 2, 0, urgent=False)[2] is True  # no capacity at all: full


def test_what_fits_a_category_and_which_fits_best() -> None:
    legal = Fit.of("LEGAL")
    assert (legal.services, legal.skills, legal.positions, legal.brands) == (
        ("LEGAL_AID",),
        ("LAW", "MEDIATION"),
        ("RECEPTION_ROOM",),
        ("RIGHTS_PROTECTION",),
    )
    family = Fit.of("FAMILY")
    assert family.skills == ("COUNSELING", "LAW", "MEDIATION")  # each once, in order
    assert family.primary_skills == ("COUNSELING",)
    assert family.fit("SOCIAL_ORGANIZATION", {"services": ["PSYCHOLOGICAL_COUNSELING"]}) == 1.0
    assert family.fit("SOCIAL_ORGANIZATION", {"services": ["LEGAL_AID"]}) == 0.8
    assert family.fit("SOCIAL_ORGANIZATION", {"services": None}) == 0.8
    assert family.fit("SOCIAL_WORKER", {"skills": ["MEDIATION", "COUNSELING"]}) == 1.0
    assert family.fit("SOCIAL_WORKER", {"skills": ["LAW"]}) == 0.8
    assert family.fit("POSITION", {"type": "YOUTH_HOME"}) == 1.0
    assert family.fit("POSITION", {"type": "RECEPTION_ROOM"}) == 0.8
    assert legal.fit("SERVICE_PROJECT", {"brand": "RIGHTS_PROTECTION"}) == 1.0
    assert Fit.of("HEALTH").fit("SERVICE_PROJECT", {"brand": "TUTORING"}) == 0.8
    unknown = Fit.of("NO_SUCH_CATEGORY")
    assert (unknown.services, unknown.skills, unknown.positions, unknown.brands) == ((),) * 4
    assert unknown.fit("SOCIAL_ORGANIZATION", {"services": ["LEGAL_AID"]}) == 0.8


def _candidate(kind: str, key: str, **given: Any) -> dict[str, Any]:
    row = {
        "kind": kind,
        "key": key,
        "c": f"eid-{key}",
        "meetLevel": 3,
        "linked": True,
        "load": None,
        "capacity": None,
        "urgency": "GENERAL",
        "services": ["LEGAL_AID"],
        "skills": None,
        "type": None,
        "brand": None,
    }
    return {**row, **given}


def test_candidates_rank_best_first_then_by_kind_and_key() -> None:
    rows = [
        _candidate("SOCIAL_ORGANIZATION", "S-town", meetLevel=1),
        _candidate("SOCIAL_ORGANIZATION", "S-full", load=4, capacity=4),
        _candidate("SOCIAL_ORGANIZATION", "S-b"),
        _candidate("POSITION", "P-1", type="RECEPTION_ROOM"),
        _candidate("SOCIAL_ORGANIZATION", "S-a"),
    ]
    ranked = rank(Fit.of("LEGAL"), rows)
    assert [r[3]["key"] for r in ranked] == ["P-1", "S-a", "S-b", "S-town", "S-full"]
    assert [r[0] for r in ranked] == pytest.approx([1.0, 1.0, 1.0, 0.875, 0.375])
    assert [r[2] for r in ranked] == [False, False, False, False, True]


def test_an_urgent_appeal_ranks_a_near_resource_above_a_better_fitting_far_one() -> None:
    rows = [
        _candidate("SOCIAL_ORGANIZATION", "S-far", meetLevel=0, urgency="URGENT"),
        _candidate(
            "SOCIAL_WORKER",
            "W-near",
            services=None,
            skills=["MEDIATION"],
            meetLevel=2,
            urgency="URGENT",
        ),
    ]
    ranked = rank(Fit.of("LEGAL"), rows)
    assert [r[3]["key"] for r in ranked] == ["W-near", "S-far"]
    assert ranked[0][1].urgency == 0.1 and ranked[1][1].urgency == 0.0


def _ref(key: str, *labels: str, name: str | None = None) -> dict[str, Any]:
    return {"key": key, "labels": list(labels), "name": name or key}


def _draw(node: dict[str, Any], i: int) -> dict[str, Any]:
    return {"key": node["key"], "distance": i}


UP_TO_BRANCH = [
    _ref("AP1", "Appeal"),
    _ref("Y1", "Youth"),
    _ref("G1", "Grid"),
    _ref("RC-T01-C01-B01", "Organization", "GridBranch"),
]


def test_the_path_of_a_resource_linked_with_the_appeals_branch() -> None:
    row = {
        "up": UP_TO_BRANCH,
        "down": [],
        "via": None,
        "candidate": {
            "props": {"id": "S1", "name": "法律援助站"},
            "labels": ["SocialOrganization"],
        },
    }
    view = path_view("SOCIAL_ORGANIZATION", row, _draw)
    assert [n["key"] for n in view["nodes"]] == ["AP1", "Y1", "G1", "RC-T01-C01-B01", "S1"]
    assert [n["distance"] for n in view["nodes"]] == [0, 1, 2, 3, 4]
    assert [e["type"] for e in view["edges"]] == [
        "RAISED_BY",
        "RESIDES_IN",
        "SERVED_BY",
        "LINKED_WITH",
    ]
    branch, social = (
        to_global_id("Organization", "RC-T01-C01-B01"),
        to_global_id("SocialOrganization", "S1"),
    )
    assert view["edges"][-1] == {
        "id": f"{social}-LINKED_WITH->{branch}",
        "type": "LINKED_WITH",
        "source": social,
        "target": branch,
    }
    assert (view["paths"], view["truncated"]) == ([], False)


def test_the_path_of_a_worker_goes_up_to_the_meeting_and_down_to_its_organisation() -> None:
    """A grid with no branch: the chain starts at its community; the worker's organisation is
    linked with another community of the same town."""
    up = [
        _ref("AP1", "Appeal"),
        _ref("Y1", "Youth"),
        _ref("G9", "Grid"),
        _ref("RC-T01-C01", "Organization", "CommunityBranch"),
        _ref("RC-T01", "Organization", "TownCommittee"),
    ]
    row = {
        "up": up,
        "down": [_ref("RC-T01-C02", "Organization", "CommunityBranch")],
        "via": _ref("S2", "SocialOrganization"),
        "candidate": {"props": {"id": "W1", "name": "李**"}, "labels": ["SocialWorker"]},
    }
    view = path_view("SOCIAL_WORKER", row, _draw)
    assert [n["key"] for n in view["nodes"]] == [
        "AP1",
        "Y1",
        "G9",
        "RC-T01-C01",
        "RC-T01",
        "RC-T01-C02",
        "S2",
        "W1",
    ]
    ends = [(e["source"], e["type"], e["target"]) for e in view["edges"]]
    org = lambda key: to_global_id("Organization", key)  # noqa: E731
    assert ends == [
        (to_global_id("Appeal", "AP1"), "RAISED_BY", to_global_id("Youth", "Y1")),
        (to_global_id("Youth", "Y1"), "RESIDES_IN", to_global_id("Grid", "G9")),
        (to_global_id("Grid", "G9"), "WITHIN", org("RC-T01-C01")),
        (org("RC-T01-C01"), "UNDER", org("RC-T01")),
        (org("RC-T01-C02"), "UNDER", org("RC-T01")),
        (to_global_id("SocialOrganization", "S2"), "LINKED_WITH", org("RC-T01-C02")),
        (to_global_id("SocialWorker", "W1"), "MEMBER_OF", to_global_id("SocialOrganization", "S2")),
    ]


def test_the_path_of_a_position_and_of_a_project_ends_with_their_own_relationship() -> None:
    for kind, label, last in (
        ("POSITION", "Position", "HOSTED_BY"),
        ("SERVICE_PROJECT", "ServiceProject", "RUN_BY"),
    ):
        row = {
            "up": UP_TO_BRANCH,
            "down": [],
            "via": None,
            "candidate": {"props": {"id": "X1", "title": "青年之家"}, "labels": [label]},
        }
        view = path_view(kind, row, _draw)
        assert view["edges"][-1]["type"] == last
        assert view["nodes"][-1]["key"] == "X1"


def _allocation(
    fund: str, target: str, amount: int | None, activities: int, people: int, **given: Any
) -> dict[str, Any]:
    row = {
        "fund": fund,
        "fundName": f"{fund} 经费",
        "source": "DISTRICT_LEAGUE",
        "year": 2021,
        "fundAmount": 100_000,
        "amount": amount,
        "target": {"props": {"id": target}, "labels": ["ServiceProject"]},
        "activities": activities,
        "participants": people,
        "served": people // 2,
    }
    return {**row, **given}


def test_the_money_flow_folds_allocations_into_their_funds_and_totals() -> None:
    rows = [
        _allocation("F1", "P1", 60_000, 3, 90),
        _allocation("F1", "P2", 40_000, 1, 10),
        _allocation("F2", "P1", None, 0, 0, fundName=None, fundAmount=None, source=None),
    ]
    result = flow(rows, 2021)
    assert result["year"] == 2021
    assert [f["key"] for f in result["funds"]] == ["F1", "F2"]
    first, second = result["funds"]
    assert (first["name"], first["amount"], first["allocated"]) == ("F1 经费", 100_000, 100_000)
    assert [a["target"]["props"]["id"] for a in first["allocations"]] == ["P1", "P2"]
    assert (second["name"], second["amount"], second["allocated"], second["source"]) == (
        "F2",
        0,
        0,
        None,
    )
    assert second["allocations"][0]["amount"] == 0
    assert (
        result["allocated"],
        result["activities"],
        result["participants"],
        result["served"],
    ) == (100_000, 4, 100, 50)


def test_no_allocation_is_an_empty_flow() -> None:
    assert flow([], None) == {
        "year": None,
        "funds": [],
        "allocated": 0,
        "activities": 0,
        "participants": 0,
        "served": 0,
    }
