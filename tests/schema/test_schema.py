"""The committed schema.graphql is the schema the code builds."""

from __future__ import annotations

from pathlib import Path

from schema.build import schema_sdl

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_schema_graphql_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_sdl(), (
        "schema.graphql differs from the code: run `youth-matrix export-schema`"
    )


def test_enums_carry_their_chinese_labels() -> None:
    sdl = schema_sdl()
    assert "GRID_WORKER 网格员" in sdl
    assert "sourceLabel: String" in sdl
