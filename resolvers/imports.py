"""Imports and exports of records: a file's rows checked (core/imports.py), their references
resolved in the caller's scope, compared with what the graph holds, and written all together in
one transaction, or nothing at all; a list read for export, masked as GraphQL masks it."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from neo4j.time import Date, DateTime

from core.errors import BadUserInput, Forbidden
from core.imports import (
    COUNT,
    DATETIME,
    EXPORTS,
    GRID_CADRE_KINDS,
    KINDS,
    LISTS,
    NODES,
    ORG_LEVELS,
    REF_GRID,
    REF_ORG,
    REF_SOCIAL,
    REF_YOUTH,
    REFS,
    Column,
    Kind,
    Problem,
    Row,
    Table,
    UnreadableFile,
    check_headers,
    check_rows,
    read_table,
)
from core.personal import PERSONAL, filter_needs_unmasked
from core.principal import WRITERS, Role
from core.scores import WEIGHTS, grade, weighted_total
from graph.compiler import ListShape, NodeShape, RelationShape, list_statement
from graph.entities import RELATIONS, search_phrase
from graph.imports import (
    BRANCH_COMMUNITY,
    CURRENT,
    LINK,
    LINKS,
    RESOLVE,
    UPSERT,
    export_statement,
)
from graph.scope import ScopedGraph, ScopedTx
from resolvers.context import Context
from resolvers.personal import reveal

BATCH = 1000  # rows per UNWIND statement
REF_LABELS = {
    REF_ORG: "Organization",
    REF_GRID: "Grid",
    REF_SOCIAL: "SocialOrganization",
    REF_YOUTH: "Youth",
}
ORG_LEVEL = {"Center": 0, "TownCommittee": 1, "CommunityBranch": 2, "GridBranch": 3}
ORG_KINDS = ("Center", "TownCommittee", "CommunityBranch", "GridBranch", "IndustryCommittee")

Progress = Callable[[str, int, int], None]  # (step, done, total)


@dataclass
class ImportResult:
    kind: str
    dry_run: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    written: bool = False
    problems: list[Problem] = field(default_factory=list)
    import_id: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "dryRun": self.dry_run,
            "ok": self.ok,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "written": self.written,
            "importId": self.import_id,
            "problems": [
                {
                    "row": p.row,
                    "column": p.column,
                    "value": p.value,
                    "message": p.message,
                    "messageEn": p.message_en,
                }
                for p in self.problems
            ],
        }


def kind_of(name: str, kinds: dict[str, Kind] = KINDS) -> Kind:
    """A kind by name: of imports and templates (KINDS), or of exports (EXPORTS)."""
    if name not in kinds:
        raise BadUserInput(f"unknown kind {name!r}; one of {', '.join(kinds)}", "kind")
    return kinds[name]


def _may_import(ctx: Context, kind: Kind) -> None:
    principal = ctx.caller()
    if principal.role not in WRITERS:
        raise Forbidden(f"the role {principal.role.value} may not import")
    if principal.role is Role.GRID_CADRE and kind.name not in GRID_CADRE_KINDS:
        raise Forbidden(f"a grid cadre imports only {' and '.join(GRID_CADRE_KINDS)}")


async def import_table(
    ctx: Context,
    kind_name: str,
    table: Table,
    dry_run: bool,
    progress: Progress | None = None,
    timeout: float | None = None,
) -> ImportResult:
    """Checks every row; unless it is a dry run and if no row has a problem, writes the changed
    rows in one transaction (a failure writes nothing). Rows outside the caller's scope are
    problems like any other."""
    kind = kind_of(kind_name)
    _may_import(ctx, kind)
    result = ImportResult(kind.name, dry_run, import_id=uuid.uuid4().hex[:12])
    report = progress or (lambda step, done, total: None)
    header_problems = check_headers(kind, table.headers)
    if header_problems:
        result.problems = header_problems
        return result
    rows, problems = check_rows(kind, table)
    result.rows = len(rows)
    report("check", len(rows), len(rows))
    problems += await _resolve(ctx, kind, rows)
    current = await _current(ctx, kind, rows)
    problems += _ownership(ctx, kind, rows, current)
    result.problems = sorted(problems, key=lambda p: (p.row, p.column or ""))
    changed = _diff(kind, rows, current, result)
    report("compare", len(rows), len(rows))
    if result.problems or dry_run or not changed:
        return result
    graph = ctx.graph
    if timeout is not None:
        graph = ScopedGraph(ctx.graph.db.with_timeout(timeout), ctx.scope)
    records = [_record(kind, row) for row in changed]

    async def work(tx: ScopedTx) -> None:
        total = len(records) * (1 + len(LINKS[kind.name]))
        done = 0
        for start in range(0, len(records), BATCH):
            batch = records[start : start + BATCH]
            await tx.run(UPSERT[kind.name], rows=batch, importId=result.import_id)
            done += len(batch)
            report("write", done, total)
        for link in LINKS[kind.name]:
            for start in range(0, len(records), BATCH):
                batch = records[start : start + BATCH]
                await tx.run(LINK[(kind.name, link.field)], rows=batch)
                done += len(batch)
                report("write", done, total)

    await graph.write_tx(work)
    result.written = True
    return result


# -- references --------------------------------------------------------------------------------


def _problem(row: Row, kind: Kind, field_name: str, zh: str, en: str) -> Problem:
    column = kind.column(field_name)
    return Problem(row.number, column.header, row.cells.get(field_name, ""), zh, en)


async def _resolve(ctx: Context, kind: Kind, rows: list[Row]) -> list[Problem]:
    """Replaces each reference's text by the graph id it names (by key or by name, among the
    records the caller sees, or an organisation of the same file); a reference nothing or
    several records answer is a problem."""
    problems: list[Problem] = []
    columns = [c for c in kind.columns if c.type in REFS]
    file_orgs: dict[str, list[Row]] = {}
    if kind.name == "organizations":
        for row in rows:
            for text in (row.key, row.values.get("name")):
                if text:
                    file_orgs.setdefault(str(text), []).append(row)
    for column in columns:
        label = REF_LABELS[column.type]
        texts = sorted({str(r.values[column.field]) for r in rows if column.field in r.values})
        if not texts:
            continue
        found: dict[str, list[tuple[str, list[str]]]] = {}
        for start in range(0, len(texts), BATCH):
            chunk = texts[start : start + BATCH]
            for rec in await ctx.graph.read(RESOLVE[label], refs=chunk):
                found.setdefault(rec["ref"], []).append((rec["id"], rec["labels"]))
        for row in rows:
            if column.field not in row.values:
                continue
            text = str(row.values[column.field])
            hits = {id_: labels for id_, labels in found.get(text, [])}
            in_file = [r for r in file_orgs.get(text, []) if r is not row]
            if len(set(hits) | {r.key for r in in_file}) > 1:
                problems.append(
                    _problem(
                        row,
                        kind,
                        column.field,
                        "名称对应多条记录，请填写编号",
                        "the name matches several records: give the key",
                    )
                )
                continue
            if in_file and not hits:
                parent = in_file[0]
                row.values[column.field] = parent.key
                row.values[f"{column.field}:kind"] = parent.values.get("kind")
                row.values[f"{column.field}:inFile"] = True
                continue
            if not hits:
                what = {
                    "Organization": "团组织",
                    "Grid": "网格",
                    "SocialOrganization": "社会组织",
                    "Youth": "青少年",
                }[label]
                problems.append(
                    _problem(
                        row,
                        kind,
                        column.field,
                        f"找不到该{what}（或不在您的管辖范围内）",
                        f"no such {label} within your scope",
                    )
                )
                continue
            ((id_, labels),) = hits.items()
            owned = label != "Organization" or ctx.scope.owns(id_)
            if not owned:
                problems.append(
                    _problem(
                        row,
                        kind,
                        column.field,
                        "该团组织不在您的管辖范围内",
                        "the organisation is outside your scope",
                    )
                )
                continue
            org_kind = next((k for k in ORG_KINDS if k in labels), None)
            if column.kinds and org_kind not in column.kinds:
                problems.append(
                    _problem(
                        row,
                        kind,
                        column.field,
                        "所填团组织的类型不符",
                        f"the organisation must be a {'/'.join(column.kinds)}",
                    )
                )
                continue
            row.values[column.field] = id_
            row.values[f"{column.field}:kind"] = org_kind
    problems += await _structure(ctx, kind, rows)
    return problems


async def _structure(ctx: Context, kind: Kind, rows: list[Row]) -> list[Problem]:
    """The hierarchy: an organisation one level below its parent; a grid's branch of its
    community."""
    problems: list[Problem] = []
    if kind.name == "organizations":
        for row in rows:
            own, parent = row.values.get("kind"), row.values.get("parent:kind")
            if own in ORG_LEVELS and parent is not None and parent not in ORG_LEVELS[own]:
                problems.append(
                    _problem(
                        row,
                        kind,
                        "parent",
                        "上级组织的层级不符",
                        f"a {own} hangs under a {' or '.join(ORG_LEVELS[own])}",
                    )
                )
            if row.values.get("parent") == row.key:
                problems.append(
                    _problem(
                        row,
                        kind,
                        "parent",
                        "上级组织不能是自身",
                        "an organisation cannot be its own parent",
                    )
                )
    if kind.name == "grids":
        branches = sorted({str(r.values["branch"]) for r in rows if "branch:kind" in r.values})
        of = {
            rec["branch"]: rec["community"]
            for rec in await ctx.graph.read(BRANCH_COMMUNITY, branches=branches)
        }
        for row in rows:
            branch = row.values.get("branch")
            if "branch:kind" in row.values and of.get(str(branch)) != row.values.get("community"):
                problems.append(
                    _problem(
                        row,
                        kind,
                        "branch",
                        "服务团支部不属于所在社区",
                        "the branch belongs to another community",
                    )
                )
    return problems


# -- what the graph holds ----------------------------------------------------------------------


async def _current(ctx: Context, kind: Kind, rows: list[Row]) -> dict[str, dict[str, Any]]:
    keys = sorted({row.key for row in rows if row.key})
    current: dict[str, dict[str, Any]] = {}
    for start in range(0, len(keys), BATCH):
        for rec in await ctx.graph.read(CURRENT[kind.name], ids=keys[start : start + BATCH]):
            current[rec["id"]] = rec
    return current


def _ownership(
    ctx: Context, kind: Kind, rows: list[Row], current: dict[str, dict[str, Any]]
) -> list[Problem]:
    problems = []
    for row in rows:
        now = current.get(row.key)
        if now is None:
            center = kind.name == "organizations" and row.values.get("kind") == "Center"
            if center and not ctx.scope.everything:
                problems.append(
                    _problem(
                        row,
                        kind,
                        "kind",
                        "仅区级可导入服务管理中心",
                        "only the district imports the centre",
                    )
                )
            continue
        if not now["visible"]:
            problems.append(
                _problem(
                    row,
                    kind,
                    "id",
                    "该编号已被您管辖范围外的记录使用",
                    "the key belongs to a record outside your scope",
                )
            )
        elif kind.name == "organizations":
            if row.values.get("kind") == "Center" and not ctx.scope.everything:
                problems.append(
                    _problem(
                        row,
                        kind,
                        "kind",
                        "仅区级可导入服务管理中心",
                        "only the district imports the centre",
                    )
                )
            elif (row.key == ctx.scope.root and ctx.scope.limited) or not ctx.scope.owns(row.key):
                problems.append(
                    _problem(
                        row,
                        kind,
                        "id",
                        "不能通过导入修改本级或范围外的组织",
                        "you cannot change your own or an outside organisation",
                    )
                )
            elif row.values.get("kind") and row.values["kind"] not in now["labels"]:
                problems.append(
                    _problem(
                        row,
                        kind,
                        "kind",
                        "不能通过导入改变组织类型",
                        "an import cannot change an organisation's kind",
                    )
                )
    return problems


def _native(value: Any) -> Any:
    if isinstance(value, Date | DateTime):
        return value.to_native()
    return value


def _props(kind: Kind, row: Row) -> dict[str, Any]:
    rel_fields = {p for link in LINKS[kind.name] for p in link.props}
    skip = {"id", "kind", *rel_fields, *(link.field for link in LINKS[kind.name])}
    props = {k: v for k, v in row.values.items() if k not in skip and ":" not in k}
    if kind.name == "organizations" and row.values.get("kind") in ORG_LEVEL:
        props["level"] = ORG_LEVEL[row.values["kind"]]
    return props


def _record(kind: Kind, row: Row) -> dict[str, Any]:
    links = {link.field: row.values.get(link.field) for link in LINKS[kind.name]}
    rel = {
        link.field: {p: row.values[p] for p in link.props if p in row.values}
        for link in LINKS[kind.name]
    }
    return {
        "id": row.key,
        "kind": row.values.get("kind"),
        "props": _props(kind, row),
        "links": links,
        "rel": rel,
    }


def _changed(kind: Kind, row: Row, now: dict[str, Any]) -> bool:
    props = now["props"]
    for name, value in _props(kind, row).items():
        held = _native(props.get(name))
        if isinstance(value, list) and isinstance(held, list):  # codes: their order is no change
            held, value = sorted(held), sorted(value)
        if held != value:
            return True
    for link in LINKS[kind.name]:
        target = row.values.get(link.field)
        if target is None:
            continue
        active = now["links"][link.field]
        match = [a for a in active if a["id"] == target]
        if not match or (link.exclusive and len(active) > 1):
            return True
        for p in link.props:
            if p in row.values and _native(match[0]["props"].get(p)) != row.values[p]:
                return True
    return False


def _diff(
    kind: Kind, rows: list[Row], current: dict[str, dict[str, Any]], result: ImportResult
) -> list[Row]:
    changed = []
    for row in rows:
        now = current.get(row.key)
        if now is None:
            result.created += 1
            changed.append(row)
        elif _changed(kind, row, now):
            result.updated += 1
            changed.append(row)
        else:
            result.unchanged += 1
    return changed


# -- exports -----------------------------------------------------------------------------------

EXPORT_PAGE = 2000  # nodes of a list per statement
EXPORT_REACHED = 100_000  # nodes of one relation of one node (a campaign's participants)


async def export_rows(ctx: Context, kind_name: str, filters: dict[str, Any]) -> list[dict]:
    """The list's records in the caller's scope as {field: value}, with the list's filters (names
    as in graph/entities.py, values typed), personal fields masked (or hidden) for roles whose
    work does not need them, exactly as GraphQL shows them."""
    kind = kind_of(kind_name, EXPORTS)
    ctx.require_principal()
    for name in filters:
        if filter_needs_unmasked(kind.label, name) and not ctx.scope.unmask:
            raise Forbidden(f"the filter {name} needs a role that sees personal data", name)
    given = tuple(sorted(filters))
    params = {f"f_{name}": value for name, value in filters.items()}
    if "search" in filters:
        params["f_search_phrase"] = search_phrase(filters["search"])
    if kind.name in LISTS:
        return await _list_rows(ctx, kind, given, params)
    records = await ctx.graph.read(export_statement(kind.name, given), **params)
    rows = []
    for rec in records:
        if kind.name == "organizations" and ctx.scope.limited and rec["id"] == ctx.scope.root:
            continue  # the caller's own organisation: its parent lies outside (not importable)
        values: dict[str, Any] = {k: _native(v) for k, v in rec["props"].items()}
        values["id"] = rec["id"]
        values["kind"] = next((k for k in ORG_KINDS if k in rec["labels"]), None)
        values.update({k: v for k, v in (rec["links"] or {}).items()})
        values.update({k: _native(v) for k, v in (rec["rel"] or {}).items()})
        values["caseOpen"] = rec["caseOpen"]
        rows.append(_masked(ctx, kind.label, values))
    return rows


def _masked(ctx: Context, label: str, values: dict[str, Any]) -> dict[str, Any]:
    """The personal fields of a record as GraphQL shows them to the caller (resolvers/personal.py):
    the value, its mask, or nothing."""
    personal = PERSONAL.get(label, ())
    shown = {prop: values.get(prop) for prop in (*personal, "caseOpen")}
    for prop in personal:
        if shown[prop] not in (None, []):
            values[prop] = reveal(ctx, label, values["id"], shown, prop)
    values.pop("caseOpen", None)
    return values


# -- the lists that are exported only: GraphQL's own compiled read -------------------------------


def list_shape(kind: Kind, given: tuple[str, ...]) -> tuple[ListShape, dict[str, Any]]:
    """The compiled read (graph/compiler.py) of a list with what its columns show of the nodes
    its relations reach, as GraphQL would read `{ <list>(filter) { nodes { … } } }`; and the
    relations' page parameters."""
    relations: list[RelationShape] = []
    params: dict[str, Any] = {}
    for index, name in enumerate(dict.fromkeys(c.relation for c in kind.columns if c.relation)):
        types = {c.type for c in kind.columns if c.relation == name}
        total = COUNT in types
        items = bool(types - {COUNT})
        one = not total and NODES not in types and name != kind.each
        param = f"x{index}"
        params[f"{param}_offset"], params[f"{param}_limit"] = 0, 1 if one else EXPORT_REACHED
        reached = NodeShape(("id", "name", "title"))
        relations.append(
            RelationShape(
                key=param,
                relation=name,
                param=param,
                total=total,
                items=items,
                one=one,
                shapes=tuple((label, reached) for label in RELATIONS[name].labels) if items else (),
            )
        )
    shape = ListShape(kind.label, NodeShape(None, tuple(relations)), given, total=True)
    return shape, params


