"""Writes a `Dataset` to Neo4j in UNWIND batches.

Nodes: MERGE on the constrained `id`, then SET the properties, so loading twice gives the same
graph. Relationships: MATCH both ends by labelled id (the uniqueness constraint's index), MERGE
the relationship, SET its properties. Every statement is a named `Query` built once, at import,
from the fixed label and type constants of `model.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from neo4j import AsyncManagedTransaction

from graph.datasets.model import NODE_KEYS, REL_KEYS, Dataset, NodeKey, RelKey, Row
from graph.driver import Database, Query, run
from graph.migrations import MODEL_LABELS

Progress = Callable[[str, int, int], None]  # (step, rows of the step done, rows of the step)

BATCH_SIZE = 5000

# The relationship types of the model (DOMAIN.md): nothing else reaches Cypher text.
REL_TYPES = (
    "UNDER", "WITHIN", "SERVED_BY", "CO_BUILDS", "SERVES_IN", "ATTENDED", "OF", "RELAYS_TO",
    "ADMINISTERS", "INSTRUCTS", "HOSTED_BY", "LOCATED_IN", "LINKED_WITH", "MEMBER_OF",
    "RESIDES_IN", "RAISED_BY", "COLLECTED_BY", "REFERRED_TO", "RUN_BY", "PART_OF",
    "ORGANIZED_BY", "HELD_AT", "PARTNERED_WITH", "BY", "TO", "PRODUCED", "ALLOCATED_TO",
    "JOINED", "GRANTED_TO", "ISSUED_BY", "ACKNOWLEDGED_BY",
)  # fmt: skip


def _label(name: str) -> str:
    if name not in MODEL_LABELS:
        raise ValueError(f"{name} is no label of the model")
    return name


def _node_query(key: NodeKey) -> Query:
    merge_label, *more = (_label(label) for label in key)
    extra = "".join(f" SET n:{label}" for label in more)
    return Query(
        f"load_nodes_{'_'.join(key)}",
        f"UNWIND $rows AS row MERGE (n:{merge_label} {{id: row.id}}){extra} "
        "SET n += row.props RETURN count(n) AS written",
    )


def _rel_query(key: RelKey) -> Query:
    rel_type, start, end = key
    if rel_type not in REL_TYPES:
        raise ValueError(f"{rel_type} is no relationship type of the model")
    return Query(
        f"load_rels_{rel_type}_{start}_{end}",
        f"UNWIND $rows AS row "
        f"MATCH (a:{_label(start)} {{id: row.from}}) MATCH (b:{_label(end)} {{id: row.to}}) "
        f"MERGE (a)-[r:{rel_type}]->(b) SET r += row.props RETURN count(r) AS written",
    )


NODE_QUERIES: dict[NodeKey, Query] = {key: _node_query(key) for key in NODE_KEYS}
REL_QUERIES: dict[RelKey, Query] = {key: _rel_query(key) for key in REL_KEYS}


def _step(key: tuple[str, ...], kind: str) -> str:
    if kind == "nodes":
        return f":{key[-1]}"
    rel_type, start, end = key
    return f"{start}-{rel_type}->{end}"


@dataclass(frozen=True)
class _Chunk:
    query: Query
    rows: list[Row]
    step: str
    done: int  # rows of the step written once this chunk is
    total: int  # rows of the step


def _chunks(dataset: Dataset) -> list[_Chunk]:
    """Every node group, then every relationship group, cut into slices of BATCH_SIZE rows."""
    groups: list[tuple[Query, list[Row], str]] = [
        (NODE_QUERIES[key], rows, _step(key, "nodes")) for key, rows in dataset.nodes.items()
    ]
    groups += [(REL_QUERIES[key], rows, _step(key, "rels")) for key, rows in dataset.rels.items()]
    chunks = []
    for query, rows, step in groups:
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            chunks.append(_Chunk(query, batch, step, start + len(batch), len(rows)))
    return chunks


def _transactions(chunks: list[_Chunk]) -> list[list[_Chunk]]:
    """Consecutive chunks packed into transactions of at most BATCH_SIZE rows: a small dataset
    commits once instead of once per group (each commit costs a log flush)."""
    packed: list[list[_Chunk]] = []
    size = BATCH_SIZE
    for chunk in chunks:
        if size + len(chunk.rows) > BATCH_SIZE:
            packed.append([])
            size = 0
        packed[-1].append(chunk)
        size += len(chunk.rows)
    return packed


async def write_dataset(
    db: Database, dataset: Dataset, progress: Progress | None = None
) -> dict[str, int]:
    """Writes every node, then every relationship; returns the counts written (nodes,
    relationships, then per label and per relationship type)."""
    for transaction in _transactions(_chunks(dataset)):

        async def work(
            tx: AsyncManagedTransaction, chunks: list[_Chunk] = transaction
        ) -> list[int]:
            written = []
            for chunk in chunks:
                result = await run(tx, chunk.query, {"rows": chunk.rows})
                written.append(result[0]["written"] if result else 0)
            return written

        for chunk, count in zip(transaction, await db.write_tx(work), strict=True):
            if count != len(chunk.rows):
                # A relationship whose end is missing would be dropped silently by MATCH.
                raise RuntimeError(f"{chunk.step}: wrote {count} of {len(chunk.rows)} rows")
            if progress is not None:
                progress(chunk.step, chunk.done, chunk.total)
    return {
        "nodes": dataset.total_nodes(),
        "relationships": dataset.total_rels(),
        **dataset.node_counts(),
        **dataset.rel_counts(),
    }
