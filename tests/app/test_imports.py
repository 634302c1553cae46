"""Imports, templates and exports over HTTP against the `mini` district: files made by openpyxl
and hand-written CSV (UTF-8 with a BOM, GB18030), broken files (a clear report, nothing written),
scope, idempotence and the export round trip."""

from __future__ import annotations

import asyncio
import io
from typing import Any

import httpx
from openpyxl import Workbook, load_workbook

from core.imports import KINDS
from core.personal import gb11643_check_digit
from graph.driver import Database, Query
from tests.conftest import token

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
