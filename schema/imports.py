"""Imports in the API: a small file sent inline (base64) to `importFile`, checked row by row and,
unless it is a dry run, written all together or not at all (resolvers/imports.py, as the CLI and
`POST /imports` do), answered with the row-level report."""

from __future__ import annotations

from enum import Enum

import strawberry

from resolvers import imports
from schema.fields import Info
from schema.mapping import build


@strawberry.enum(
    description="What a file brings in, one kind per file, as the templates name it "
    "(GET /imports/templates/{kind}.xlsx): ORGANIZATIONS is `organizations`, CHAT_GROUPS "
    "`chat-groups`, and so on."
)
class ImportKind(Enum):
    ORGANIZATIONS = "organizations"
    GRIDS = "grids"
    CADRES = "cadres"
    CHAT_GROUPS = "chat-groups"
    SOCIAL_ORGANIZATIONS = "social-organizations"
    SOCIAL_WORKERS = "social-workers"
    POSITIONS = "positions"
    ENTERPRISES = "enterprises"
    YOUTH = "youth"
    APPEALS = "appeals"


@strawberry.type(
    description="What is wrong with one cell, one row (no column) or the file (row 0)."
)
class ImportProblem:
    row: int = strawberry.field(description="The spreadsheet's row number; the header is row 1.")
    column: str | None = strawberry.field(description="The column's Chinese header.")
    value: str = strawberry.field(description="The cell as given.")
    message: str = strawberry.field(description="What is wrong, in Chinese.")
    message_en: str = strawberry.field(description="What is wrong, in English.")


@strawberry.type(description="The report of an import: counts and every problem of the file.")
class ImportReport:
    kind: ImportKind
    dry_run: bool
    ok: bool = strawberry.field(description="No problem: the file can be (or was) imported.")
    rows: int = strawberry.field(description="Rows read (the template's example row left out).")
    created: int = strawberry.field(description="Rows with a new key (编号).")
    updated: int = strawberry.field(description="Rows that change what the graph holds.")
    unchanged: int = strawberry.field(description="Rows the graph holds already as they are.")
    written: bool = strawberry.field(
        description="Whether anything was written: never on a dry run or with a problem."
    )
    import_id: str
    problems: list[ImportProblem] = strawberry.field(
        description="By row, then column; empty when ok."
    )


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Imports a small XLSX or CSV file (UTF-8 or GB18030) sent inline as base64, "
        "one kind per file with the template's Chinese headers, into the caller's subtree. "
        "A dry run (the default) only checks it; otherwise every row is written in one "
        "transaction, or none when a row has a problem. Files above the server's "
        "import_inline_max_bytes are BAD_USER_INPUT: send them with POST /imports."
    )
    async def import_file(
        self,
        info: Info,
        kind: ImportKind,
        file_name: str,
        content_base64: str,
        dry_run: bool = True,
    ) -> ImportReport:
        result = await imports.import_file(
            info.context, kind.value, file_name, content_base64, dry_run
        )
        return build(ImportReport, result)
