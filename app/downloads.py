"""Downloads of the partnership report: GET /reports/partnership.csv and /reports/partnership.xlsx.

They take the GraphQL field's arguments as query parameters (orgId, from, to, top) and the same
bearer token, and call the same function (resolvers/reports.py), so a file shows exactly the
numbers of the GraphQL report. Errors are the GraphQL vocabulary as JSON with an HTTP status.

Layout: one section per part of the report (report info, co-building, linkage, activities,
brands, appeals, funding, breakdown, top partners), each a table with Chinese headers. The XLSX
has one sheet per section; the CSV (UTF-8 with a BOM, so that Excel reads the Chinese) has the
sections one after another, each under a title row 【…】 and followed by an empty row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from app.auth import principal_from_header
from core.errors import ApiError, BadUserInput, Unauthenticated
from core.settings import Settings
from core.vocabulary import OrgKind
from graph.driver import Database
from graph.reports import DEFAULT_TOP
from graph.scope import scope_for
from resolvers.reports import partnership_report
from schema.report import PartnershipReport

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


def _cell(value: Any) -> Any:
    return "" if value is None else value.isoformat() if isinstance(value, dt.date) else value


def to_csv(parts: list[Section]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, as Excel writes it
    for part in parts:
        writer.writerow([f"【{part.title}】"])
        writer.writerow(part.headers)
        writer.writerows([_cell(v) for v in row] for row in part.rows)
        writer.writerow([])
    return out.getvalue().encode("utf-8-sig")


def _width(value: Any) -> int:
    """Display width in Excel's character units: CJK characters take two."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def to_xlsx(parts: list[Section]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for part in parts:
        sheet = book.create_sheet(part.title)
        sheet.append(part.headers)
        for row in part.rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "A2"
        for index, header in enumerate(part.headers, 1):
            cells = [header, *(row[index - 1] for row in part.rows if row[index - 1] is not None)]
            width = max(_width(v) for v in cells)
            sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, 60)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
                elif isinstance(cell.value, int) and abs(cell.value) >= 1000:
                    cell.number_format = "#,##0"
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
        return DEFAULT_TOP
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
    render: Callable[[list[Section]], bytes],
) -> Endpoint:
    async def download(request: Request) -> Response:
        params = request.query_params
        try:
            principal = principal_from_header(settings, request.headers.get("authorization"))
            if principal is None:
                raise Unauthenticated("partnership reports need a bearer token")
            db = database()
            report = await partnership_report(
                db,
                principal,
                await scope_for(db, principal),
                params.get("orgId"),
                _date(params.get("from"), "from"),
                _date(params.get("to"), "to"),
                _top(params.get("top")),
            )
        except ApiError as error:
            return _error(error)
        except Exception:  # as GraphQL does: logged here, nothing of it reaches the client
            log.exception("partnership report download failed")
            return _error(ApiError("Internal error"))
        return Response(
            render(sections(report)),
            media_type=media_type,
            headers={
                "Content-Disposition": _file_name(report, extension),
                "Cache-Control": "no-store",  # a report for one caller's token
            },
        )

    return download


def partnership_csv(database: Callable[[], Database], settings: Settings) -> Endpoint:
    return _endpoint(database, settings, "csv", "text/csv; charset=utf-8", to_csv)


def partnership_xlsx(database: Callable[[], Database], settings: Settings) -> Endpoint:
    return _endpoint(database, settings, "xlsx", XLSX_TYPE, to_xlsx)
