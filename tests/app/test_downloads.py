"""The downloads' layout without a database: a report (as the resolver returns it, mapped as
GraphQL maps it) laid out as sections, written as CSV and XLSX, named, and the query parameters
read (tests/schema/test_reports.py compares the files with the GraphQL report end to end)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook

from app import downloads
from core.errors import BadUserInput
from core.settings import Settings
from resolvers import reports
from schema.mapping import build
from schema.reports import PartnershipReport


def _record(key: str, name: str, *labels: str) -> dict[str, Any]:
    return {"props": {"id": key, "name": name}, "labels": list(labels)}


def _unit(key: str, name: str, label: str, direct: bool, n: int) -> dict[str, Any]:
    return {
        "organization": _record(key, name, "Organization", label),
        "direct": direct, "pairsActive": n, "pairsNew": n, "pairsEnded": 0,
        "socialOrganizations": n, "activities": 10 * n, "jointActivities": n,
        "participants": 1500 * n, "youthServed": 100 * n, "appealsRaised": 3 * n,
        "appealsResolved": 2 * n, "medianResolutionHours": None if direct else 30.5,
        "funding": 5000 * n,
    }  # fmt: skip


ROW: dict[str, Any] = {
    "organization": _record("RC-T01", "古槐街道网格团委", "Organization", "TownCommittee"),
    "coBuilding": {"pairsActive": 3, "pairsNew": 1, "pairsEnded": 0, "committees": 2,
                   "gridBranches": 3},
    "linkage": {"socialOrganizations": 4, "socialOrganizationsNew": 1, "socialWorkers": 31},
    "activities": {"activities": 30, "participants": 4500, "youthServed": 300,
                   "jointActivities": 3, "jointParticipants": 700, "jointYouthServed": 40},
    "brands": [
        {"brand": "SUMMER_CARE", "activities": 20, "jointActivities": 2, "participants": 3000,
         "youthServed": 250},
        {"brand": "TALENT_FESTIVAL", "activities": 10, "jointActivities": 1,
         "participants": 1500, "youthServed": 50},
    ],
    "appeals": {"raised": 9, "resolved": 6, "open": 2, "inProgress": 1, "rejected": 0,
                "referred": 4, "medianResolutionHours": 30.5},
    "funding": {"amount": 15000, "funds": 2, "bySource": [
        {"source": "DISTRICT_FINANCE", "funds": 1, "amount": 10000},
        {"source": "TOWN_FINANCE", "funds": 1, "amount": 5000},
    ]},
    "breakdown": [
        _unit("RC-T01", "古槐街道网格团委", "TownCommittee", True, 0),
        _unit("RC-T01-C01", "一社区", "CommunityBranch", False, 1),
        _unit("RC-T01-C02", "二社区", "CommunityBranch", False, 2),
    ],
    "topPartners": [
        {"partner": _record("SO-001", "阳光社工", "SocialOrganization"), "jointActivities": 2,
         "participants": 500, "youthServed": 30, "appealsHandled": 4, "gridBranches": 0},
        {"partner": _record("RC-IC-01", "快递行业团工委", "Organization", "IndustryCommittee"),
         "jointActivities": 1, "participants": 200, "youthServed": 10, "appealsHandled": 0,
         "gridBranches": 3},
    ],
}  # fmt: skip

FIRST, LAST = dt.date(2021, 1, 1), dt.date(2021, 12, 31)


@pytest.fixture
def report() -> PartnershipReport:
    """The report as GraphQL and the downloads both get it: the resolver's result, mapped."""
    result: PartnershipReport = build(PartnershipReport, reports.report(ROW, FIRST, LAST))
    return result


