"""Co-building (联建共建) in the API: pairs of industry committee and grid branch with their joint
activities, and a subtree's co-building network and coverage."""

from __future__ import annotations

import datetime as dt

import strawberry

from core.paging import DEFAULT_PAGE, page_of
from resolvers import cobuilding
from schema.fields import Info
from schema.mapping import build, connection_of, to_connection
from schema.nodes.activity import Activity
from schema.nodes.organization import Organization
from schema.relay import Connection
from schema.shared import GraphNode, GraphView


@strawberry.type(description="An industry committee and a grid branch that co-build.")
class CoBuilding:
    committee: Organization
    grid_branch: Organization
    since: dt.date | None
    until: dt.date | None = strawberry.field(description="Set when the co-building ended.")
    joint_activity_count: int
    participants: int = strawberry.field(description="Of the joint activities.")
    youth_served: int = strawberry.field(description="Of the joint activities.")
    activities: strawberry.Private[list[Activity]]

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
        return to_connection(page_of(self.activities, first, after))


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
        return to_connection(page_of(self.uncovered_nodes, first, after))


@strawberry.type
class Query:
    @strawberry.field(
        description="Co-building pairs of an organisation: a grid branch's committees, a "
        "committee's branches, or every pair under a town, community or the district; each with "
        "its dates and joint activities."
    )
    async def co_building(
        self,
        info: Info,
        org_id: strawberry.ID,
        include_ended: bool = True,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[CoBuilding]:
        page = await cobuilding.co_building(info.context, org_id, include_ended, first, after)
        return connection_of(CoBuilding, page)

    @strawberry.field(
        description="The co-building graph of a subtree with its coverage: the share of grid "
        "branches with a partner, per unit one level down (ranked), and the branches with none."
    )
    async def co_building_network(self, info: Info, org_id: strawberry.ID) -> CoBuildingNetwork:
        return build(CoBuildingNetwork, await cobuilding.co_building_network(info.context, org_id))
