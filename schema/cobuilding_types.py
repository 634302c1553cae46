"""Types of co-building (联建共建): pairs with their joint activities, and a subtree's network."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from core.paging import DEFAULT_PAGE, page_window
from schema.graph_view import GraphNode, GraphView
from schema.nodes.activity import Activity
from schema.nodes.organization import Organization
from schema.relay import Connection, paged


@strawberry.type(description="An industry committee and a grid branch that co-build.")
class CoBuilding:
    committee: Organization
    grid_branch: Organization
    since: dt.date | None
    until: dt.date | None = strawberry.field(description="Set when the co-building ended.")
    joint_activity_count: int
    participants: int = strawberry.field(description="Of the joint activities.")
    youth_served: int = strawberry.field(description="Of the joint activities.")
    activities: strawberry.Private[list[Any]]

    @strawberry.field
    def active(self) -> bool:
        return self.until is None

    @strawberry.field(
        description="Activities one organised and the other partnered in, or both partnered "
        "in; oldest first."
    )
    def joint_activities(
        self, first: int | None = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[Activity]:
        offset, limit = page_window(first, after)
        return paged(self.activities[offset : offset + limit], len(self.activities), offset)


@strawberry.type(description="Co-building coverage of one unit (the level below the root).")
class UnitCoverage:
    key: str
    name: str
    grid_branches: int
    co_building: int = strawberry.field(description="Grid branches with a partner now.")
    share: float
    rank: int = strawberry.field(description="1: the best covered.")


@strawberry.type(description="A subtree's co-building graph and coverage.")
class CoBuildingNetwork:
    graph: GraphView = strawberry.field(
        description="Its grid branches and the committees co-building with them (CO_BUILDS)."
    )
    grid_branches: int
    co_building: int = strawberry.field(description="Grid branches with at least one partner.")
    share: float = strawberry.field(description="co_building / grid_branches")
    by_unit: list[UnitCoverage] = strawberry.field(description="Ranked, best covered first.")
    uncovered_nodes: strawberry.Private[list[GraphNode]]

    @strawberry.field(description="Grid branches with no partner.")
    def uncovered(
        self, first: int | None = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[GraphNode]:
        offset, limit = page_window(first, after)
        rows = self.uncovered_nodes
        return paged(rows[offset : offset + limit], len(rows), offset)
