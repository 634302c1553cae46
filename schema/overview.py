"""The figures of a subtree (DOMAIN.md's table and more), counted from the graph: the type
Overview and the root field `overview`, which schema/entities.py places among the core lists
(where the schema has always had it)."""

from __future__ import annotations

import strawberry

from resolvers import overview as figures
from schema.fields import Info
from schema.mapping import build


@strawberry.type(description="Figures of an organisation's subtree, counted from the graph.")
class Overview:
    centers: int = strawberry.field(description="青春格格 service management centres")
    town_committees: int = strawberry.field(description="镇街网格团委")
    community_branches: int = strawberry.field(description="村社区网格团总支")
    grid_branches: int = strawberry.field(description="网格团支部")
    industry_committees: int = strawberry.field(description="行业/两新团工委")
    cadres: int = strawberry.field(description="网格团干部 serving in the subtree")
    chat_groups: int = strawberry.field(description="微信塔群")
    organizations_without_chat_group: int = strawberry.field(
        description="Organisations of the tower with no group of their own"
    )
    grid_branches_co_building: int = strawberry.field(
        description="Grid branches with at least one co-building partner"
    )
    social_organizations: int = strawberry.field(description="社会组织 linked with the subtree")
    social_workers: int = strawberry.field(description="社会化工作者 of those organisations")
    positions: int
    activities: int
    talent_festival_events: int = strawberry.field(description="青年人才节 events")
    talent_festival_applicants: int = strawberry.field(description="applicants they drew")
    youth_credit_activities: int = strawberry.field(description="青少年信用+ activities")
    summer_care_child_visits: int = strawberry.field(description="七彩暑托班 child-visits")
    youth_served: int
    funding: int = strawberry.field(description="Yuan allocated to the subtree (in the year)")
    grids: int
    grids_without_branch: int = strawberry.field(description="Grids served by their community")
    youth_census: int = strawberry.field(description="Youth living in the grids (census)")
    youth_on_file: int
    youth_in_difficulty: int
    appeals: int
    appeals_open: int
    appeals_in_progress: int
    appeals_resolved: int
    enterprises: int
    general_reach_minutes: int = strawberry.field(description="Promise: general work, minutes")
    urgent_reach_minutes: int = strawberry.field(description="Promise: urgent work, minutes")


async def overview(info: Info, org_id: strawberry.ID | None, year: int | None) -> Overview:
    """What the root field `overview` (schema/entities.py) returns."""
    return build(Overview, await figures.overview(info.context, org_id, year))
