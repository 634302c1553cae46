"""Grid league cadres (网格团干部)."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.enums import CadreSource, Gender
from schema.fields import connection, label, personal_field
from schema.filters import AppealFilter, OrganizationFilter, TrainingFilter, VisitFilter
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


@node_type("Cadre")
@strawberry.type(description="A grid league cadre.")
class Cadre(Node):
    name: str
    source: CadreSource | None
    gender: Gender | None
    birth_date: dt.date | None
    archived_at: dt.datetime | None
    personal: strawberry.Private[dict]

    source_label = label("source")

    phone = personal_field(
        "phone", str | None, "Mobile number; masked (138****5678) unless your work needs it."
    )

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
