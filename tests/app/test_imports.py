"""Imports, templates and exports over HTTP against the `mini` district: files made by openpyxl
and hand-written CSV (UTF-8 with a BOM, GB18030), broken files (a clear report, nothing written),
scope, idempotence and the export round trip."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import Workbook, load_workbook

from app.imports import cli_export, export_filters
from core.errors import BadUserInput
from core.imports import EXPORTS, KINDS, LISTS
from core.personal import gb11643_check_digit
from core.principal import Principal, Role
from core.settings import get_settings
from graph.driver import Database, Query
from tests.conftest import GraphQL, data, gid, token

GRID = "RC-T01-C01-G01"  # a grid of 古槐街道 (RC-T01), community RC-T01-C01
OTHER_TOWN_GRID = "RC-T02-C01-G01"
COUNT_YOUTH = Query("test_count_youth", "MATCH (y:Youth) RETURN count(y) AS n")
YOUTH_OF = Query(
    "test_youth_of",
    "MATCH (y:Youth {id: $id})-[:RESIDES_IN]->(g:Grid) "
    "RETURN y.name AS name, y.idNumber AS idNumber, toString(y.birthDate) AS born, "
    "y.difficulties AS difficulties, y.inDifficulty AS inDifficulty, g.id AS grid",
)
HEADERS = KINDS[
    "youth"
].headers  # 编号 姓名 性别 居民身份证号 出生日期 手机号 住址 所在网格 困境类型


def id_number(born: str, seq: int) -> str:
    first17 = f"370811{born.replace('-', '')}{seq:03d}"
    return first17 + gb11643_check_digit(first17)


def youth_row(n: int, grid: str = GRID, **change: str) -> list[str]:
    row = {
        "编号": f"YX-{n:05d}",
        "姓名": f"测试{n}",
        "性别": "女" if n % 2 else "MALE",
        "居民身份证号": id_number("2008-05-17", n % 1000),
        "出生日期": "2008-05-17",
        "手机号": "13800001234",
        "住址": "任城区古槐街道西苑东社区1号",
        "所在网格": grid,
        "困境类型": "留守、单亲" if n % 3 == 0 else "",
        **change,
    }
    return [row[h] for h in HEADERS]


def xlsx(headers: list[str], rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_text(headers: list[str], rows: list[list[str]]) -> str:
    return "\r\n".join(",".join(cells) for cells in [headers, *rows]) + "\r\n"


def bearer(role: str, org: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token(role, org)}"}


async def run_import(
    client: httpx.AsyncClient,
    content: bytes,
    name: str,
    kind: str = "youth",
    dry_run: bool = False,
    as_: tuple[str, str] = ("DISTRICT_ADMIN", "RC"),
) -> dict[str, Any]:
    response = await client.post(
        "/imports",
        files={"file": (name, content)},
        data={"kind": kind, "dryRun": "true" if dry_run else "false"},
        headers=bearer(*as_),
    )
    assert response.status_code == 202, response.text
    import_id = response.json()["importId"]
    for _ in range(1200):  # no deadline tied to the machine's speed: poll until it is done
        status = (await client.get(f"/imports/{import_id}", headers=bearer(*as_))).json()
        if status["state"] != "running":
            assert status["state"] == "done", status
            return status["result"]
        await asyncio.sleep(0.1)
    raise AssertionError("the import did not finish")


def problems(result: dict[str, Any]) -> set[tuple[int, str, str]]:
    return {(p["row"], p["column"], p["value"]) for p in result["problems"]}


async def test_youth_from_xlsx_then_the_same_file_again_changes_nothing(
    mini: Database, client: httpx.AsyncClient
) -> None:
    before = (await mini.read(COUNT_YOUTH))[0]["n"]
    content = xlsx(HEADERS, [youth_row(1), youth_row(2), youth_row(3, 困境类型="LEFT_BEHIND")])
    first = await run_import(client, content, "youth.xlsx")
    assert (first["ok"], first["created"], first["updated"], first["written"]) == (
        True, 3, 0, True,
    )  # fmt: skip
    assert (await mini.read(COUNT_YOUTH))[0]["n"] == before + 3
    youth = (await mini.read(YOUTH_OF, id="YX-00003"))[0]
    assert youth == {
        "name": "测试3",
        "idNumber": id_number("2008-05-17", 3),
        "born": "2008-05-17",
        "difficulties": ["LEFT_BEHIND"],
        "inDifficulty": True,
        "grid": GRID,
    }
    again = await run_import(client, content, "youth.xlsx")
    assert (again["created"], again["updated"], again["unchanged"], again["written"]) == (
        0, 0, 3, False,
    )  # fmt: skip
    moved = xlsx(HEADERS, [youth_row(1, grid="RC-T01-C01-G02")])  # a grid by its key
    update = await run_import(client, moved, "moved.xlsx")
    assert (update["created"], update["updated"]) == (0, 1)
    assert (await mini.read(YOUTH_OF, id="YX-00001"))[0]["grid"] == "RC-T01-C01-G02"


async def test_broken_csv_in_gb18030_is_a_clear_report_and_nothing_is_written(
    mini: Database, client: httpx.AsyncClient
) -> None:
    before = (await mini.read(COUNT_YOUTH))[0]["n"]
    bad_check = id_number("2008-05-17", 7)[:17] + (
        "0" if id_number("2008-05-17", 7)[17] != "0" else "1"
    )
    rows = [
        youth_row(1),
        youth_row(2, 出生日期="2008-13-40"),  # a bad date
        youth_row(3, 所在网格="不存在的网格"),  # an unknown grid
        youth_row(1),  # the key of row 2 again
        youth_row(7, 居民身份证号=bad_check),  # a wrong check digit
        youth_row(8, 性别="未知", 手机号="1234"),
        youth_row(9, 出生日期="2008-05-18"),  # not the ID's birth date
    ]
    content = csv_text(HEADERS, rows).encode("gb18030")
    result = await run_import(client, content, "youth.csv", dry_run=False)
    assert result["ok"] is False and result["written"] is False
    assert problems(result) == {
        (3, "出生日期", "2008-13-40"),
        (4, "所在网格", "不存在的网格"),
        (5, "编号", "YX-00001"),
        (6, "居民身份证号", bad_check),
        (7, "性别", "未知"),
        (7, "手机号", "1234"),
        (8, "出生日期", "2008-05-18"),
    }
    by_cell = {(p["row"], p["column"]): p for p in result["problems"]}
    assert by_cell[(5, "编号")]["message"] == "编号与第2行重复"
    assert by_cell[(5, "编号")]["messageEn"] == "the key repeats row 2"
    assert "校验码" in by_cell[(6, "居民身份证号")]["message"]
    assert (await mini.read(COUNT_YOUTH))[0]["n"] == before


async def test_utf8_csv_with_and_without_bom_and_labels_or_codes(
    mini: Database, client: httpx.AsyncClient
) -> None:
    text = csv_text(HEADERS, [youth_row(11, 性别="FEMALE", 困境类型="DROPOUT;孤儿")])
    for content in (text.encode("utf-8-sig"), text.encode("utf-8")):
        result = await run_import(client, content, "youth.csv", dry_run=True)
        assert (result["ok"], result["created"], result["written"]) == (True, 1, False)
    result = await run_import(client, text.encode("utf-8-sig"), "youth.csv")
    assert result["written"] is True
    youth = (await mini.read(YOUTH_OF, id="YX-00011"))[0]
    assert youth["difficulties"] == ["DROPOUT", "ORPHAN"]


async def test_a_wrong_header_and_an_unknown_town(
    mini: Database, client: httpx.AsyncClient
) -> None:
    wrong = ["编号", "名字", *HEADERS[2:]]
    result = await run_import(client, xlsx(wrong, [youth_row(1)]), "youth.xlsx")
    assert problems(result) == {(1, "姓名", ""), (1, "名字", "名字")}
    orgs = KINDS["organizations"].headers  # 编号 名称 类型 上级组织 行业 成立日期
    rows = [
        ["RC-T09", "新城街道网格团委", "镇街网格团委", "RC", "", "2021-01-01"],
        ["RC-T09-C01", "新城社区网格团总支", "村社区网格团总支", "新城街道网格团委", "", ""],
        ["RC-T08-C01", "某社区网格团总支", "村社区网格团总支", "不存在街道网格团委", "", ""],
    ]
    result = await run_import(client, xlsx(orgs, rows), "orgs.xlsx", kind="organizations")
    assert problems(result) == {(4, "上级组织", "不存在街道网格团委")}
    assert result["written"] is False
    fixed = await run_import(client, xlsx(orgs, rows[:2]), "orgs.xlsx", kind="organizations")
    assert (fixed["created"], fixed["written"]) == (2, True)
    tree = await mini.read(
        Query("test_tree", "MATCH (:CommunityBranch {id: 'RC-T09-C01'})-[:UNDER]->(t:TownCommittee)"
              "-[:UNDER]->(c:Center) RETURN t.id AS town, t.level AS level, c.id AS centre")
    )  # fmt: skip
    assert tree == [{"town": "RC-T09", "level": 1, "centre": "RC"}]


async def test_scope_a_town_imports_only_into_its_subtree(
    mini: Database, client: httpx.AsyncClient
) -> None:
    before = (await mini.read(COUNT_YOUTH))[0]["n"]
    content = xlsx(HEADERS, [youth_row(1), youth_row(2, grid=OTHER_TOWN_GRID)])
    town = ("TOWN_ADMIN", "RC-T01")
    result = await run_import(client, content, "youth.xlsx", as_=town)
    assert problems(result) == {(3, "所在网格", OTHER_TOWN_GRID)}
    assert (await mini.read(COUNT_YOUTH))[0]["n"] == before
    grid_cadre = ("GRID_CADRE", "RC-T01-C01-B02")  # serves the grid RC-T01-C01-G02
    result = await run_import(client, content, "youth.xlsx", as_=grid_cadre)
    assert problems(result) == {(2, "所在网格", GRID), (3, "所在网格", OTHER_TOWN_GRID)}
    response = await client.post(
        "/imports",
        files={"file": ("o.xlsx", content)},
        data={"kind": "organizations"},
        headers=bearer(*grid_cadre),
    )
    assert response.status_code == 202
    status: dict[str, Any] = {"state": "running"}
    while status["state"] == "running":
        await asyncio.sleep(0.05)
        status = (
            await client.get(f"/imports/{response.json()['importId']}", headers=bearer(*grid_cadre))
        ).json()
    assert status["error"]["code"] == "FORBIDDEN"


async def test_twenty_thousand_youth_with_one_bad_row(
    mini: Database, client: httpx.AsyncClient
) -> None:
    before = (await mini.read(COUNT_YOUTH))[0]["n"]
    rows = [youth_row(n) for n in range(1, 20001)]
    rows[19_999] = youth_row(20000, 手机号="02012345678")
    content = csv_text(HEADERS, rows).encode("utf-8-sig")
    result = await run_import(client, content, "youth.csv")
    assert result["rows"] == 20000 and result["created"] == 20000
    assert problems(result) == {(20001, "手机号", "02012345678")}
    assert result["written"] is False
    assert (await mini.read(COUNT_YOUTH))[0]["n"] == before


async def test_template_and_report_xlsx(mini: Database, client: httpx.AsyncClient) -> None:
    admin = bearer("DISTRICT_ADMIN", "RC")
    response = await client.get("/imports/templates/cadres.xlsx", headers=admin)
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["网格团干部", "说明"]
    sheet = book["网格团干部"]
    assert [c.value for c in sheet[1]] == KINDS["cadres"].headers
    assert sheet["A2"].value == "示例-CD-10001"
    notes = {row[0]: row for row in book["说明"].iter_rows(min_row=2, values_only=True) if row[0]}
    assert "网格员（GRID_WORKER）" in notes["来源"][3]
    # the template as downloaded imports nothing (the example row is skipped)
    result = await run_import(client, response.content, "cadres.xlsx", kind="cadres")
    assert (result["ok"], result["rows"]) == (True, 0)
    # a report with the offending cell marked
    bad = xlsx(HEADERS, [youth_row(1, 出生日期="2008/02/30")])
    post = await client.post(
        "/imports", files={"file": ("y.xlsx", bad)}, data={"kind": "youth"}, headers=admin
    )
    import_id = post.json()["importId"]
    while (await client.get(f"/imports/{import_id}", headers=admin)).json()["state"] == "running":
        await asyncio.sleep(0.05)
    report = await client.get(f"/imports/{import_id}/report.xlsx", headers=admin)
    book = load_workbook(io.BytesIO(report.content))
    assert [c.value for c in book["错误报告"][2]][:3] == [2, "出生日期", "2008/02/30"]
    marked = book["标注"].cell(2, HEADERS.index("出生日期") + 1)
    assert marked.fill.fgColor.rgb.endswith("FF9999") and marked.comment is not None


async def test_export_round_trip_masking_and_formula_cells(
    mini: Database, client: httpx.AsyncClient
) -> None:
    community = bearer("COMMUNITY_CADRE", "RC-T01-C01")  # sees personal data unmasked
    for fmt in ("csv", "xlsx"):
        response = await client.get(f"/exports/youth.{fmt}", headers=community)
        assert response.status_code == 200
        result = await run_import(
            client, response.content, f"youth.{fmt}", as_=("COMMUNITY_CADRE", "RC-T01-C01")
        )
        assert result["ok"], result["problems"]
        assert (result["created"], result["updated"], result["written"]) == (0, 0, False)
        assert result["unchanged"] == result["rows"] > 0
    for kind in ("organizations", "grids", "cadres", "chat-groups", "social-organizations",
                 "social-workers", "positions", "enterprises", "appeals"):  # fmt: skip
        # cadres' phones are personal: the round trip by a role that sees them
        who = ("COMMUNITY_CADRE", "RC-T01-C01") if kind == "cadres" else ("DISTRICT_ADMIN", "RC")
        response = await client.get(f"/exports/{kind}.xlsx", headers=bearer(*who))
        result = await run_import(client, response.content, f"{kind}.xlsx", kind=kind, as_=who)
        assert result["ok"], (kind, result["problems"])
        assert (kind, result["created"], result["updated"]) == (kind, 0, 0)
        assert result["unchanged"] == result["rows"] > 0
    # a masked reader gets exactly GraphQL's masks, and no birth date or difficulties
    masked = await client.get("/exports/youth.csv", headers=bearer("TOWN_ADMIN", "RC-T01"))
    lines = masked.content.decode("utf-8-sig").splitlines()
    assert lines[0].split(",") == HEADERS
    first = dict(zip(HEADERS, lines[1].split(","), strict=True))
    assert first["居民身份证号"][6:14] == "********" and first["出生日期"] == ""
    assert first["手机号"][3:7] == "****" and first["困境类型"] == ""
    assert first["姓名"][1:] == "*" * (len(first["姓名"]) - 1)
    # the filters of the list, and the scope
    under = await client.get(
        "/exports/grids.csv?under=RC-T01-C01", headers=bearer("DISTRICT_ADMIN", "RC")
    )
    keys = [line.split(",")[0] for line in under.content.decode("utf-8-sig").splitlines()[1:]]
    assert keys and all(k.startswith("RC-T01-C01-") for k in keys)
    # a cell a spreadsheet would run as a formula is written as text, and reads back the same
    headers = KINDS["enterprises"].headers  # 编号 名称 行业 所在网格
    evil = f'EN-9001,"=HYPERLINK(""http://x"",""y"")",-1+1,{GRID}'
    content = (",".join(headers) + "\r\n" + evil + "\r\n").encode()
    assert (await run_import(client, content, "e.csv", kind="enterprises"))["written"]
    csv_out = await client.get("/exports/enterprises.csv", headers=bearer("DISTRICT_ADMIN", "RC"))
    text = csv_out.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and ",'-1+1," in text
    again = await run_import(client, csv_out.content, "e.csv", kind="enterprises")
    assert (again["ok"], again["updated"], again["created"]) == (True, 0, 0)


# -- the lists that are exported only ------------------------------------------------------------

LIST_FIELDS = {
    "trainings": "trainings", "service-projects": "serviceProjects", "activities": "activities",
    "visits": "visits", "funds": "funds", "campaigns": "campaigns", "assessments": "assessments",
    "awards": "awards", "notices": "notices",
}  # fmt: skip


async def export(
    client: httpx.AsyncClient, path: str, as_: tuple[str, str] = ("DISTRICT_ADMIN", "RC")
) -> list[list[str]]:
    """An export as its table of text cells: the CSV, checked against the XLSX of the same list."""
    tables = []
    for fmt in ("csv", "xlsx"):
        kind, _, query = path.partition("?")
        response = await client.get(f"/exports/{kind}.{fmt}?{query}", headers=bearer(*as_))
        assert response.status_code == 200, response.text
        if fmt == "csv":
            text = response.content.decode("utf-8-sig")
            tables.append([row for row in csv.reader(io.StringIO(text))])
        else:
            sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
            tables.append([[v or "" for v in row] for row in sheet.iter_rows(values_only=True)])
    assert tables[0] == tables[1]
    return tables[0]


async def listed(
    gql: GraphQL, kind: str, as_: tuple[str, str], filter: dict[str, Any] | None = None
) -> list[str]:
    """The keys GraphQL's list of the kind gives (one page holds every node of `mini`)."""
    field = LIST_FIELDS[kind]
    query = f"query($f: {EXPORTS[kind].label}Filter) {{ {field}(first: 100, filter: $f) {{ "
    result = data(await gql(query + "totalCount nodes { key } } }", {"f": filter}, as_=as_))
    assert result[field]["totalCount"] <= 100
    return [n["key"] for n in result[field]["nodes"]]


