"""Bringing data in and out: templates, imports (CLI and `POST /imports`), their reports, and
exports of the lists as XLSX or CSV with the templates' Chinese headers.

HTTP (a bearer token on each):
- `GET /imports/templates/{kind}.xlsx` the template of a kind (data sheet, example row, 说明 sheet);
- `POST /imports` multipart: `file`, `kind`, `dryRun` (true/false) → 202 `{importId}`; the import
  runs in the background: `GET /imports/{id}` its progress and, once done, its result (the
  row-level report), `GET /imports/{id}/report.xlsx` the file with the offending cells marked;
- `GET /exports/{kind}.xlsx|.csv?under=…&search=…` a list in the caller's scope, with the list's
  filters, masked as in GraphQL; cells that a spreadsheet would run as a formula are written as
  text (also `youth-matrix export KIND`).
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import logging
import time
import typing
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import strawberry
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
from rich.progress import Progress as Bar
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.auth import principal_from_header
from core.errors import ApiError, BadUserInput, NotFound, Unauthenticated
from core.ids import graph_id
from core.imports import (
    ENUM,
    ENUMS,
    EXAMPLE_PREFIX,
    EXPORTS,
    FORMULA_STARTS,
    Kind,
    UnreadableFile,
    cell_text,
    enum_code,
    parse_date,
    parse_datetime,
    read_table,
)
from core.principal import Principal
from core.settings import Settings
from core.vocabulary import Labelled
from graph.datasets import is_empty
from graph.driver import Database
from graph.scope import Scope, scope_for
from resolvers.context import Context
from resolvers.imports import ImportResult, export_rows, import_table, kind_of
from schema.filters import FILTERS
from schema.mapping import snake
from schema.selection import ID_FILTERS

log = logging.getLogger("youth_matrix.imports")

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STATUS = {"BAD_USER_INPUT": 400, "UNAUTHENTICATED": 401, "FORBIDDEN": 403, "NOT_FOUND": 404}
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
ERROR_FILL = PatternFill("solid", fgColor="FF9999")
MAX_UPLOAD = 50 * 1024 * 1024


# -- templates ---------------------------------------------------------------------------------


def template_xlsx(kind: Kind) -> bytes:
    """A data sheet (the headers, required ones shaded, an example row whose key starts with
    示例 so that it is never imported) and a sheet 说明 explaining each column and its codes."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = kind.title
    sheet.append(kind.headers)
    example = [
        f"{EXAMPLE_PREFIX}-{c.example}" if c.field == "id" else c.example for c in kind.columns
    ]
    sheet.append(example)
    for index, column in enumerate(kind.columns, 1):
        cell = sheet.cell(1, index)
        cell.font = Font(bold=True)
        cell.fill = REQUIRED_FILL if column.required else HEADER_FILL
        sheet.cell(2, index).font = Font(italic=True, color="808080")
        sheet.cell(2, index).data_type = "s"
        sheet.column_dimensions[get_column_letter(index)].width = max(14, len(column.header) * 3)
    sheet.freeze_panes = "A2"
    notes = book.create_sheet("说明")
    notes.append(["列名", "必填", "内容与格式", "可选值（中文或代码均可）", "示例"])
    for column in kind.columns:
        codes = ""
        if column.type in (ENUM, ENUMS) and column.enum is not None:
            codes = "；".join(f"{m.label}（{m.name}）" for m in column.enum)
        form = {
            "date": "日期 YYYY-MM-DD",
            "datetime": "时间 YYYY-MM-DD HH:MM",
            "int": "整数",
            "id_number": "18位身份证号",
            "mobile": "11位手机号",
        }.get(column.type, "")
        what = "；".join(filter(None, [form, column.note]))
        notes.append([column.header, "是" if column.required else "", what, codes, column.example])
    notes.append([])
    for line in (
        "第一行为列名，请勿修改；编号以“示例”开头的行不会导入。",
        "再次导入同一编号即更新该记录；空白单元格不清除已有内容。",
        "整个文件全部导入或全部不导入：任何一行有误，均不写入，并返回逐行错误报告。",
        "可先选择“试导入”（dry run）检查文件。支持 XLSX 与 CSV（UTF-8 或 GB18030）。",
        *kind.notes,
    ):
        notes.append([line])
    for cell in notes[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for letter, width in zip("ABCDE", (16, 6, 50, 60, 24), strict=True):
        notes.column_dimensions[letter].width = width
    for row in notes.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return _save(book)


def _save(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# -- reports of an import ----------------------------------------------------------------------


def report_xlsx(result: ImportResult, content: bytes | None, file_name: str) -> bytes:
    """The row-level report: a sheet 错误报告 (row, column, value, what is wrong in Chinese and
    English) and, for an XLSX upload, the uploaded sheet with each offending cell filled red and
    commented."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "错误报告"
    sheet.append(["行号", "列名", "单元格内容", "错误说明", "Problem"])
    for p in result.problems:
        sheet.append([p.row, p.column or "", _safe(p.value), p.message, p.message_en])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for letter, width in zip("ABCDE", (8, 16, 24, 40, 50), strict=True):
        sheet.column_dimensions[letter].width = width
    if content is not None and file_name.lower().endswith(".xlsx"):
        marked = load_workbook(io.BytesIO(content))
        data = marked.worksheets[0]
        headers = {str(c.value).strip(): c.column for c in data[1] if c.value is not None}
        for p in result.problems:
            column = headers.get(p.column or "")
            if p.row < 1 or column is None:
                continue
            cell = data.cell(p.row, column)
            cell.fill = ERROR_FILL
            cell.comment = Comment(f"{p.message}\n{p.message_en}", "youth-matrix")
        copy = book.create_sheet("标注")
        for row in data.iter_rows(values_only=True):
            copy.append([_safe(v) if isinstance(v, str) else v for v in row])
        for p in result.problems:
            column = headers.get(p.column or "")
            if p.row >= 1 and column is not None:
                cell = copy.cell(p.row, column)
                cell.fill = ERROR_FILL
                cell.comment = Comment(f"{p.message}\n{p.message_en}", "youth-matrix")
    return _save(book)


# -- exports -----------------------------------------------------------------------------------


def _safe(text: str) -> str:
    """Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets an apostrophe
    (CSV injection); imports take it off again."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def export_filters(kind: Kind, given: Mapping[str, str]) -> dict[str, Any]:
    """The list's filters from text (query parameters, the CLI's --filter): the names and types of
    the GraphQL list's filter input (schema/filters.py), snake_case or camelCase; codes or their
    Chinese labels; dates YYYY-MM-DD (a time from a date: its midnight); ids as keys (RC-T01) or
    global ids; lists comma-separated. `archived=false` and an empty search filter nothing, as in
    GraphQL."""
    hints = typing.get_type_hints(FILTERS[kind.label])
    filters: dict[str, Any] = {}
    for key, text in given.items():
        name = snake(key)
        if name not in hints:
            raise BadUserInput(f"unknown filter {key!r}; one of {', '.join(hints)}", key)
        value = _filter_value(name, hints[name], text.strip(), key)
        if value is not None and not (name == "archived" and value is False):
            filters[name] = value
    return filters


def _filter_value(name: str, hint: Any, text: str, key: str) -> Any:
    (of,) = [arg for arg in typing.get_args(hint) if arg is not type(None)] or [hint]
    if not text:
        return None
    if typing.get_origin(of) is list:
        (item,) = typing.get_args(of)
        return [_filter_value(name, item, part.strip(), key) for part in text.split(",")]
    wrong = f"filter {key}: {text!r} is not "
    if of is bool:
        if text.lower() not in ("true", "false", "1", "0"):
            raise BadUserInput(wrong + "true or false", key)
        return text.lower() in ("true", "1")
    if of is int:
        if not text.lstrip("-").isdigit():
            raise BadUserInput(wrong + "a whole number", key)
        return int(text)
    if of in (dt.date, dt.datetime):
        moment = (parse_date if of is dt.date else parse_datetime)(text)
        if moment is None:
            raise BadUserInput(wrong + "a date (YYYY-MM-DD)", key)
        return moment
    if isinstance(of, type) and issubclass(of, Labelled):
        code = enum_code(of, text)
        if code is None:
            choices = ", ".join(f"{m.value} ({m.label})" for m in of)
            raise BadUserInput(wrong + f"one of {choices}", key)
        return code
    if of is strawberry.ID:  # a key, or the global id GraphQL takes
        label = ID_FILTERS[name]
        try:
            return graph_id(text, label, key)
        except BadUserInput:
            return text
    return text


def export_table(kind: Kind, rows: list[dict[str, Any]]) -> list[list[str]]:
    return [kind.headers] + [
        [_safe(cell_text(c, row.get(c.field))) for c in kind.columns] for row in rows
    ]


def to_csv(table: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(table)
    return out.getvalue().encode("utf-8-sig")


async def export_file(
    ctx: Context, kind_name: str, extension: str, given: Mapping[str, str]
) -> bytes:
    """A list of the caller's scope as CSV (UTF-8 with a BOM) or XLSX: `GET /exports/…` and
    `youth-matrix export`."""
    kind = kind_of(kind_name, EXPORTS)
    if extension not in ("csv", "xlsx"):
        raise NotFound("exports are .csv or .xlsx", "format")
    table = export_table(kind, await export_rows(ctx, kind.name, export_filters(kind, given)))
    if ctx.personal_reads:
        log.info(
            "personal data exported",
            extra={"account": ctx.caller().account, "reads": len(ctx.personal_reads)},
        )
    return to_csv(table) if extension == "csv" else to_xlsx(kind, table)


def to_xlsx(kind: Kind, table: list[list[str]]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(kind.title)
    for index, column in enumerate(kind.columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = max(14, len(column.header) * 3)
    for row in table:
        sheet.append(row)  # text cells only: openpyxl writes a string as a string, never a formula
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# -- the CLI -----------------------------------------------------------------------------------


def cli_template(kind_name: str, out: str | None) -> str:
    kind = kind_of(kind_name)
    path = out or f"{kind.name}-template.xlsx"
    with open(path, "wb") as file:
        file.write(template_xlsx(kind))
    return path


async def cli_import(
    ctx: Context,
    path: str,
    kind_name: str,
    dry_run: bool,
    timeout: float,
    report_path: str | None,
) -> ImportResult:
    """An import with a rich progress bar; the report as text, and as XLSX when asked."""
    with open(path, "rb") as file:
        content = file.read()
    console = Console(stderr=True)
    with Bar(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=False,
    ) as bar:
        tasks: dict[str, Any] = {}

        def progress(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(
                    {"check": "检查", "compare": "比对", "write": "写入"}.get(step, step),
                    total=total,
                )
            bar.update(tasks[step], completed=done, total=total)

        table = read_table(content, path)
        result = await import_table(ctx, kind_name, table, dry_run, progress, timeout)
    if report_path and result.problems:
        with open(report_path, "wb") as out:
            out.write(report_xlsx(result, content, path))
    return result


def describe(result: ImportResult) -> str:
    lines = [
        f"{result.kind}: {result.rows} rows; created {result.created}, updated {result.updated},"
        f" unchanged {result.unchanged}; "
        + (
            "written"
            if result.written
            else "dry run"
            if result.dry_run and result.ok
            else "nothing written"
        )
    ]
    for p in result.problems[:200]:
        lines.append(f"  row {p.row} [{p.column or ''}] {p.value!r}: {p.message} / {p.message_en}")
    if len(result.problems) > 200:
        lines.append(f"  … and {len(result.problems) - 200} more problems")
    return "\n".join(lines)


# -- HTTP --------------------------------------------------------------------------------------


@dataclass
class Job:
    id: str
    account: str
    kind: str
    file_name: str
    dry_run: bool
    content: bytes
    step: str = "queued"
    done: int = 0
    total: int = 0
    result: ImportResult | None = None
    error: dict[str, Any] | None = None
    started: float = field(default_factory=time.time)
    task: asyncio.Task[None] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "importId": self.id,
            "kind": self.kind,
            "fileName": self.file_name,
            "dryRun": self.dry_run,
            "state": "failed" if self.error else "done" if self.result else "running",
            "progress": {"step": self.step, "done": self.done, "total": self.total},
            "result": self.result.as_dict() if self.result else None,
            "error": self.error,
        }


JOBS: dict[str, Job] = {}
KEEP_JOBS = 200


def _error(error: ApiError) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if error.code == "UNAUTHENTICATED" else None
    return JSONResponse(
        {"errors": [{"message": error.message, "extensions": error.extensions}]},
        STATUS.get(error.code, 500),
        headers=headers,
    )


Endpoint = Callable[[Request], Awaitable[Response]]


def routes(database: Callable[[], Database], settings: Settings) -> list[Route]:
    """The routes of imports, templates and exports (app/asgi.py adds them)."""

    async def context(request: Request) -> Context:
        principal = principal_from_header(settings, request.headers.get("authorization"))
        if principal is None:
            raise Unauthenticated("imports and exports need a bearer token")
        db = database()
        scope = await scope_for(db, principal)
        return Context.create(db, settings, principal, scope, uuid.uuid4().hex)

    def guarded(handler: Callable[[Request], Awaitable[Response]]) -> Endpoint:
        async def endpoint(request: Request) -> Response:
            try:
                return await handler(request)
            except ApiError as error:
                return _error(error)
            except Exception:
                log.exception("import/export request failed")
                return _error(ApiError("Internal error"))

        return endpoint

    async def template(request: Request) -> Response:
        await context(request)
        kind = kind_of(request.path_params["kind"])
        return Response(
            template_xlsx(kind),
            media_type=XLSX_TYPE,
            headers={"Content-Disposition": f'attachment; filename="{kind.name}-template.xlsx"'},
        )

    async def start(request: Request) -> Response:
        ctx = await context(request)
        form = await request.form(max_part_size=MAX_UPLOAD)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise BadUserInput("send the file as the multipart field `file`", "file")
        kind = kind_of(str(form.get("kind") or ""))
        dry_run = str(form.get("dryRun") or "false").lower() in ("1", "true", "yes")
        content = await upload.read()
        principal = ctx.caller()
        job = Job(
            uuid.uuid4().hex[:16],
            principal.account,
            kind.name,
            upload.filename or "upload",
            dry_run,
            content,
        )
        if len(JOBS) >= KEEP_JOBS:
            JOBS.pop(next(iter(JOBS)))
        JOBS[job.id] = job

        def progress(step: str, done: int, total: int) -> None:
            job.step, job.done, job.total = step, done, total

        async def run() -> None:
            try:
                table = read_table(job.content, job.file_name)
                job.result = await import_table(
                    ctx, job.kind, table, job.dry_run, progress, settings.setup_timeout
                )
            except UnreadableFile as exc:
                job.error = {"message": str(exc), "code": "BAD_USER_INPUT", "field": "file"}
            except ApiError as error:
                job.error = {"message": error.message, **error.extensions}
            except Exception:
                log.exception("import %s failed", job.id)
                job.error = {"message": "Internal error", "code": "INTERNAL"}

        job.task = asyncio.create_task(run())
        return JSONResponse({"importId": job.id, "status": f"/imports/{job.id}"}, 202)

    def job_of(request: Request, account: str) -> Job:
        job = JOBS.get(request.path_params["id"])
        if job is None or job.account != account:
            raise NotFound("no such import", "id")
        return job

    async def status(request: Request) -> Response:
        ctx = await context(request)
        return JSONResponse(job_of(request, ctx.caller().account).as_dict())

    async def report(request: Request) -> Response:
        ctx = await context(request)
        job = job_of(request, ctx.caller().account)
        if job.result is None:
            raise BadUserInput("the import has no result yet", "id")
        return Response(
            report_xlsx(job.result, job.content, job.file_name),
            media_type=XLSX_TYPE,
            headers={"Content-Disposition": f'attachment; filename="import-{job.id}-report.xlsx"'},
        )

    async def export(request: Request) -> Response:
        ctx = await context(request)
        name, extension = request.path_params["kind"], request.path_params["format"]
        body = await export_file(ctx, name, extension, dict(request.query_params))
        return Response(
            body,
            media_type=XLSX_TYPE if extension == "xlsx" else "text/csv; charset=utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="{name}.{extension}"',
                "Cache-Control": "no-store",
            },
        )

    return [
        Route("/imports/templates/{kind}.xlsx", guarded(template)),
        Route("/imports", guarded(start), methods=["POST"]),
        Route("/imports/{id}", guarded(status)),
        Route("/imports/{id}/report.xlsx", guarded(report)),
        Route("/exports/{kind}.{format:str}", guarded(export)),
    ]


async def cli_run(
    settings: Settings,
    db: Database,
    path: str,
    kind: str,
    dry_run: bool,
    principal: Principal,
    report: str | None,
) -> int:
    """`youth-matrix import FILE --kind KIND [--dry-run] [--report R.xlsx]`, acting for
    `--role`/`--org` (default: the district centre): prints the report, 1 if it has problems."""
    # An empty database has no organisation a token could name: the first import (the centre
    # and the towns) runs with the district's rights.
    scope = Scope(everything=True, account=principal.account)
    if not await is_empty(db):
        scope = await scope_for(db, principal)
    ctx = Context.create(db, settings, principal, scope, uuid.uuid4().hex)
    result = await cli_import(ctx, path, kind, dry_run, settings.setup_timeout, report)
    print(describe(result))
    return 0 if result.ok else 1


async def cli_export(
    settings: Settings,
    db: Database,
    kind: str,
    path: str,
    filters: list[str],
    principal: Principal,
) -> str:
    """`youth-matrix export KIND [--out F.xlsx|F.csv] [--filter NAME=VALUE …]`, in the scope of
    `--role`/`--org` (default: the district centre), masked as GraphQL masks it."""
    given: dict[str, str] = {}
    for item in filters:
        name, sep, value = item.partition("=")
        if not sep:
            raise BadUserInput(f"--filter {item!r}: give NAME=VALUE", "filter")
        given[name.strip()] = value
    ctx = Context.create(db, settings, principal, await scope_for(db, principal), uuid.uuid4().hex)
    body = await export_file(ctx, kind, path.rpartition(".")[2].lower(), given)
    with open(path, "wb") as file:
        file.write(body)
    return path
