"""Downloads of the partnership report: GET /reports/partnership.csv and /reports/partnership.xlsx.

They take the GraphQL field's arguments as query parameters (orgId, from, to, top) and the same
bearer token, call the same function (resolvers/reports.py) with the same request Context, and
map its result with the same mapping to the same types (schema/reports.py), so a file shows
exactly the numbers of the GraphQL report. Errors are the GraphQL vocabulary as JSON with an HTTP
status.

Layout: one section per part of the report (report info, co-building, linkage, activities,
brands, appeals, funding, breakdown, top partners), each a table with Chinese headers. The CSV
(UTF-8 with a BOM, so that Excel reads the Chinese) has the sections one after another, each
under a title row 【…】 and followed by an empty row. The XLSX is a report an office can file: a
cover sheet (封面: title, organisation, period, issuing unit, the day it was made, the main
figures), then one sheet per section with borders and a 合计 row where rows add up, a bar chart
of the breakdown (下级分布图), and every sheet set up to print: A4 landscape, fitted to the
width, the header row repeated on each page, the report's title and page numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import unicodedata
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from app.auth import principal_from_header
from app.logging import request_id
from core.errors import ApiError, BadUserInput, Unauthenticated
from core.settings import Settings
from core.vocabulary import OrgKind
from graph.driver import Database
from graph.scope import scope_for
from resolvers import reports
from resolvers.context import Context
from schema.mapping import build
from schema.reports import PartnershipReport

log = logging.getLogger("youth_matrix.downloads")

Endpoint = Callable[[Request], Awaitable[Response]]

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STATUS = {
    "BAD_USER_INPUT": 400, "UNAUTHENTICATED": 401, "FORBIDDEN": 403, "NOT_FOUND": 404,
    "SERVICE_UNAVAILABLE": 503, "TIMEOUT": 503,
}  # fmt: skip
DIRECT = "本级"  # the breakdown row of the organisation itself
BREAKDOWN_HEADERS = [
    "组织编号", "组织名称", "类型", "在建结对", "新建结对", "解除结对", "链接社会组织", "活动数",
    "联合活动数", "参与人次", "服务青少年人次", "提出诉求", "已解决", "解决用时中位数（小时）",
    "资金（元）",
]  # fmt: skip
PARTNER_HEADERS = [
    "排名", "编号", "名称", "类型", "联合活动数", "参与人次", "服务青少年人次", "承接诉求",
    "共建网格团支部",
]  # fmt: skip


@dataclass
class Section:
    title: str  # the sheet's name (≤ 31 characters) and the CSV's title row
    headers: list[str]
    rows: list[list[Any]]
    # The columns (0-based) whose rows add up: the XLSX ends the table with a 合计 row of their
    # sums. Distinct counts and medians do not add up and are left out.
    totals: tuple[int, ...] = ()


TOTAL = "合计"
# 下级分布: the columns that add up (pairs, activities, participants, appeals, money), and
# those the chart shows (activities, joint activities, appeals raised).
BREAKDOWN_TOTALS = (3, 4, 5, 7, 8, 9, 10, 11, 12, 14)
BREAKDOWN_CHART = (7, 8, 11)


def _kind_label(org: Any) -> str:
    return next((k.label for k in OrgKind if k.value in org.labels), "")


def _figures(title: str, pairs: list[tuple[str, Any]]) -> Section:
    return Section(title, ["指标", "数值"], [[name, value] for name, value in pairs])


def sections(report: PartnershipReport) -> list[Section]:
    """The report as tables: the one layout both file formats write."""
    org, cb, ln, ac, ap, fu = (
        report.organization,
        report.co_building,
        report.linkage,
        report.activities,
        report.appeals,
        report.funding,
    )
    return [
        Section(
            "报告信息",
            ["项目", "内容"],
            [
                ["组织名称", org.name],
                ["组织编号", org.key],
                ["组织类型", _kind_label(org)],
                ["起始日期", report.from_],
                ["截止日期", report.to],
            ],
        ),
        _figures(
            "联建共建",
            [
                ("在建结对数", cb.pairs_active),
                ("新建结对数", cb.pairs_new),
                ("解除结对数", cb.pairs_ended),
                ("参与结对的行业团工委", cb.committees),
                ("参与结对的网格团支部", cb.grid_branches),
            ],
        ),
        _figures(
            "资源链接",
            [
                ("链接社会组织", ln.social_organizations),
                ("新链接社会组织", ln.social_organizations_new),
                ("社会化工作者", ln.social_workers),
            ],
        ),
        _figures(
            "联合活动",
            [
                ("活动总数", ac.activities),
                ("参与人次", ac.participants),
                ("服务青少年人次", ac.youth_served),
                ("联合活动数", ac.joint_activities),
                ("联合活动参与人次", ac.joint_participants),
                ("联合活动服务青少年人次", ac.joint_youth_served),
            ],
        ),
        Section(
            "项目品牌",
            ["项目品牌", "活动数", "联合活动数", "参与人次", "服务人次"],
            [
                [b.brand.label, b.activities, b.joint_activities, b.participants, b.youth_served]
                for b in report.brands
            ],
            totals=(1, 2, 3, 4),
        ),
        _figures(
            "诉求办理",
            [
                ("提出诉求", ap.raised),
                ("已解决（含已办结）", ap.resolved),
                ("待处理", ap.open),
                ("办理中（含已转介）", ap.in_progress),
                ("已驳回", ap.rejected),
                ("转介社会组织", ap.referred),
                ("解决用时中位数（小时）", ap.median_resolution_hours),
            ],
        ),
        Section(
            "资金",
            ["资金来源", "资金笔数", "金额（元）"],
            [[s.source.label, s.funds, s.amount] for s in fu.by_source]
            + [["合计", fu.funds, fu.amount]],
        ),
        Section(
            "下级分布",
            BREAKDOWN_HEADERS,
            [
                [
                    r.organization.key,
                    r.organization.name,
                    DIRECT if r.direct else _kind_label(r.organization),
                    r.pairs_active,
                    r.pairs_new,
                    r.pairs_ended,
                    r.social_organizations,
                    r.activities,
                    r.joint_activities,
                    r.participants,
                    r.youth_served,
                    r.appeals_raised,
                    r.appeals_resolved,
                    r.median_resolution_hours,
                    r.funding,
                ]
                for r in report.breakdown
            ],
            totals=BREAKDOWN_TOTALS,
        ),
        Section(
            "主要合作伙伴",
            PARTNER_HEADERS,
            [
                [
                    rank,
                    p.partner.key,
                    p.partner.name,
                    p.kind.label,
                    p.joint_activities,
                    p.participants,
                    p.youth_served,
                    p.appeals_handled,
                    p.grid_branches,
                ]
                for rank, p in enumerate(report.top_partners, 1)
            ],
        ),
    ]


# A cell starting with one of these is a formula to a spreadsheet program (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: dates in ISO form, and text a spreadsheet would run as a formula
    made plain text by a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def text_cells(sheet: Any) -> None:
    """Keeps every text cell of a sheet text: openpyxl would store '=…' as a formula."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                cell.data_type = "s"