def keys(table: list[list[str]]) -> list[str]:
    return list(dict.fromkeys(row[0] for row in table[1:]))


def rows_of(table: list[list[str]], key: str) -> list[list[str]]:
    return [row for row in table[1:] if row[0] == key]


async def test_every_list_exports_what_graphql_lists_with_the_lists_headers(
    mini: Database, client: httpx.AsyncClient, gql: GraphQL
) -> None:
    district = ("DISTRICT_ADMIN", "RC")
    tables = {}
    for kind in LISTS:
        tables[kind] = table = await export(client, kind)
        assert table[0] == LISTS[kind].headers
        assert keys(table) == await listed(gql, kind, district), kind
        assert len(keys(table)) > 1, kind
    # the values of `mini`: codes as their Chinese labels, dates, relations as keys
    assert rows_of(tables["funds"], "FU-002") == [
        ["FU-002", "2021年古槐街道网格团组织工作经费", "镇街财政", "2021", "8000", to, amount]
        for to, amount in (("RC-T01-C01", "2000"), ("RC-T01-C02", "1000"), ("SP-002", "5000"))
    ]
    assert rows_of(tables["notices"], "NO-0001") == [[
        "NO-0001", "关于做好元旦春节期间疫情防控工作的紧急通知",
        "各网格团组织立即组织青年志愿者配合社区做好返乡人员排查和防疫宣传。", "紧急",
        "2021-01-08 09:30", "RC", "8",
    ]]  # fmt: skip
    assert rows_of(tables["awards"], "AW-0002") == [
        ["AW-0002", "最美网格团干部", "2021", "2021-12-28", "CD-00016", "徐可婧"]
    ]
    assert rows_of(tables["assessments"], "AS-00001") == [[
        "AS-00001", "古槐街道网格团委2021年上半年三位一体考核", "2021-H1", "RC-T01",
        "古槐街道网格团委", "77", "60", "74", "69.3", "合格", "2021-07-20", "",
    ]]  # fmt: skip
    assert rows_of(tables["visits"], "VI-000001") == [[
        "VI-000001", "9号议事日", "2021-01-09", "CD-00008", "Y-000003", "杨*",
        "走访青少年家庭，宣传团组织服务项目，收集诉求。", "AP-000002",
    ]]  # fmt: skip
    assert rows_of(tables["activities"], "AC-00001") == [[
        "AC-00001", "青年人才节送岗带货进网格（龙行新村社区第1网格）", "2021-06-13", "155",
        "155", "SP-001", "RC-T02-C02-B01", "", "EN-0003、EN-0006、RC-IC-01",
    ]]  # fmt: skip
    assert rows_of(tables["service-projects"], "SP-002") == [
        ["SP-002", "2021年古槐街道七彩暑托班", "七彩暑托班", "2021", "RC-T01"]
    ]
    assert rows_of(tables["trainings"], "TR-002")[0][:4] == [
        "TR-002",
        "2021年网格团干部居民调解专项培训（第1期）",
        "居民调解",
        "2021-07-15",
    ]
    assert rows_of(tables["trainings"], "TR-002")[0][4].split("、")[:2] == ["CD-00001", "CD-00003"]
    assert rows_of(tables["campaigns"], "CA-01")[0][:3] == ["CA-01", "疫情防控", "2021"]
    assert {"RC-T01", "SO-001"} <= set(rows_of(tables["campaigns"], "CA-01")[0][3].split("、"))


