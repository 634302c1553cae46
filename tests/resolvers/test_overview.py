"""The overview's resolver without a database: whose subtree is counted, the promise added to
the counts, the memo shared by every caller, and what is not found."""

from __future__ import annotations

from typing import cast

import pytest

from core.errors import BadUserInput
from core.ids import to_global_id
from core.principal import Principal, Role
from core.settings import get_settings
from graph.driver import Database
from graph.scope import PUBLIC, Scope
from resolvers import overview
from resolvers.context import Context

TOWN = Scope(root="RC-T01", orgs=("RC-T01", "RC-T01-C01"))
TOWN_ADMIN = Principal("town", Role.TOWN_ADMIN, "RC-T01")
SOCIAL = Principal("so", Role.SOCIAL_ORG, "SO-001")


def _ctx(db: None, principal: Principal | None, scope: Scope) -> Context:
    return Context.create(cast(Database, db), get_settings(), principal, scope, "test")


ROW = {"org": "RC", "centers": 1, "townCommittees": 15, "gridBranches": 1034}


def test_the_subtree_is_the_one_asked_for_else_the_callers_else_the_districts() -> None:
    db = None
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
    counts = {k: v for k, v in ROW.items() if k != "org"}
    assert overview.figures(ROW) == {**counts, "generalReachMinutes": 10, "urgentReachMinutes": 3}


def test_the_public_sees_no_count_below_5_of_a_unit_below_town_level() -> None:
    """k-anonymity: a community's 3 appeals are hidden from a caller without a token."""
    community = {"org": "RC-T01-C01", "level": 2, "appeals": 3, "youthOnFile": 40, "cadres": 0}
    public = overview.figures(community, public=True)
    assert (public["appeals"], public["youthOnFile"], public["cadres"]) == (None, 40, None)
    assert overview.figures(community)["appeals"] == 3  # a caller with a token sees it
    town = {**community, "level": 1}
    assert overview.figures(town, public=True)["appeals"] == 3  # a town is large enough
