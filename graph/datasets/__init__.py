"""Datasets: deterministic generators of the whole graph model, loaded with UNWIND batches.

`rencheng` reproduces the figures of the source report (DOMAIN.md); `mini` is a small district of
the same shape for tests that build their own graph.
"""

from __future__ import annotations

from graph.datasets.loader import Progress, write_dataset
from graph.datasets.rencheng import generate
from graph.driver import Database, Query

__all__ = [
    "Progress", "clear_database", "dataset_counts", "generate", "load_dataset", "loaded_dataset",
]  # fmt: skip

# Nodes that are not data of the model: the migrations applied, the dataset's completion marker,
# the audit trail (which a reload must not erase).
BOOKKEEPING = ("Migration", "Dataset", "AuditEvent")
DATA = "NOT (n:Migration OR n:Dataset OR n:AuditEvent)"  # a predicate over `n`

CLEAR = Query(
    "clear_database",
    "MATCH (n) WHERE NOT (n:Migration OR n:AuditEvent) "
    "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS",
)


REPLAN = Query("prepare_for_replanning", "CALL db.prepareForReplanning($seconds)")


IS_EMPTY = Query("is_empty", "MATCH (o:Organization) RETURN count(o) = 0 AS empty")

# A dataset's completion marker: set as started before the first batch and as complete after the
# last, so a load cut off half-way is told from a whole one (and resumed: loads MERGE by id).
MARK = Query(
    "dataset_mark",
    "MERGE (d:Dataset {id: 'dataset'}) SET d.name = $name, d.scale = $scale, "
    "d.complete = $complete, d.markedAt = datetime()",
)
LOADED = Query(
    "dataset_loaded",
    "MATCH (d:Dataset {id: 'dataset'}) RETURN d.name AS name, d.scale AS scale, "
    "d.complete AS complete",
)


async def is_empty(db: Database) -> bool:
    """No organisation yet: `youth-matrix serve` then loads the demo district."""
    return bool((await db.read(IS_EMPTY))[0]["empty"])


async def clear_database(db: Database) -> None:
    """Deletes every node but the migration records (tests and `load --fresh`)."""
    await db.run_autocommit(CLEAR)


async def load_dataset(
    db: Database, name: str, scale: int = 1, progress: Progress | None = None
) -> dict[str, int]:
    """Writes the named dataset (idempotent: MERGE by id); returns what it wrote per label/type.

    Run the migrations first: MERGE relies on the unique-id constraints for its speed."""
    dataset = generate(name, scale)
    await db.write(MARK, name=name, scale=scale, complete=False)
    counts = await write_dataset(db, dataset, progress)
    # A bulk load changes the statistics the planner chose its cached plans by (a plan made for
    # the small district can exhaust memory on the large one): resample and replan.
    await db.run_autocommit(REPLAN, seconds=120)
    await db.write(MARK, name=name, scale=scale, complete=True)
    return counts


COUNTS = Query(
    "dataset_counts",
    f"MATCH (n) WHERE {DATA} WITH count(n) AS nodes "
    "MATCH ()-[r]->() RETURN nodes, count(r) AS relationships",
)


async def dataset_counts(db: Database) -> dict[str, int]:
    """The nodes and relationships of the data (the bookkeeping left out)."""
    return dict((await db.read(COUNTS))[0])


async def loaded_dataset(db: Database) -> tuple[str, int, bool] | None:
    """(name, scale, complete) of the dataset the database holds, if one was loaded."""
    rows = await db.read(LOADED)
    return (rows[0]["name"], rows[0]["scale"], rows[0]["complete"]) if rows else None