async def test_list_exports_take_the_lists_filters_and_the_callers_scope(
    mini: Database, client: httpx.AsyncClient, gql: GraphQL
) -> None:
    district = ("DISTRICT_ADMIN", "RC")
    project = gid("ServiceProject", "SP-002")
    cases: list[tuple[str, dict[str, Any], list[str] | None]] = [  # (export, GraphQL's, keys)
        ("visits?kind=日常走访&dateFrom=2021-03-01", {"kind": "ROUTINE", "dateFrom": "2021-03-01"},
         ["VI-000033", "VI-000034"]),
        ("visits?kind=ROUTINE&date_to=2021-03-01", {"kind": "ROUTINE", "dateTo": "2021-03-01"},
         None),
        ("funds?source=镇街财政", {"source": "TOWN_FINANCE"}, ["FU-002"]),
        ("awards?title=最美网格团干部", {"title": "BEST_GRID_CADRE"}, ["AW-0002"]),
        ("notices?issuedFrom=2021-07-01", {"issuedFrom": "2021-07-01T00:00:00+08:00"},
         ["NO-0002"]),
        ("activities?project=SP-002", {"project": project}, None),
        (f"activities?project={project}", {"project": project}, None),
        ("assessments?period=2021-H1", {"period": "2021-H1"}, None),
        ("service-projects?brand=七彩暑托班&year=2021", {"brand": "SUMMER_CARE", "year": 2021},
         ["SP-002", "SP-003"]),
        ("campaigns?search=文明", {"search": "文明"}, ["CA-02"]),
        ("trainings?topic=居民调解", {"topic": "MEDIATION"}, ["TR-002"]),
        ("visits?under=RC-T01-C01", {"under": gid("Organization", "RC-T01-C01")}, None),
        ("funds?archived=false", {"archived": False}, ["FU-001", "FU-002"]),
    ]  # fmt: skip
    for path, graphql_filter, expected in cases:
        kind = path.partition("?")[0]
        exported = keys(await export(client, path))
        assert exported == await listed(gql, kind, district, graphql_filter), path
        assert exported and (expected is None or exported == expected), path
    # a town admin: only its subtree, as GraphQL lists it for the same token
    town = ("TOWN_ADMIN", "RC-T01")
    for kind in LISTS:
        table = await export(client, kind, as_=town)
        assert keys(table) == await listed(gql, kind, town), kind
    funds = await export(client, "funds", as_=town)
    assert [row[5] for row in rows_of(funds, "FU-001")] == ["RC-T01-C01-B03", "SP-001", "SP-004",
                                                            "SP-006"]  # fmt: skip
    district_visits = await export(client, "visits")
    town_visits = await export(client, "visits", as_=town)
    assert 0 < len(town_visits) < len(district_visits)
    assert rows_of(await export(client, "notices", as_=town), "NO-0001")[0][-1] == "4"


