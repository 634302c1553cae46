"""The overview's resolver without a database: whose subtree is counted, the promise added to
the counts, the memo shared by every caller, and what is not found."""

from __future__ import annotations

from typing import Any, cast

import pytest

from core.errors import BadUserInput, NotFound, Unauthenticated
from core.ids import to_global_id
from core.principal import Principal, Role
from core.settings import get_settings
from graph.driver import Database, Query
from graph.overview import OVERVIEW
from graph.scope import PUBLIC, Scope
from resolvers import overview
from resolvers.context import Context

TOWN = Scope(root="RC-T01", orgs=("RC-T01", "RC-T01-C01"))
TOWN_ADMIN = Principal("town", Role.TOWN_ADMIN, "RC-T01")
SOCIAL = Principal("so", Role.SOCIAL_ORG, "SO-001")

# The memo keys its entries by the database's id(): keep every fake alive, so that no later one
# is born at the address of an earlier one and meets its entries.
_databases: list[FakeDatabase] = []


class FakeDatabase:
    """Answers every read with the given rows and remembers what was asked."""

    generation = 0

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.reads: list[tuple[Query, dict[str, Any]]] = []
        _databases.append(self)

    async def read(self, query: Query, **params: Any) -> list[dict[str, Any]]:
        self.reads.append((query, params))
        return self.rows


def _ctx(db: FakeDatabase, principal: Principal | None, scope: Scope) -> Context:
    return Context.create(cast(Database, db), get_settings(), principal, scope, "test")


ROW = {"org": "RC", "centers": 1, "townCommittees": 15, "gridBranches": 1034}


def test_the_subtree_is_the_one_asked_for_else_the_callers_else_the_districts() -> None:
    db = FakeDatabase([])
    asked = to_global_id("Organization", "RC-T02")
    assert overview.root_of(_ctx(db, TOWN_ADMIN, TOWN), asked) == "RC-T02"
    assert overview.root_of(_ctx(db, TOWN_ADMIN, TOWN), None) == "RC-T01"
    assert overview.root_of(_ctx(db, None, PUBLIC), None) is None
    # a social organisation has no subtree of its own: the district's figures
    assert overview.root_of(_ctx(db, SOCIAL, Scope(social_org="SO-001")), None) is None
    with pytest.raises(BadUserInput) as raised:
        overview.root_of(_ctx(db, None, PUBLIC), to_global_id("Grid", "G-1"))
    assert raised.value.field == "orgId"


def test_the_figures_are_the_counts_and_the_reach_promise() -> None:
    assert overview.figures(ROW) == {**ROW, "generalReachMinutes": 10, "urgentReachMinutes": 3}


async def test_the_overview_is_public_and_read_once_per_subtree_and_year() -> None:
    db = FakeDatabase([ROW])
    anonymous = await overview.overview(_ctx(db, None, PUBLIC), None, 2021)
    assert anonymous == overview.figures(ROW)
    [(query, params)] = db.reads
    assert query is OVERVIEW and (params["org"], params["year"]) == (None, 2021)
    # the district admin counts its own organisation: another subtree id, another read
    district = Principal("admin", Role.DISTRICT_ADMIN, "RC")
    await overview.overview(_ctx(db, district, Scope(everything=True)), None, 2021)
    assert db.reads[-1][1]["org"] == "RC" and len(db.reads) == 2
    # the same subtree and year for any other caller: from the memo, whatever its scope
    await overview.overview(_ctx(db, None, PUBLIC), None, 2021)
    await overview.overview(_ctx(db, SOCIAL, Scope(social_org="SO-001")), None, 2021)
    assert len(db.reads) == 2
    # another year: another read
    await overview.overview(_ctx(db, None, PUBLIC), None, 2022)
    assert len(db.reads) == 3


async def test_an_unknown_organisation_is_not_found() -> None:
    db = FakeDatabase([])
    with pytest.raises(NotFound) as raised:
        await overview.overview(_ctx(db, None, PUBLIC), to_global_id("Organization", "X"), None)
    assert raised.value.field == "orgId"


async def test_a_bad_token_fails_even_the_public_overview() -> None:
    db = FakeDatabase([ROW])
    ctx = _ctx(db, None, PUBLIC)
    ctx.auth_error = Unauthenticated("bad token")
    with pytest.raises(Unauthenticated):
        await overview.overview(ctx, None, None)
    assert db.reads == []