async def _list_rows(
    ctx: Context, kind: Kind, given: tuple[str, ...], params: dict[str, Any]
) -> list[dict[str, Any]]:
    shape, pages = list_shape(kind, given)
    statement = list_statement(shape, ctx.scope.limited)

    async def work(tx: ScopedTx) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        while True:
            page = await tx.single(
                statement, **params, **pages, offset=len(items), limit=EXPORT_PAGE
            )
            found = page["items"] if page else []
            items += found
            if not found or len(items) >= (page or {}).get("total", 0):
                return items

    rows: list[dict[str, Any]] = []
    for item in await ctx.graph.read_tx(work):
        rows += list_rows(ctx, kind, shape, item["node"])
    return rows


def list_rows(
    ctx: Context, kind: Kind, shape: ListShape, node: dict[str, Any]
) -> list[dict[str, Any]]:
    """The rows of one node of a list read by `list_shape`: its properties (datetimes read as
    text parsed back), what its relations reach, and one row per node of the kind's `each`."""
    values = {k: _native(v) for k, v in node["props"].items()}
    for column in kind.columns:
        if column.type == DATETIME and isinstance(values.get(column.field), str):
            values[column.field] = dt.datetime.fromisoformat(values[column.field].split("[")[0])
    values = _masked(ctx, kind.label, values)
    if kind.label in DERIVED:
        DERIVED[kind.label](values)
    each: list[dict[str, Any]] = [{}]
    for rel in shape.shape.relations:
        reached = node["rels"][rel.param]
        columns = [c for c in kind.columns if c.relation == rel.relation]
        if rel.relation == kind.each:
            each = [
                {c.field: _part(ctx, c, it["node"], it["edge"]) for c in columns}
                for it in reached["items"]
            ] or [{}]
            continue
        for column in columns:
            if column.type == COUNT:
                values[column.field] = reached["total"]
            elif column.type == NODES:
                values[column.field] = [_part(ctx, column, it["node"]) for it in reached["items"]]
            else:
                values[column.field] = _part(ctx, column, reached)
    return [{**values, **part} for part in each]


