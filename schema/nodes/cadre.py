"""Grid league cadres (网格团干部)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import strawberry

from resolvers.personal import reveal
from schema.enums import CadreSource, Gender
from schema.fields import Info, connection, label
from schema.filters import AppealFilter, OrganizationFilter, TrainingFilter, VisitFilter
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


@node_type("Cadre")
@strawberry.type(description="A grid league cadre.")
class Cadre(Node):
    PERSONAL: ClassVar[tuple[str, ...]] = ("phone",)

    name: str
    source: CadreSource | None
    gender: Gender | None
    birth_date: dt.date | None
    archived_at: dt.datetime | None
    personal: strawberry.Private[dict]

    source_label = label("source")

    @strawberry.field(
        description="Mobile number; masked (138****5678) unless your work needs it.",
        metadata={"uses": ("phone",)},
    )
    def phone(self, info: Info) -> str | None:
        return reveal(info, self.key, self.personal, "phone")

    posts = connection(
        "Cadre.posts", refs.Organization, OrganizationFilter, "Where it serves (edge: post)."
    )
    trainings = connection("Cadre.trainings", refs.Training, TrainingFilter)
    visits = connection("Cadre.visits", refs.Visit, VisitFilter)
    appeals = connection("Cadre.appeals", refs.Appeal, AppealFilter, "Appeals it collected.")
    chat_groups = connection(
        "Cadre.chatGroups", refs.ChatGroup, None, "Groups it administers or instructs."
    )
    assessments = connection("Cadre.assessments", refs.Assessment)
    awards = connection("Cadre.awards", refs.Award)
