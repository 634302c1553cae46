"""Migrations: a unique id for every label, the indexes, recorded and idempotent."""

from __future__ import annotations

from graph.driver import Database, Query
from graph.migrations import MIGRATIONS, MODEL_LABELS, migrate

CONSTRAINTS = Query(
    "test_constraints",
    "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type "
    "WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties AS props",
)
INDEXES = Query("test_indexes", "SHOW INDEXES YIELD name, type RETURN name, type")
RECORDED = Query("test_recorded", "MATCH (m:Migration) RETURN m.version AS v ORDER BY v")


async def test_migrating_twice_applies_nothing_the_second_time(db: Database) -> None:
    await migrate(db)
    assert await migrate(db) == []
    recorded = [row["v"] for row in await db.read(RECORDED)]
    assert recorded == [m.version for m in MIGRATIONS]


async def test_every_label_of_the_model_has_a_unique_id(db: Database) -> None:
    unique = {row["label"] for row in await db.read(CONSTRAINTS) if row["props"] == ["id"]}
    assert set(MODEL_LABELS) <= unique


async def test_the_full_text_name_index_exists(db: Database) -> None:
    indexes = {row["name"]: row["type"] for row in await db.read(INDEXES)}
    assert indexes["names"] == "FULLTEXT"
    assert indexes["appeal_status"] == "RANGE"