def test_the_sections_lay_out_every_part_of_the_report(report: PartnershipReport) -> None:
    parts = {part.title: [part.headers, *part.rows] for part in downloads.sections(report)}
    assert list(parts) == ["报告信息", "联建共建", "资源链接", "联合活动", "项目品牌", "诉求办理",
                           "资金", "下级分布", "主要合作伙伴"]  # fmt: skip
    assert parts["报告信息"] == [
        ["项目", "内容"], ["组织名称", "古槐街道网格团委"], ["组织编号", "RC-T01"],
        ["组织类型", "镇街网格团委"], ["起始日期", FIRST], ["截止日期", LAST],
    ]  # fmt: skip
    assert parts["联建共建"][1:] == [
        ["在建结对数", 3], ["新建结对数", 1], ["解除结对数", 0], ["参与结对的行业团工委", 2],
        ["参与结对的网格团支部", 3],
    ]  # fmt: skip
    assert parts["资源链接"][1:] == [["链接社会组织", 4], ["新链接社会组织", 1],
                                     ["社会化工作者", 31]]  # fmt: skip
    assert parts["联合活动"][1:] == [
        ["活动总数", 30], ["参与人次", 4500], ["服务青少年人次", 300], ["联合活动数", 3],
        ["联合活动参与人次", 700], ["联合活动服务青少年人次", 40],
    ]  # fmt: skip
    # brands and sources by their Chinese labels
    assert parts["项目品牌"][1:] == [["七彩暑托班", 20, 2, 3000, 250],
                                     ["青年人才节", 10, 1, 1500, 50]]  # fmt: skip
    assert parts["诉求办理"][1:] == [
        ["提出诉求", 9], ["已解决（含已办结）", 6], ["待处理", 2], ["办理中（含已转介）", 1],
        ["已驳回", 0], ["转介社会组织", 4], ["解决用时中位数（小时）", 30.5],
    ]  # fmt: skip
    # the sources, then their total
    assert parts["资金"] == [["资金来源", "资金笔数", "金额（元）"], ["区财政", 1, 10000],
                             ["镇街财政", 1, 5000], ["合计", 2, 15000]]  # fmt: skip


def test_the_breakdown_names_the_direct_row_and_the_units_kinds(
    report: PartnershipReport,
) -> None:
    rows = next(p for p in downloads.sections(report) if p.title == "下级分布").rows
    assert [r[:3] for r in rows] == [
        ["RC-T01", "古槐街道网格团委", "本级"],
        ["RC-T01-C01", "一社区", "村社区网格团总支"],
        ["RC-T01-C02", "二社区", "村社区网格团总支"],
    ]
    assert rows[2][3:] == [2, 2, 0, 2, 20, 2, 3000, 200, 6, 4, 30.5, 10000]
    assert rows[0][13] is None  # no median without resolved appeals
    # the additive columns add up to the report's totals (as the statement counts them)
    assert sum(r[14] for r in rows) == 15000


def test_top_partners_are_ranked_with_their_kind(report: PartnershipReport) -> None:
    part = next(p for p in downloads.sections(report) if p.title == "主要合作伙伴")
    assert part.headers == downloads.PARTNER_HEADERS
    assert part.rows == [
        [1, "SO-001", "阳光社工", "社会组织", 2, 500, 30, 4, 0],
        [2, "RC-IC-01", "快递行业团工委", "行业团工委", 1, 200, 10, 0, 3],
    ]


def test_the_csv_has_a_bom_and_each_section_under_its_title(report: PartnershipReport) -> None:
    parts = downloads.sections(report)
    content = downloads.to_csv(parts)
    assert content.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in content  # as Excel writes it
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[:3] == [["【报告信息】"], ["项目", "内容"], ["组织名称", "古槐街道网格团委"]]
    assert ["起始日期", "2021-01-01"] in rows  # dates as ISO text
    titles = [r[0] for r in rows if len(r) == 1 and r[0].startswith("【")]
    assert titles == [f"【{p.title}】" for p in parts]
    # each section is followed by an empty row; no value prints as "None"
    assert sum(1 for r in rows if r == []) == len(parts)
    direct = next(r for r in rows if r[:1] == ["RC-T01"] and len(r) == 15)
    assert direct[2] == "本级" and direct[13] == ""


def _totals(part: downloads.Section) -> list[list[Any]]:
    """The 合计 row the XLSX adds under a table whose rows add up (computed here)."""
    if not part.totals:
        return []
    row: list[Any] = [None] * len(part.headers)
    row[0] = "合计"
    for column in part.totals:
        row[column] = sum(r[column] or 0 for r in part.rows)
    return [row]