def _part(
    ctx: Context, column: Column, node: dict[str, Any] | None, edge: dict[str, Any] | None = None
) -> Any:
    """What a column shows of a node a relation reached: its key, its name (a youth's masked as
    GraphQL masks it) or a property of the edge."""
    if node is None:
        return None
    props = node["props"]
    if column.part.startswith("edge."):
        return _native((edge or {}).get(column.part.removeprefix("edge.")))
    if column.part == "name":
        label = next((x for x in node["labels"] if "name" in PERSONAL.get(x, ())), None)
        if label is not None:
            return _masked(ctx, label, {"id": props["id"], **props})["name"]
        return props.get("name") or props.get("title")
    return props.get(column.part)


def _assessment_scores(values: dict[str, Any]) -> None:
    """An assessment's weighted total and grade, as schema/nodes/assessment.py shows them."""
    daily, key, solving = (values.get(p) for p in WEIGHTS)
    if daily is not None and key is not None and solving is not None:
        values["total"] = weighted_total(daily, key, solving)
        values["grade"] = grade(values["total"]).value


# Fields GraphQL computes from a node's properties.
DERIVED: dict[str, Callable[[dict[str, Any]], None]] = {"Assessment": _assessment_scores}


# -- small files through GraphQL (importFile) --------------------------------------------------


