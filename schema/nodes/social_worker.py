"""Social workers (社会化工作者)."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.enums import Skill
from schema.fields import label, one
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


@node_type("SocialWorker")
@strawberry.type(description="A social worker (社会化工作者).")
class SocialWorker(Node):
    name: str
    skills: list[Skill]
    archived_at: dt.datetime | None

    skills_labels = label("skills", many=True)
    social_organization = one("SocialWorker.socialOrganization", refs.SocialOrganization)
