"""Co-building in the API."""

from __future__ import annotations

import strawberry

from resolvers import cobuilding
from schema.cobuilding_types import CoBuilding, CoBuildingNetwork
from schema.fields import Info
from schema.relay import Connection


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
        return await cobuilding.co_building(info, org_id, include_ended, first, after)

    @strawberry.field(
        description="The co-building graph of a subtree with its coverage: the share of grid "
        "branches with a partner, per unit one level down (ranked), and the branches with none."
    )
    async def co_building_network(self, info: Info, org_id: strawberry.ID) -> CoBuildingNetwork:
        return await cobuilding.co_building_network(info, org_id)