def to_csv(parts: list[Section]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, as Excel writes it
    for part in parts:
        writer.writerow([f"【{part.title}】"])
        writer.writerow(part.headers)
        writer.writerows([csv_cell(v) for v in row] for row in part.rows)
        writer.writerow([])
    return out.getvalue().encode("utf-8-sig")


def _width(value: Any) -> int:
    """Display width in Excel's character units: CJK characters take two."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@dataclass
class Cover:
    """What the cover sheet says: the title, whose report, for which days, who issues it and
    when it was made, and the main figures."""

    title: str
    organization: str
    key: str
    kind: str
    first: dt.date
    last: dt.date
    issuer: str
    made: dt.date
    figures: list[tuple[str, Any]]


SHANGHAI = ZoneInfo("Asia/Shanghai")


def cover(report: PartnershipReport, settings: Settings, made: dt.date | None = None) -> Cover:
    cb, ln, ac, ap, fu = (
        report.co_building,
        report.linkage,
        report.activities,
        report.appeals,
        report.funding,
    )
    return Cover(
        title=settings.report_title,
        organization=report.organization.name,
        key=report.organization.key,
        kind=_kind_label(report.organization),
        first=report.from_,
        last=report.to,
        issuer=settings.report_issuer,
        made=made or dt.datetime.now(SHANGHAI).date(),
        figures=[
            ("在建结对数", cb.pairs_active),
            ("链接社会组织", ln.social_organizations),
            ("社会化工作者", ln.social_workers),
            ("活动总数", ac.activities),
            ("联合活动数", ac.joint_activities),
            ("参与人次", ac.participants),
            ("服务青少年人次", ac.youth_served),
            ("提出诉求", ap.raised),
            ("已解决（含已办结）", ap.resolved),
            ("资金（元）", fu.amount),
        ],
    )


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


FONT = "Calibri"  # the workbook's default: bold cells in the same face
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
COVER = "封面"
CHART = "下级分布图"


def _print_setup(sheet: Worksheet, title: str, header_rows: str | None = "1:1") -> None:
    """A4 landscape, fitted to the page's width (as many pages down as it takes), the header
    row repeated on every page, the report's title above and page numbers below."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # 0: as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if header_rows:
        sheet.print_title_rows = header_rows
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(left=0.5, right=0.5, top=0.75, bottom=0.75)
    sheet.oddHeader.center.text = f"{title}　&A"
    sheet.oddHeader.center.size = 9
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.oddFooter.center.size = 9


def _number_formats(cells: Any) -> None:
    for cell in cells:
        if isinstance(cell.value, dt.date):
            cell.number_format = "yyyy-mm-dd"
        elif isinstance(cell.value, int) and abs(cell.value) >= 1000:
            cell.number_format = "#,##0"


def _table(book: Workbook, part: Section, title: str) -> Worksheet:
    sheet = book.create_sheet(part.title)
    sheet.append(part.headers)
    for row in part.rows:
        sheet.append(row)
    total_row: list[Any] = []
    if part.totals and part.rows:
        total_row = [None] * len(part.headers)
        total_row[0] = TOTAL
        for column in part.totals:
            total_row[column] = sum(row[column] or 0 for row in part.rows)
        sheet.append(total_row)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(name=FONT, bold=True)
            cell.fill = TOTAL_FILL
    text_cells(sheet)
    for cell in sheet[1]:
        cell.font = Font(name=FONT, bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in sheet.iter_rows(min_row=1, max_col=len(part.headers)):
        for cell in row:
            cell.border = BORDER
    sheet.freeze_panes = "A2"
    for index, header in enumerate(part.headers, 1):
        values = [row[index - 1] for row in [*part.rows, total_row] if len(row) >= index]
        cells = [header, *(v for v in values if v is not None)]
        width = max(_width(v) for v in cells)
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, 60)
    for row in sheet.iter_rows(min_row=2):
        _number_formats(row)
    _print_setup(sheet, title)
    return sheet


def _cover(book: Workbook, page: Cover, parts: list[Section]) -> None:
    sheet = book.create_sheet(COVER, 0)
    sheet.column_dimensions["A"].width = 4
    sheet.column_dimensions["B"].width = 24
    sheet.column_dimensions["C"].width = 44
    sheet.column_dimensions["D"].width = 4
    sheet.merge_cells("B2:C2")
    sheet["B2"] = page.title
    sheet["B2"].font = Font(name=FONT, bold=True, size=22)
    sheet["B2"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[2].height = 48
    sheet.merge_cells("B3:C3")
    sheet["B3"] = f"{page.organization}　{chinese_date(page.first)}至{chinese_date(page.last)}"
    sheet["B3"].font = Font(name=FONT, size=13)
    sheet["B3"].alignment = Alignment(horizontal="center")
    line = 5
    info = [
        ("组织名称", page.organization),
        ("组织编号", page.key),
        ("组织类型", page.kind),
        ("报告期间", f"{page.first.isoformat()} 至 {page.last.isoformat()}"),
        ("发布单位", page.issuer),
        ("制表日期", page.made.isoformat()),
    ]
    heading = Font(name=FONT, bold=True, size=13)
    for block, rows in (("基本信息", info), ("主要数据", page.figures)):
        sheet.cell(line, 2, block).font = heading
        line += 1
        for name, value in rows:
            label, cell = sheet.cell(line, 2, name), sheet.cell(line, 3, value)
            label.fill = HEADER_FILL
            label.font = Font(name=FONT, bold=True)
            cell.alignment = Alignment(horizontal="left")
            for c in (label, cell):
                c.border = BORDER
            _number_formats([cell])
            line += 1
        line += 1
    sheet.cell(line, 2, "目录").font = heading
    for number, part in enumerate(parts, 1):
        sheet.cell(line + number, 2, f"{number}. {part.title}")
    line += len(parts) + 2
    sheet.merge_cells(start_row=line, start_column=2, end_row=line, end_column=3)
    note = sheet.cell(
        line,
        2,
        "本报告由青春矩阵根据图数据库实时统计生成，仅含数量与金额，不含个人信息。"
        "统计口径见系统说明（README“Partnership reports”）。",
    )
    note.font = Font(name=FONT, size=9, color="606060")
    note.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[line].height = 30
    text_cells(sheet)
    _print_setup(sheet, page.title, header_rows=None)
    sheet.page_setup.fitToHeight = 1  # the cover is one page
    sheet.sheet_view.showGridLines = False


def _chart(book: Workbook, table: Worksheet, part: Section, title: str) -> None:
    """A column chart of the breakdown on a sheet of its own (the units by name)."""
    sheet = book.create_sheet(CHART, book.sheetnames.index(part.title) + 1)
    last = len(part.rows) + 1  # the 合计 row stays out
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = f"{part.title}：活动与诉求"
    chart.y_axis.title = "数量"
    chart.x_axis.title = "单位"
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    for column in BREAKDOWN_CHART:
        data = Reference(table, min_col=column + 1, min_row=1, max_row=last)
        chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(table, min_col=2, min_row=2, max_row=last))
    chart.legend.position = "b"
    chart.width = 27  # cm: an A4 landscape page's printable width
    chart.height = 16
    sheet.add_chart(chart, "A1")
    _print_setup(sheet, title, header_rows=None)
    sheet.page_setup.fitToHeight = 1


def to_xlsx(parts: list[Section], page: Cover | None = None) -> bytes:
    """One sheet per section (with a 合计 row where rows add up), the cover first when given,
    the breakdown's chart after the breakdown; every sheet set up to print."""
    book = Workbook()
    book.remove(book.active)
    title = page.title if page else "合作共建报告"
    for part in parts:
        table = _table(book, part, title)
        if part.totals == BREAKDOWN_TOTALS and part.rows:
            _chart(book, table, part, title)
    if page is not None:
        _cover(book, page, parts)
        book.active = 0
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _date(value: str | None, field: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise BadUserInput(f"{field} must be a date (YYYY-MM-DD)", field) from exc


def _top(value: str | None) -> int:
    if not value:
        return reports.DEFAULT_TOP
    try:
        return int(value)
    except ValueError as exc:
        raise BadUserInput("top must be a whole number", "top") from exc


def _error(error: ApiError) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if error.code == "UNAUTHENTICATED" else None
    return JSONResponse(
        {"errors": [{"message": error.message, "extensions": error.extensions}]},
        STATUS.get(error.code, 500),
        headers=headers,
    )


def _file_name(report: PartnershipReport, extension: str) -> str:
    """An ASCII name for every client, and the Chinese one (RFC 6266 filename*) for those
    that read it."""
    span = f"{report.from_.isoformat()}-{report.to.isoformat()}"
    key = re.sub(r"[^A-Za-z0-9_-]", "_", report.organization.key)
    ascii_name = f"partnership-{key}-{span}.{extension}"
    chinese = f"{report.organization.name}合作共建报告-{span}.{extension}"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(chinese)}"


def _endpoint(
    database: Callable[[], Database],
    settings: Settings,
    extension: str,
    media_type: str,
    render: Callable[[PartnershipReport], bytes],
) -> Endpoint:
    async def download(request: Request) -> Response:
        params = request.query_params
        try:
            principal = principal_from_header(settings, request.headers.get("authorization"))
            if principal is None:
                raise Unauthenticated("partnership reports need a bearer token")
            db = database()
            scope = await scope_for(db, principal)
            rid = request_id.get() or uuid.uuid4().hex
            ctx = Context.create(db, settings, principal, scope, rid)
            plain = await reports.partnership_report(
                ctx,
                params.get("orgId"),
                _date(params.get("from"), "from"),
                _date(params.get("to"), "to"),
                _top(params.get("top")),
            )
            report: PartnershipReport = build(PartnershipReport, plain)
        except ApiError as error:
            return _error(error)
        except Exception:  # as GraphQL does: logged here, nothing of it reaches the client
            log.exception("partnership report download failed")
            return _error(ApiError("Internal error"))
        return Response(
            render(report),
            media_type=media_type,
            headers={
                "Content-Disposition": _file_name(report, extension),
                "Cache-Control": "no-store",  # a report for one caller's token
            },
        )

    return download


def partnership_csv(database: Callable[[], Database], settings: Settings) -> Endpoint:
    def render(report: PartnershipReport) -> bytes:
        return to_csv(sections(report))

    return _endpoint(database, settings, "csv", "text/csv; charset=utf-8", render)


def partnership_xlsx(database: Callable[[], Database], settings: Settings) -> Endpoint:
    def render(report: PartnershipReport) -> bytes:
        return to_xlsx(sections(report), cover(report, settings))

    return _endpoint(database, settings, "xlsx", XLSX_TYPE, render)
