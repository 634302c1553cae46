"""Set-up that cannot half-succeed: an interrupted load is finished before the app serves, and
the plans of the named statements are warmed."""

from __future__ import annotations

from app.asgi import prepare_database
from core.settings import get_settings
from graph.datasets import DATA, MARK, generate, loaded_dataset
from graph.datasets.loader import write_dataset
from graph.datasets.model import Dataset
from graph.driver import Database, Query
from graph.warmup import named_queries, warm_plans

# the dataset's nodes: not the bookkeeping (an audit event another test's request left behind
# may land in this database after it was cleared)
COUNT = Query("test_count", f"MATCH (n) WHERE {DATA} "
              "RETURN count(n) AS nodes, COUNT { ()-->() } AS rels")  # fmt: skip


async def _counts(db: Database) -> tuple[int, int]:
    row = (await db.read(COUNT))[0]
    return row["nodes"], row["rels"]


async def test_a_load_cut_off_half_way_is_finished_before_serving(empty: Database) -> None:
    """The marker says started, the graph holds part of `mini`: prepare_database (what
    `youth-matrix serve` runs) finishes the load instead of serving the part as whole."""
    whole = generate("mini")
    setup = empty.for_setup(get_settings())
    await setup.write(MARK, name="mini", scale=1, complete=False)
    first_label = next(iter(whole.nodes))
    part = Dataset("mini", 1, nodes={first_label: whole.nodes[first_label]}, rels={})
    await write_dataset(setup, part)
    assert await loaded_dataset(empty) == ("mini", 1, False)
    assert await _counts(empty) == (len(whole.nodes[first_label]), 0)

    await prepare_database(empty)
    assert await loaded_dataset(empty) == ("mini", 1, True)
    assert await _counts(empty) == (whole.total_nodes(), whole.total_rels())


async def test_the_named_statements_plans_are_warmed(rencheng: Database) -> None:
    """EXPLAIN plans each named statement without running it: none fails."""
    queries = named_queries()
    names = {query.name for query in queries}
    assert len(queries) > 30 and "ping" not in names
    planned, failed = await warm_plans(rencheng, queries)
    assert (planned, failed) == (len(queries), 0)
