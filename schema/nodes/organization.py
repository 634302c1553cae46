"""Organisations: the district centre, town committees, community branches, grid branches, and
the industry committees that co-build with grid branches."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.enums import OrgKind, Sector
from schema.fields import connection, label, one
from schema.filters import (
    ActivityFilter,
    CadreFilter,
    GridFilter,
    OrganizationFilter,
    PositionFilter,
    ServiceProjectFilter,
    SocialOrganizationFilter,
)
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


@node_type("Organization")
@strawberry.type(description="A league organisation (团组织) of the grid matrix.")
class Organization(Node):
    name: str
    level: int | None = strawberry.field(
        description="0 centre, 1 town, 2 community, 3 grid branch; none for industry committees"
    )
    sector: Sector | None
    established_at: dt.date | None
    archived_at: dt.datetime | None
    labels: strawberry.Private[list[str]]

    # from its labels: graph/compiler.py reads them where `kind` is asked for
    @strawberry.field(metadata={"uses": ("kind",)})
    def kind(self) -> OrgKind:
        return next(k for k in OrgKind if k.value in self.labels)

    kind_label = label("kind")
    sector_label = label("sector")

    parent = one("Organization.parent", refs.Organization, "The organisation it hangs under.")
    children = connection(
        "Organization.children", refs.Organization, OrganizationFilter, "Direct children."
    )
    descendants = connection(
        "Organization.descendants",
        refs.Organization,
        OrganizationFilter,
        "Everything below it (filter by kind or level), by level.",
    )
    ancestors = connection(
        "Organization.ancestors", refs.Organization, None, "Up to the district, top first."
    )
    grids = connection(
        "Organization.grids",
        refs.Grid,
        GridFilter,
        "The grids it serves directly: a grid branch its grid, a community branch its grids "
        "that have no branch of their own.",
    )
    cadres = connection(
        "Organization.cadres", refs.Cadre, CadreFilter, "Cadres serving in it (edge: post, since)."
    )
    chat_group = one("Organization.chatGroup", refs.ChatGroup, "Its WeChat tower group, if any.")
    positions = connection(
        "Organization.positions", refs.Position, PositionFilter, "Positions it hosts."
    )
    partners = connection(
        "Organization.partners",
        refs.Organization,
        OrganizationFilter,
        "Co-building partners (edge: since, until): committees of a grid branch, branches of a "
        "committee.",
    )
    social_organizations = connection(
        "Organization.socialOrganizations",
        refs.SocialOrganization,
        SocialOrganizationFilter,
        "Social organisations linked with it (edge: since).",
    )
    projects = connection(
        "Organization.projects", refs.ServiceProject, ServiceProjectFilter, "Projects it runs."
    )
    activities = connection(
        "Organization.activities", refs.Activity, ActivityFilter, "Activities it organised."
    )
    assessments = connection("Organization.assessments", refs.Assessment)
    awards = connection("Organization.awards", refs.Award)
