"""The exports of the lists without a database: the compiled read a list's columns ask for, and
the rows folded from its records (a row per allocation of a fund, a visited youth's name masked
as GraphQL masks it, an assessment's total and grade, a notice's time)."""

from __future__ import annotations

from typing import Any, cast

from core.imports import LISTS
from core.principal import Principal, Role
from core.settings import get_settings
from graph.driver import Database
from graph.scope import Scope
from resolvers.context import Context
from resolvers.imports import EXPORT_REACHED, list_rows, list_shape


def _ctx(role: Role, org: str, unmask: bool) -> Context:
    scope = Scope(root=org, orgs=(org,), unmask=unmask)
    principal = Principal("test", role, org)
    return Context.create(cast(Database, None), get_settings(), principal, scope, "test")


TOWN = _ctx(Role.TOWN_ADMIN, "RC-T01", unmask=False)


def _node(label: str, props: dict[str, Any], **rels: Any) -> dict[str, Any]:
    return {"props": props, "labels": [label], "rels": rels}


def test_a_list_reads_each_relation_once_as_its_columns_need_it() -> None:
    shape, params = list_shape(LISTS["visits"], ("kind",))
    assert (shape.label, shape.filters, shape.total, shape.shape.props) == (
        "Visit", ("kind",), True, None,
    )  # fmt: skip
    reads = {r.relation: (r.param, r.one, r.total, r.items) for r in shape.shape.relations}
    assert reads == {  # the target once, for its key and its name
        "Visit.cadre": ("x0", True, False, True),
        "Visit.target": ("x1", True, False, True),
        "Visit.appeals": ("x2", False, False, True),
    }
    assert params["x2_limit"] == EXPORT_REACHED and params["x0_limit"] == 1
    target = next(r for r in shape.shape.relations if r.relation == "Visit.target")
    assert [label for label, _ in target.shapes] == ["Youth", "Enterprise", "SocialOrganization"]
    notices, _ = list_shape(LISTS["notices"], ())
    acknowledged = notices.shape.relations[1]
    assert (acknowledged.one, acknowledged.total, acknowledged.items) == (False, True, False)
    funds, _ = list_shape(LISTS["funds"], ())
    assert [(r.relation, r.one) for r in funds.shape.relations] == [("Fund.allocations", False)]


def test_a_fund_gives_a_row_per_allocation_and_one_without() -> None:
    kind = LISTS["funds"]
    shape, _ = list_shape(kind, ())
    project = _node("ServiceProject", {"id": "SP-002", "name": "七彩暑托班", "title": None})
    branch = _node("Organization", {"id": "RC-T01-C01", "name": "西苑东社区", "title": None})
    page = {
        "total": None,
        "offset": 0,
        "items": [{"node": project, "edge": {"amount": 5000}}, {"node": branch, "edge": {}}],
    }
    props = {"id": "FU-002", "name": "经费", "source": "TOWN_FINANCE", "year": 2021, "amount": 8000}
    rows = list_rows(TOWN, kind, shape, _node("Fund", props, x0=page))
    assert [(r["id"], r["allocation"], r["allocationAmount"]) for r in rows] == [
        ("FU-002", "SP-002", 5000),
        ("FU-002", "RC-T01-C01", None),
    ]
    empty: dict[str, Any] = {"total": None, "offset": 0, "items": []}
    (alone,) = list_rows(TOWN, kind, shape, _node("Fund", props, x0=empty))
    assert (alone["amount"], alone.get("allocation")) == (8000, None)


def test_a_visited_youth_is_named_as_graphql_names_it() -> None:
    kind = LISTS["visits"]
    shape, _ = list_shape(kind, ())
    youth = {"props": {"id": "Y-000003", "name": "杨博", "title": None, "caseOpen": False},
             "labels": ["Youth"], "rels": {}}  # fmt: skip
    cadre = _node("Cadre", {"id": "CD-00008", "name": "王芳", "title": None})
    appeals = {"total": None, "offset": 0, "items": [{"node": _node("Appeal", {"id": "AP-2"})}]}
    node = _node("Visit", {"id": "VI-1", "kind": "NINTH_DAY"}, x0=cadre, x1=youth, x2=appeals)
    (masked,) = list_rows(TOWN, kind, shape, node)
    assert (masked["cadre"], masked["target"], masked["targetName"], masked["appeals"]) == (
        "CD-00008", "Y-000003", "杨*", ["AP-2"],
    )  # fmt: skip
    assert TOWN.personal_reads == set()
    cadre_ctx = _ctx(Role.COMMUNITY_CADRE, "RC-T01-C01", unmask=True)
    (shown,) = list_rows(cadre_ctx, kind, shape, node)
    assert shown["targetName"] == "杨博"
    assert cadre_ctx.personal_reads == {("Youth", "Y-000003", "name")}  # logged as GraphQL does
    firm = _node("Enterprise", {"id": "EN-1", "name": "某物流公司", "title": None})
    (visit,) = list_rows(TOWN, kind, shape, {**node, "rels": {**node["rels"], "x1": firm}})
    assert visit["targetName"] == "某物流公司"  # not personal: never masked


def test_an_assessment_has_its_total_and_grade_and_a_notice_its_time() -> None:
    kind = LISTS["assessments"]
    shape, _ = list_shape(kind, ())
    scores = {"id": "AS-1", "dailyWork": 77, "keyWork": 60, "problemSolving": 74}
    (row,) = list_rows(TOWN, kind, shape, _node("Assessment", scores, x0=None))
    assert (row["total"], row["grade"], row["target"], row["targetName"]) == (
        69.3, "PASS", None, None,
    )  # fmt: skip
    kind = LISTS["notices"]
    shape, _ = list_shape(kind, ())
    props = {"id": "NO-1", "issuedAt": "2021-01-08T09:30:00+08:00[Asia/Shanghai]"}
    count = {"total": 8, "offset": 0, "items": []}
    (row,) = list_rows(TOWN, kind, shape, _node("Notice", props, x0=None, x1=count))
    assert (row["issuedAt"].isoformat(), row["acknowledgements"]) == (
        "2021-01-08T09:30:00+08:00", 8,
    )  # fmt: skip