def test_the_xlsx_has_a_sheet_per_section(report: PartnershipReport) -> None:
    parts = downloads.sections(report)
    book = load_workbook(io.BytesIO(downloads.to_xlsx(parts)))
    titles = [p.title for p in parts]
    # the breakdown's chart follows the breakdown (no cover without a Cover)
    assert book.sheetnames == [*titles[:8], "下级分布图", *titles[8:]]
    for part in parts:
        sheet = book[part.title]
        got = [list(row) for row in sheet.iter_rows(values_only=True)]
        expected = [part.headers, *part.rows, *_totals(part)]
        as_dates = [[v.date() if isinstance(v, dt.datetime) else v for v in r] for r in got]
        assert as_dates == expected, part.title
        assert all(cell.font.bold for cell in sheet[1]) and sheet.freeze_panes == "A2"
    info = book["报告信息"]
    assert info["B5"].number_format == "yyyy-mm-dd"
    assert book["联合活动"]["B3"].number_format == "#,##0"  # 4500
    # wide enough for the Chinese header (two units a character) and the longest value
    assert book["诉求办理"].column_dimensions["A"].width == 2 * len("解决用时中位数（小时）") + 2


def test_the_totals_rows_add_up_the_breakdown_and_the_brands(report: PartnershipReport) -> None:
    book = load_workbook(io.BytesIO(downloads.to_xlsx(downloads.sections(report))))
    rows = list(book["下级分布"].iter_rows(values_only=True))
    assert len(rows) == 1 + 3 + 1
    # pairs, activities, participants, youth, appeals, money add up; distinct social
    # organisations and medians do not, and stay empty
    assert list(rows[-1]) == ["合计", None, None, 3, 3, 0, None, 30, 3, 4500, 300, 9, 6, None,
                              15000]  # fmt: skip
    # the same as the report's totals (the statement counts every unit once)
    assert (rows[-1][7], rows[-1][9], rows[-1][11], rows[-1][14]) == (
        report.activities.activities, report.activities.participants, report.appeals.raised,
        report.funding.amount,
    )  # fmt: skip
    brands = list(book["项目品牌"].iter_rows(values_only=True))
    assert list(brands[-1]) == ["合计", 30, 3, 4500, 300]
    assert all(c.font.bold for c in book["项目品牌"][len(brands)])
    # no totals where rows do not add up (figures, partners)
    assert "合计" not in [r[0] for r in book["主要合作伙伴"].iter_rows(values_only=True)]


def test_every_table_has_borders_and_prints_landscape_fitted_to_width(
    report: PartnershipReport,
) -> None:
    book = load_workbook(io.BytesIO(downloads.to_xlsx(downloads.sections(report))))
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert (setup.orientation, setup.paperSize, setup.fitToWidth) == ("landscape", 9, 1)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        if sheet.title != "下级分布图":
            assert sheet.print_title_rows == "$1:$1", sheet.title  # the header on every page
            assert setup.fitToHeight == 0  # as many pages down as it takes
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.border.left.style == "thin", (sheet.title, cell.coordinate)
                    assert cell.border.bottom.style == "thin", (sheet.title, cell.coordinate)
        assert "第 &P 页" in (sheet.oddFooter.center.text or "")


def test_the_chart_shows_the_breakdown_by_unit(report: PartnershipReport) -> None:
    book = load_workbook(io.BytesIO(downloads.to_xlsx(downloads.sections(report))))
    charts = book["下级分布图"]._charts
    assert len(charts) == 1
    chart = charts[0]
    assert chart.type == "col"
    refs = [series.val.numRef.f for series in chart.series]
    # activities, joint activities and appeals raised of the three units; not the 合计 row
    assert refs == ["'下级分布'!$H$2:$H$4", "'下级分布'!$I$2:$I$4", "'下级分布'!$L$2:$L$4"]
    assert [s.tx.strRef.f for s in chart.series] == [
        "'下级分布'!H1",
        "'下级分布'!I1",
        "'下级分布'!L1",
    ]
    assert chart.series[0].cat.numRef.f == "'下级分布'!$B$2:$B$4"  # the units by name


