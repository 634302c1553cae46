"""WeChat tower groups (微信塔群)."""

from __future__ import annotations

import strawberry

from schema.fields import connection, one
from schema.filters import CadreFilter, ChatGroupFilter
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


@node_type("ChatGroup")
@strawberry.type(description="A WeChat group of the district→town→community→grid tower.")
class ChatGroup(Node):
    name: str
    level: int | None
    member_count: int | None

    organization = one("ChatGroup.organization", refs.Organization)
    relays_to = connection("ChatGroup.relaysTo", refs.ChatGroup, ChatGroupFilter)
    relayed_from = one("ChatGroup.relayedFrom", refs.ChatGroup, "The group one level up.")
    administrators = connection("ChatGroup.administrators", refs.Cadre, CadreFilter)
    instructors = connection("ChatGroup.instructors", refs.Cadre, CadreFilter)
