"""`importFile`, the GraphQL mutation for small files, on the `mini` district: a dry run writes
nothing, the import proper writes (and a second one changes nothing), a broken file answers its
rows, and the size limit, base64 and the token are checked before anything is read."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from core.imports import KINDS
from core.settings import get_settings
from graph.driver import Database
from schema.imports import ImportKind
from tests.app.test_imports import COUNT_YOUTH, HEADERS, YOUTH_OF, csv_text, xlsx, youth_row
from tests.conftest import GraphQL, data, error

IMPORT = """
mutation($kind: ImportKind!, $name: String!, $content: String!, $dryRun: Boolean) {
  importFile(kind: $kind, fileName: $name, contentBase64: $content, dryRun: $dryRun) {
    kind dryRun ok rows created updated unchanged written importId
    problems { row column value message messageEn }
  }
}"""
DEFAULT_DRY_RUN = """
mutation($content: String!) {
  importFile(kind: YOUTH, fileName: "youth.xlsx", contentBase64: $content) { dryRun written }
}"""
DISTRICT = ("DISTRICT_ADMIN", "RC")


def b64(content: bytes) -> str:
    return base64.b64encode(content).decode()


async def import_file(
    gql: GraphQL,
    content: bytes,
    name: str = "youth.xlsx",
    kind: str = "YOUTH",
    dry_run: bool | None = None,
    as_: tuple[str, str] | None = DISTRICT,
) -> dict[str, Any]:
    variables: dict[str, Any] = {"kind": kind, "name": name, "content": b64(content)}
    if dry_run is not None:
        variables["dryRun"] = dry_run
    return await gql(IMPORT, variables, as_=as_)


async def youth_count(mini: Database) -> int:
    return int((await mini.read(COUNT_YOUTH))[0]["n"])


def test_the_kinds_are_the_templates_kinds() -> None:
    assert [k.value for k in ImportKind] == list(KINDS)


async def test_a_dry_run_checks_and_writes_nothing(mini: Database, gql: GraphQL) -> None:
    before = await youth_count(mini)
    content = xlsx(HEADERS, [youth_row(1), youth_row(2)])
    default = data(await gql(DEFAULT_DRY_RUN, {"content": b64(content)}, as_=DISTRICT))
    assert default["importFile"] == {"dryRun": True, "written": False}  # dryRun defaults true
    report = data(await import_file(gql, content, dry_run=True))["importFile"]
    assert report == {
        "kind": "YOUTH", "dryRun": True, "ok": True, "rows": 2, "created": 2, "updated": 0,
        "unchanged": 0, "written": False, "importId": report["importId"], "problems": [],
    }  # fmt: skip
    assert await youth_count(mini) == before


async def test_the_import_proper_writes_and_a_second_changes_nothing(
    mini: Database, gql: GraphQL
) -> None:
    before = await youth_count(mini)
    content = csv_text(HEADERS, [youth_row(1), youth_row(3, 困境类型="留守")]).encode("gb18030")
    report = data(await import_file(gql, content, "youth.csv", dry_run=False))["importFile"]
    assert (report["ok"], report["created"], report["written"]) == (True, 2, True)
    assert await youth_count(mini) == before + 2
    youth = (await mini.read(YOUTH_OF, id="YX-00003"))[0]
    assert (youth["name"], youth["difficulties"], youth["grid"]) == (
        "测试3", ["LEFT_BEHIND"], "RC-T01-C01-G01",
    )  # fmt: skip
    again = data(await import_file(gql, content, "youth.csv", dry_run=False))["importFile"]
    assert (again["created"], again["updated"], again["unchanged"], again["written"]) == (
        0, 0, 2, False,
    )  # fmt: skip


async def test_a_broken_file_reports_its_rows_and_writes_nothing(
    mini: Database, gql: GraphQL
) -> None:
    before = await youth_count(mini)
    rows = [youth_row(1), youth_row(2, 出生日期="2008-13-40"), youth_row(3, 手机号="1234"),
            youth_row(1)]  # fmt: skip
    result = await import_file(gql, xlsx(HEADERS, rows), dry_run=False)
    report = data(result)["importFile"]
    assert (report["ok"], report["written"], report["rows"]) == (False, False, 4)
    assert [(p["row"], p["column"], p["value"]) for p in report["problems"]] == [
        (3, "出生日期", "2008-13-40"),
        (4, "手机号", "1234"),
        (5, "编号", "YX-00001"),
    ]
    repeated = report["problems"][2]
    assert repeated["message"] == "编号与第2行重复"
    assert repeated["messageEn"] == "the key repeats row 2"
    assert await youth_count(mini) == before
    # a wrong header: the file's problem is in row 1
    wrong = ["编号", "名字", *HEADERS[2:]]
    header = data(await import_file(gql, xlsx(wrong, [youth_row(1)])))["importFile"]
    assert {(p["row"], p["column"]) for p in header["problems"]} == {(1, "姓名"), (1, "名字")}


async def test_scope_a_town_imports_only_into_its_subtree(mini: Database, gql: GraphQL) -> None:
    content = xlsx(HEADERS, [youth_row(1, grid="RC-T02-C01-G01")])
    report = data(await import_file(gql, content, as_=("TOWN_ADMIN", "RC-T01")))["importFile"]
    assert [(p["row"], p["column"]) for p in report["problems"]] == [(2, "所在网格")]
    forbidden = await import_file(
        gql, content, kind="ORGANIZATIONS", as_=("GRID_CADRE", "RC-T01-C01-B02")
    )
    assert error(forbidden)["code"] == "FORBIDDEN"
    anonymous = await import_file(gql, content, as_=None)
    assert error(anonymous)["code"] == "UNAUTHENTICATED"


async def test_too_large_not_base64_or_unreadable_is_bad_user_input(
    mini: Database, gql: GraphQL, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "import_inline_max_bytes", 1000)
    big = csv_text(HEADERS, [youth_row(n) for n in range(1, 40)]).encode()
    assert len(big) > 1000
    too_large = error(await import_file(gql, big, "youth.csv"))
    assert (too_large["code"], too_large["field"]) == ("BAD_USER_INPUT", "contentBase64")
    assert "larger than 1,000 bytes" in too_large["message"]
    assert "POST /imports" in too_large["message"]
    not_base64 = error(
        await gql(IMPORT, {"kind": "YOUTH", "name": "y.csv", "content": "%%%"}, as_=DISTRICT)
    )
    assert (not_base64["code"], not_base64["field"]) == ("BAD_USER_INPUT", "contentBase64")
    broken = error(await import_file(gql, b"PK\x03\x04 not really a workbook", "y.xlsx"))
    assert (broken["code"], broken["field"]) == ("BAD_USER_INPUT", "contentBase64")
    assert "XLSX" in broken["message"]
