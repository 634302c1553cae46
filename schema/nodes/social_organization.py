"""Social organisations (社会组织)."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.enums import ServiceType
from schema.fields import connection, label
from schema.filters import AppealFilter, OrganizationFilter, SocialWorkerFilter
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


@node_type("SocialOrganization")
@strawberry.type(description="A social organisation (社会组织) linked with the grids.")
class SocialOrganization(Node):
    name: str
    services: list[ServiceType]
    capacity: int | None = strawberry.field(description="Appeals it can handle at once.")
    registered_at: dt.date | None
    archived_at: dt.datetime | None

    services_labels = label("services", many=True)
    workers = connection("SocialOrganization.workers", refs.SocialWorker, SocialWorkerFilter)
    organizations = connection(
        "SocialOrganization.organizations",
        refs.Organization,
        OrganizationFilter,
        "Organisations it is linked with (edge: since).",
    )
    appeals = connection(
        "SocialOrganization.appeals", refs.Appeal, AppealFilter, "Appeals referred to it."
    )
