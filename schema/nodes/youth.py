"""Youth on file (专项档案): personal data, masked unless the caller's work needs it."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import strawberry

from resolvers.personal import reveal
from schema.enums import Difficulty, Gender
from schema.fields import Info, connection, label, one
from schema.filters import AppealFilter, VisitFilter
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


@node_type("Youth")
@strawberry.type(description="A youth on file; many are minors.")
class Youth(Node):
    PERSONAL: ClassVar[tuple[str, ...]] = ("name", "idNumber", "phone", "address", "difficulties")

    gender: Gender | None
    birth_date: dt.date | None
    in_difficulty: bool | None
    archived_at: dt.datetime | None
    personal: strawberry.Private[dict]

    gender_label = label("gender")

    @strawberry.field(
        description="Name; masked (张**) unless your work needs it.", metadata={"uses": ("name",)}
    )
    def name(self, info: Info) -> str | None:
        return reveal(info, self.key, self.personal, "name")

    @strawberry.field(
        description="居民身份证号; masked (370811********1234) unless needed.",
        metadata={"uses": ("idNumber",)},
    )
    def id_number(self, info: Info) -> str | None:
        return reveal(info, self.key, self.personal, "idNumber")

    @strawberry.field(
        description="Mobile number; masked unless needed.", metadata={"uses": ("phone",)}
    )
    def phone(self, info: Info) -> str | None:
        return reveal(info, self.key, self.personal, "phone")

    @strawberry.field(description="Address; masked unless needed.", metadata={"uses": ("address",)})
    def address(self, info: Info) -> str | None:
        return reveal(info, self.key, self.personal, "address")

    @strawberry.field(
        description="Difficulties; hidden unless needed.", metadata={"uses": ("difficulties",)}
    )
    def difficulties(self, info: Info) -> list[Difficulty] | None:
        codes = reveal(info, self.key, self.personal, "difficulties")
        return None if codes is None else [Difficulty(c) for c in codes]

    @strawberry.field(
        description="The Chinese labels of the difficulties; hidden unless needed.",
        metadata={"uses": ("difficulties",)},
    )
    def difficulties_labels(self, info: Info) -> list[str] | None:
        codes = reveal(info, self.key, self.personal, "difficulties")
        return None if codes is None else [Difficulty(c).label for c in codes]

    grid = one("Youth.grid", refs.Grid)
    appeals = connection("Youth.appeals", refs.Appeal, AppealFilter)
    visits = connection("Youth.visits", refs.Visit, VisitFilter)
