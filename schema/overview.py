"""The figures of a subtree (DOMAIN.md's table and more), counted from the graph: the type
Overview and the root field `overview`, which schema/entities.py places among the core lists
(where the schema has always had it)."""

from __future__ import annotations

import strawberry

from resolvers import overview as figures
from schema.fields import Info
from schema.mapping import build


@strawberry.type(
    description="Figures of an organisation's subtree, counted from the graph. Without a token, "
    "the figures of a unit smaller than a town are null where they are below 5 (k-anonymity)."
)
class Overview:
    centers: int | None = strawberry.field(description="青春格格 service management centres")
    town_committees: int | None = strawberry.field(description="镇街网格团委")
    community_branches: int | None = strawberry.field(description="村社区网格团总支")
    grid_branches: int | None = strawberry.field(description="网格团支部")
    industry_committees: int | None = strawberry.field(description="行业/两新团工委")
    cadres: int | None = strawberry.field(description="网格团干部 serving in the subtree")
    chat_groups: int | None = strawberry.field(description="微信塔群")
    organizations_without_chat_group: int | None = strawberry.field(
        description="Organisations of the tower with no group of their own"
    )
    grid_branches_co_building: int | None = strawberry.field(
        description="Grid branches with at least one co-building partner"
    )
    social_organizations: int | None = strawberry.field(
        description="社会组织 linked with the subtree"
    )
    social_workers: int | None = strawberry.field(description="社会化工作者 of those organisations")
    positions: int | None
    activities: int | None
    talent_festival_events: int | None = strawberry.field(description="青年人才节 events")
    talent_festival_applicants: int | None = strawberry.field(description="applicants they drew")
    youth_credit_activities: int | None = strawberry.field(description="青少年信用+ activities")
    summer_care_child_visits: int | None = strawberry.field(description="七彩暑托班 child-visits")
    youth_served: int | None
    funding: int | None = strawberry.field(
        description="Yuan allocated to the subtree (in the year)"
    )
    grids: int | None
    grids_without_branch: int | None = strawberry.field(
        description="Grids served by their community"
    )
    youth_census: int | None = strawberry.field(description="Youth living in the grids (census)")
    youth_on_file: int | None
    youth_in_difficulty: int | None
    appeals: int | None
    appeals_open: int | None
    appeals_in_progress: int | None
    appeals_resolved: int | None
    enterprises: int | None
    general_reach_minutes: int = strawberry.field(description="Promise: general work, minutes")
    urgent_reach_minutes: int = strawberry.field(description="Promise: urgent work, minutes")


async def overview(info: Info, org_id: strawberry.ID | None, year: int | None) -> Overview:
    """What the root field `overview` (schema/entities.py) returns."""
    return build(Overview, await figures.overview(info.context, org_id, year))
