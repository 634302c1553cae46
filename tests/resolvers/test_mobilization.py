"""The mobilization resolvers' logic without a database: a reach report and a notice's status
folded from their rows, acknowledgements, and the subscription's scope and fresh loaders."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any, cast

from core.ids import to_global_id
from core.paging import Page
from core.principal import Principal, Role
from core.settings import get_settings
from core.vocabulary import PROMISE_MINUTES, ReachStatus, Urgency
from graph.driver import Query
from graph.entities import BY_IDS
from graph.scope import Scope, ScopedGraph
from resolvers.context import Context
from resolvers.loaders import Loaders
from resolvers.mobilization import (
    PROMISE_BY_CODE,
    acknowledgement,
    acknowledgements,
    notice_acknowledged,
    notice_status_of,
    reach_report,
    reach_units,
)

RELAY = {"TOWN": 0.5, "COMMUNITY": 1.0, "GRID": 1.0, "FALLBACK": 8.5}


def _record(label: str, key: str, **props: Any) -> dict[str, Any]:
    return {"props": {"id": key, **props}, "labels": [label]}


def test_the_promise_is_3_minutes_urgent_and_10_general() -> None:
    assert PROMISE_MINUTES == {Urgency.URGENT: 3, Urgency.GENERAL: 10}
    assert PROMISE_BY_CODE == {"URGENT": 3, "GENERAL": 10}


# -- reach ---------------------------------------------------------------------------------------

GROUPS = {key: _record("ChatGroup", key) for key in ("CG-T", "CG-C", "CG-B")}
CARRIERS = {key: _record("Cadre", key) for key in ("CD-1", "CD-2")}
SERVERS = {key: _record("GridBranch", key) for key in ("B1", "B2")}
NODES = {
    "groups": list(GROUPS.values()),
    "servers": list(SERVERS.values()),
    "carriers": list(CARRIERS.values()),
}


def _hop(upper: str, lower: str, level: int, carriers: list[str]) -> dict[str, Any]:
    minutes = {1: 0.5, 2: 1.0, 3: 1.0}[level]
    return {"from": upper, "to": lower, "level": level, "minutes": minutes, "carriers": carriers}


DIRECT = {
    "unit": _record("GridBranch", "B1"),
    "kind": "GRID_BRANCH",
    "servedBy": "B1",
    "status": "DIRECT",
    "minutes": 2.5000000001,
    "withinPromise": True,
    "group": "CG-B",
    "hops": [_hop("CG-T", "CG-C", 2, ["CD-1"]), _hop("CG-C", "CG-B", 3, ["CD-1", "CD-2"])],
}
UNREACHABLE = {
    "unit": _record("Grid", "G9"),
    "kind": "GRID",
    "servedBy": "B2",
    "status": "UNREACHABLE",
    "minutes": 0.0,
    "withinPromise": False,
    "group": None,
    "hops": [],
}


def test_a_unit_gets_its_groups_server_and_carriers_from_the_rows_nodes() -> None:
    direct, unreachable = reach_units([DIRECT, UNREACHABLE], NODES)
    assert direct["unit"] is DIRECT["unit"]
    assert (direct["kind"], direct["status"]) == ("GRID_BRANCH", "DIRECT")
    assert direct["served_by"] is SERVERS["B1"]
    assert direct["group"] is GROUPS["CG-B"]
    assert [(h["from_group"], h["to_group"], h["level"]) for h in direct["path"]] == [
        (GROUPS["CG-T"], GROUPS["CG-C"], 2),
        (GROUPS["CG-C"], GROUPS["CG-B"], 3),
    ]
    assert [h["carriers"] for h in direct["path"]] == [
        [CARRIERS["CD-1"]],
        [CARRIERS["CD-1"], CARRIERS["CD-2"]],
    ]
    assert (direct["minutes"], direct["within_promise"]) == (2.5, True)  # rounded to 2 places
    # an unreachable unit has no group, no path and no minutes
    assert unreachable["status"] == ReachStatus.UNREACHABLE.value
    assert (unreachable["group"], unreachable["path"], unreachable["minutes"]) == (None, [], None)
    assert unreachable["served_by"] is SERVERS["B2"]


def test_the_reach_report_of_a_page() -> None:
    row = {
        "organization": _record("TownCommittee", "T"),
        "origin": GROUPS["CG-T"],
        "units": 40,
        "gridBranches": 15,
        "total": 2,
        "page": [DIRECT, UNREACHABLE],
        "nodes": NODES,
    }
    report = reach_report(row, Urgency.URGENT, RELAY, offset=20)
    assert (report["organization"], report["origin"]) == (row["organization"], GROUPS["CG-T"])
    assert (report["urgency"], report["promise_minutes"]) == (Urgency.URGENT, 3)
    assert report["relay_minutes"] == {"town": 0.5, "community": 1.0, "grid": 1.0, "fallback": 8.5}
    assert report["summary"]["units"] == 40  # the counts come from the row
    units = report["units"]
    assert isinstance(units, Page)
    assert (units.total, units.offset, len(units.items)) == (2, 20, 2)
    assert reach_report(row, Urgency.GENERAL, RELAY, 0)["promise_minutes"] == 10


# -- notices -------------------------------------------------------------------------------------

AT = dt.datetime(2021, 3, 9, 9, 2, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def _acknowledged(org: str, created: bool = True) -> dict[str, Any]:
    """A row of ACKNOWLEDGE."""
    return {
        "notice": _record("Notice", "NO-1", urgency="URGENT"),
        "organization": _record("GridBranch", org),
        "created": created,
        "at": AT,
        "by": "cadre-1",
        "late": False,
        "minutes": 2.499999,
    }


def test_an_acknowledgement_from_its_row() -> None:
    row = _acknowledged("B1", created=False)
    assert acknowledgement(row) == {
        "notice": row["notice"],
        "organization": row["organization"],
        "at": AT,
        "minutes": 2.5,
        "late": False,
        "by": "cadre-1",
        "recorded": False,  # acknowledged before: the first one stands
    }


def _status_row(urgency: str | None, addressees: int, on_time: int) -> dict[str, Any]:
    return {
        "notice": _record("Notice", "NO-1", **({"urgency": urgency} if urgency else {})),
        "deadline": AT,
        "addressees": addressees,
        "acknowledged": on_time + 1,
        "onTime": on_time,
        "late": 1,
        "pending": addressees - on_time - 1,
        "overdue": 0,
        "averageMinutes": 4.33333,
        "medianMinutes": 2.0,
        "maxMinutes": 11.016666,
        "total": 1,
        "page": [
            {
                "organization": _record("GridBranch", "B1"),
                "state": "LATE",
                "at": AT,
                "by": "x",
                "minutes": 11.016666,
            }
        ],
    }


def test_a_notices_status_rounds_and_shares() -> None:
    status = notice_status_of(_status_row("URGENT", addressees=3, on_time=1), offset=5)
    assert status["promise_minutes"] == 3
    assert status["deadline"] == AT
    assert status["summary"] == {
        "addressees": 3,
        "acknowledged": 2,
        "on_time": 1,
        "late": 1,
        "pending": 1,
        "overdue": 0,
        "share_on_time": 0.3333,
        "average_minutes": 4.33,
        "median_minutes": 2.0,
        "max_minutes": 11.02,
    }
    organizations = status["organizations"]
    assert (organizations.total, organizations.offset) == (1, 5)
    assert organizations.items[0]["minutes"] == 11.02
    assert organizations.items[0]["state"] == "LATE"


def test_a_notice_without_addressees_or_urgency() -> None:
    status = notice_status_of(_status_row(None, addressees=0, on_time=0), offset=0)
    assert status["summary"]["share_on_time"] == 0.0
    assert status["promise_minutes"] == 10  # general, unless urgent


# -- the subscription ----------------------------------------------------------------------------


class _Graph:
    """Stands for the caller's graph: the notice exists, and nothing else is read."""

    scope = Scope(root="T1", orgs=("T1", "B1"), account="town")

    async def read(self, query: Query, **params: Any) -> list[dict[str, Any]]:
        assert query is BY_IDS["Notice"] and params == {"ids": ["NO-1"]}
        return [{"node": _record("Notice", "NO-1")}]


async def test_the_subscription_pushes_what_the_caller_sees_with_fresh_loaders() -> None:
    graph = cast(ScopedGraph, _Graph())
    principal = Principal("town", Role.TOWN_ADMIN, "T1")
    ctx = Context(graph, get_settings(), principal, "test", Loaders(graph))
    stream = notice_acknowledged(ctx, to_global_id("Notice", "NO-1"))
    listening = asyncio.ensure_future(anext(stream))
    while not acknowledgements.subscribers.get("NO-1"):
        await asyncio.sleep(0.01)
    before = ctx.loaders
    await acknowledgements.publish("NO-1", _acknowledged("B-ELSEWHERE"))  # outside: skipped
    await acknowledgements.publish("NO-1", _acknowledged("B1"))
    pushed = await asyncio.wait_for(listening, 5)
    assert pushed["organization"]["props"]["id"] == "B1"
    assert pushed["recorded"] is True
    assert ctx.loaders is not before  # nested fields read the graph as it is now
    await stream.aclose()
    assert "NO-1" not in acknowledgements.subscribers  # closing unsubscribes