async def test_a_visited_youth_is_masked_in_an_export_exactly_as_in_graphql(
    mini: Database, client: httpx.AsyncClient, gql: GraphQL
) -> None:
    query = "{ visits(first: 100) { nodes { key target { ... on Youth { name } } } } }"
    readers = ((("TOWN_ADMIN", "RC-T01"), True), (("COMMUNITY_CADRE", "RC-T01-C01"), False))
    for who, masked in readers:
        nodes = data(await gql(query, as_=who))["visits"]["nodes"]
        names = {n["key"]: n["target"]["name"] for n in nodes if n["target"]}
        table = await export(client, "visits", as_=who)
        assert {row[0]: row[5] for row in table[1:] if row[4].startswith("Y-")} == names
        assert names and all(("*" in name) is masked for name in names.values())
    # a social organisation sees no visits, in GraphQL or in an export
    assert await export(client, "visits", as_=("SOCIAL_ORG", "SO-001")) == [LISTS["visits"].headers]


async def test_a_social_organisation_exports_the_youth_of_its_cases_as_graphql_shows_them(
    mini: Database, client: httpx.AsyncClient, gql: GraphQL
) -> None:
    query = "{ youth(first: 100) { nodes { key name idNumber birthDate phone address } } }"
    social = ("SOCIAL_ORG", "SO-001")
    nodes = data(await gql(query, as_=social))["youth"]["nodes"]
    table = await export(client, "youth", as_=social)
    fields = ("name", "idNumber", "birthDate", "phone", "address")
    at = [HEADERS.index(KINDS["youth"].column(f).header) for f in fields]
    exported = {row[0]: tuple(row[i] for i in at) for row in table[1:]}
    assert exported == {n["key"]: tuple(n[f] or "" for f in fields) for n in nodes}
    assert {"*" in name for name, *_ in exported.values()} == {True, False}  # open cases only