async def import_file(
    ctx: Context, kind_name: str, file_name: str, content_base64: str, dry_run: bool
) -> dict[str, Any]:
    """A small file sent inline (base64): read, checked and, unless a dry run, written as
    import_table does. Files above the setting import_inline_max_bytes are refused before they
    are decoded (larger ones go through POST /imports or the CLI)."""
    ctx.caller()  # UNAUTHENTICATED before anything is decoded
    limit = ctx.settings.import_inline_max_bytes
    content_base64 = "".join(content_base64.split())  # line-wrapped base64 (MIME) too
    if len(content_base64) > 4 * (limit // 3 + 1) + 4:  # no decoding a file that is too large
        raise _too_large(limit)
    try:
        content = base64.b64decode(content_base64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise BadUserInput(
            "contentBase64 is not base64 (RFC 4648) / 文件内容不是有效的 base64 编码",
            "contentBase64",
        ) from exc
    if len(content) > limit:
        raise _too_large(limit)
    if not content:
        raise BadUserInput("the file is empty / 文件为空", "contentBase64")
    try:
        table = read_table(content, file_name)
    except UnreadableFile as exc:
        raise BadUserInput(f"{exc} / 无法读取文件（请使用 XLSX 或 CSV）", "contentBase64") from exc
    result = await import_table(ctx, kind_name, table, dry_run)
    return result.as_dict()


def _too_large(limit: int) -> BadUserInput:
    return BadUserInput(
        f"the file is larger than {limit:,} bytes: send it with POST /imports or the CLI "
        f"(youth-matrix import) / 文件超过 {limit:,} 字节，请通过 POST /imports 或命令行导入",
        "contentBase64",
    )