def test_the_cover_names_the_report_the_period_the_issuer_and_the_day(
    report: PartnershipReport,
) -> None:
    settings = Settings(report_title="任城区团组织联建共建报告", report_issuer="共青团任城区委员会")
    page = downloads.cover(report, settings, made=dt.date(2022, 1, 5))
    parts = downloads.sections(report)
    book = load_workbook(io.BytesIO(downloads.to_xlsx(parts, page)))
    assert book.sheetnames[0] == "封面" and book.active.title == "封面"
    assert book.sheetnames[1:] == [*[p.title for p in parts[:8]], "下级分布图", parts[8].title]
    sheet = book["封面"]
    assert sheet["B2"].value == "任城区团组织联建共建报告"
    assert sheet["B3"].value == "古槐街道网格团委　2021年1月1日至2021年12月31日"
    pairs = {r[1]: r[2] for r in sheet.iter_rows(min_row=4, values_only=True) if r[1] and r[2]}
    assert pairs["组织名称"] == "古槐街道网格团委" and pairs["组织类型"] == "镇街网格团委"
    assert pairs["报告期间"] == "2021-01-01 至 2021-12-31"
    assert pairs["发布单位"] == "共青团任城区委员会"
    assert pairs["制表日期"] == "2022-01-05"
    assert (pairs["活动总数"], pairs["资金（元）"], pairs["提出诉求"]) == (30, 15000, 9)
    toc = [r[1] for r in sheet.iter_rows(values_only=True) if r[1] and r[1][:1].isdigit()]
    assert toc == [f"{n}. {p.title}" for n, p in enumerate(parts, 1)]
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToHeight == 1


def test_the_file_name_is_ascii_and_chinese(report: PartnershipReport) -> None:
    disposition = downloads._file_name(report, "xlsx")
    ascii_name, chinese = disposition.split("; filename*=UTF-8''")
    assert ascii_name == 'attachment; filename="partnership-RC-T01-2021-01-01-2021-12-31.xlsx"'
    assert unquote(chinese) == "古槐街道网格团委合作共建报告-2021-01-01-2021-12-31.xlsx"


def test_cjk_characters_are_two_units_wide() -> None:
    assert downloads._width("ab") == 2
    assert downloads._width("合计") == 4
    assert downloads._width(dt.date(2021, 1, 1)) == 10


def test_query_parameters() -> None:
    assert downloads._date(None, "from") is None and downloads._date("", "to") is None
    assert downloads._date("2021-06-30", "to") == dt.date(2021, 6, 30)
    assert downloads._top(None) == reports.DEFAULT_TOP == 10
    assert downloads._top("20") == 20
    with pytest.raises(BadUserInput) as bad_date:
        downloads._date("2021-13-01", "from")
    assert bad_date.value.field == "from"
    with pytest.raises(BadUserInput) as bad_top:
        downloads._top("many")
    assert (bad_top.value.message, bad_top.value.field) == ("top must be a whole number", "top")


FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


@pytest.mark.parametrize("name", FORMULAS)
def test_a_name_a_spreadsheet_would_run_is_written_as_text(name: str) -> None:
    """OWASP CSV injection: a partner named like a formula stays text in both files."""
    row = {
        **ROW,
        "topPartners": [
            {**ROW["topPartners"][0], "partner": _record("SO-9", name, "SocialOrganization")}
        ],
    }
    report = build(PartnershipReport, reports.report(row, FIRST, LAST))
    parts = downloads.sections(report)
    rows = list(csv.reader(io.StringIO(downloads.to_csv(parts).decode("utf-8-sig"))))
    assert ["'" + name] == [cell for r in rows for cell in r if cell.endswith(name.lstrip())][:1]
    book = load_workbook(io.BytesIO(downloads.to_xlsx(parts)))
    cells = [
        c
        for sheet in book
        for r in sheet.iter_rows()
        for c in r
        if isinstance(c.value, str) and c.value.endswith(name.strip())  # XML folds a \r
    ]
    assert cells and all(c.data_type == "s" for c in cells)  # text, never a formula


def test_the_cover_keeps_a_formula_like_organisation_name_as_text() -> None:
    row = {**ROW, "organization": _record("RC-T01", "=1+1", "Organization", "TownCommittee")}
    report = build(PartnershipReport, reports.report(row, FIRST, LAST))
    page = downloads.cover(report, Settings(), made=dt.date(2022, 1, 5))
    book = load_workbook(io.BytesIO(downloads.to_xlsx(downloads.sections(report), page)))
    cells = [c for r in book["封面"].iter_rows() for c in r if c.value == "=1+1"]
    assert cells and all(c.data_type == "s" for c in cells)  # text, never a formula