@pytest.mark.parametrize(
    ("path", "status", "code", "field"),
    [
        ("/exports/fundz.csv", 400, "BAD_USER_INPUT", "kind"),
        ("/exports/funds.pdf", 404, "NOT_FOUND", "format"),
        ("/exports/funds.csv?colour=red", 400, "BAD_USER_INPUT", "colour"),
        ("/exports/funds.xlsx?year=2021年", 400, "BAD_USER_INPUT", "year"),
        ("/exports/visits.csv?kind=夜访", 400, "BAD_USER_INPUT", "kind"),
        ("/exports/visits.csv?dateFrom=2021-13-01", 400, "BAD_USER_INPUT", "dateFrom"),
        ("/exports/youth.csv?search=张", 403, "FORBIDDEN", "search"),  # a town admin: masked
        ("/imports/templates/visits.xlsx", 400, "BAD_USER_INPUT", "kind"),  # exports only
    ],
)
async def test_export_errors_are_graphql_errors_with_code_and_field(
    rencheng: Database, client: httpx.AsyncClient, path: str, status: int, code: str, field: str
) -> None:
    response = await client.get(path, headers=bearer("TOWN_ADMIN", "RC-T01"))
    assert response.status_code == status
    (problem,) = response.json()["errors"]
    assert problem["extensions"] == {"code": code, "field": field}, problem["message"]
    anonymous = await client.get("/exports/visits.csv")
    assert anonymous.status_code == 401
    assert anonymous.json()["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}


def test_export_filters_are_typed_as_graphql_types_them() -> None:
    visits = EXPORTS["visits"]
    given = {"kind": "9号议事日", "date_from": "2021/03/01", "cadre": gid("Cadre", "CD-1"),
             "under": "RC-T01", "archived": "false"}  # fmt: skip
    assert export_filters(visits, given) == {
        "kind": "NINTH_DAY", "date_from": dt.date(2021, 3, 1), "cadre": "CD-1", "under": "RC-T01",
    }  # fmt: skip
    given = {"status": "OPEN,已办结", "createdTo": "2021-07-01"}
    appeals = export_filters(EXPORTS["appeals"], given)
    assert appeals["status"] == ["OPEN", "CLOSED"]
    assert appeals["created_to"].isoformat() == "2021-07-01T00:00:00+08:00"
    assert export_filters(EXPORTS["organizations"], {"level": "1", "search": " "}) == {"level": 1}


async def test_the_cli_exports_what_the_route_exports(
    rencheng: Database, client: httpx.AsyncClient, tmp_path: Path
) -> None:
    town = Principal("cli", Role.TOWN_ADMIN, "RC-T01")
    path = str(tmp_path / "awards.csv")
    filters = ["year=2021", "title=最美网格团干部"]
    assert await cli_export(get_settings(), rencheng, "awards", path, filters, town) == path
    route = await client.get(
        "/exports/awards.csv?year=2021&title=最美网格团干部", headers=bearer("TOWN_ADMIN", "RC-T01")
    )
    assert Path(path).read_bytes() == route.content and route.content.count(b"\r\n") > 1
    with pytest.raises(BadUserInput) as raised:
        await cli_export(get_settings(), rencheng, "awards", path, ["year"], town)
    assert raised.value.field == "filter"
