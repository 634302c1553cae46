"""Imports and exports: the columns of each kind of record, reading a table from an XLSX or CSV
file, and the checks of one row that need no database (required cells, codes or their Chinese
labels, dates, numbers, the GB 11643 identity number, mobile numbers, keys repeated in the file).

The same columns (their Chinese headers) serve the templates, the imports and the exports, so a
list exported and imported again changes nothing. References to other records (an organisation,
a grid, a youth, a social organisation) are resolved against the graph by resolvers/imports.py.
"""

from __future__ import annotations

import builtins
import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pytz
from openpyxl import load_workbook

from core.personal import id_birth_date, is_valid_id_number, is_valid_mobile
from core.vocabulary import (
    AppealCategory,
    AppealStatus,
    AssessmentGrade,
    AwardTitle,
    CadreSource,
    Difficulty,
    FundSource,
    Gender,
    Labelled,
    OrgKind,
    PositionType,
    Post,
    ProjectBrand,
    Sector,
    ServiceType,
    Skill,
    TrainingTopic,
    Urgency,
    VisitKind,
)

ZONE = pytz.timezone("Asia/Shanghai")
EXAMPLE_PREFIX = "示例"  # a row whose key starts with it is the template's example: skipped
LIST_SEPARATORS = re.compile(r"[、,，;；/]")
# A spreadsheet program runs a cell starting with one of these as a formula (CSV injection):
# exports write such text with a leading apostrophe, imports take the apostrophe off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Column types.
TEXT, INT, DATE, DATETIME, ENUM, ENUMS, ID_NUMBER, MOBILE = (
    "text",
    "int",
    "date",
    "datetime",
    "enum",
    "enums",
    "id_number",
    "mobile",
)
# References, resolved against the graph in the importer's scope.
REF_ORG, REF_GRID, REF_YOUTH, REF_SOCIAL = "ref_org", "ref_grid", "ref_youth", "ref_social"
REFS = (REF_ORG, REF_GRID, REF_YOUTH, REF_SOCIAL)
# Relations of the lists that are exported only (LISTS): the node a relation reaches (its key,
# or another property as the column's `part` says), the keys of the nodes it reaches
# (、-separated), or how many it reaches.
NODE, NODES, COUNT = "node", "nodes", "count"


@dataclass(frozen=True)
class Column:
    field: str  # the property (or, for a reference, the row field) it fills
    header: str  # the Chinese header of templates, imports and exports
    type: str = TEXT
    required: bool = False
    enum: builtins.type[Labelled] | None = None
    note: str = ""  # what the explanation sheet says of it
    example: str = ""
    # For references: the organisation kinds (OrgKind values) a referenced organisation may be.
    kinds: tuple[str, ...] = ()
    # For the relations of LISTS: the relation of graph/entities.py RELATIONS it follows, and
    # what it shows of the node reached ("name": its name or title, masked as GraphQL masks it)
    # or, for the relation of a kind's `each`, of the edge ("edge.amount").
    relation: str = ""
    part: str = "id"


@dataclass(frozen=True)
class Kind:
    name: str  # the CLI's and the API's name: `youth`
    label: str  # the graph label
    title: str  # Chinese, for sheet names and file names
    columns: tuple[Column, ...]
    # Columns whose values together identify a row (a cadre has one row per post).
    identity: tuple[str, ...] = ("id",)
    notes: tuple[str, ...] = ()
    # Exports of LISTS: a relation that gives one row per node it reaches (a fund's allocations).
    each: str = ""

    def column(self, field_name: str) -> Column:
        return next(c for c in self.columns if c.field == field_name)

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


def _key(example: str) -> Column:
    return Column(
        "id",
        "编号",
        required=True,
        example=example,
        note="记录的唯一编号（如网格信息系统中的编码）；再次导入同一编号即更新该记录",
    )


def _by_name(kinds: list[Kind]) -> dict[str, Kind]:
    return {k.name: k for k in kinds}


KINDS: dict[str, Kind] = _by_name(
    [
        Kind(
            "organizations",
            "Organization",
            "团组织",
            (
                _key("RC-T01-C01-B09"),
                Column("name", "名称", required=True, example="古槐街道西苑东社区第9网格团支部"),
                Column(
                    "kind",
                    "类型",
                    ENUM,
                    required=True,
                    enum=OrgKind,
                    note="镇街网格团委、村社区网格团总支、网格团支部或行业团工委"
                    "（青春格格服务管理中心仅在空库首次导入时）",
                    example="网格团支部",
                ),
                Column(
                    "parent",
                    "上级组织",
                    REF_ORG,
                    note="上级组织的编号或名称（须在您的管辖范围内，或为本文件中的组织）；"
                    "仅服务管理中心（空库首次导入时）留空",
                    example="RC-T01-C01",
                ),
                Column(
                    "sector",
                    "行业",
                    ENUM,
                    enum=Sector,
                    note="仅行业团工委填写",
                    example="",
                ),
                Column("establishedAt", "成立日期", DATE, example="2021-03-01"),
            ),
            notes=(
                "上级组织的层级须比本组织高一级：镇街网格团委隶属中心，村社区网格团总支隶属"
                "镇街网格团委，网格团支部隶属村社区网格团总支；行业团工委隶属中心或镇街。",
            ),
        ),
        Kind(
            "grids",
            "Grid",
            "网格",
            (
                _key("RC-T01-C01-G09"),
                Column("name", "名称", required=True, example="西苑东社区第9网格"),
                Column(
                    "community",
                    "所在社区",
                    REF_ORG,
                    required=True,
                    kinds=("CommunityBranch",),
                    note="村社区网格团总支的编号或名称",
                    example="RC-T01-C01",
                ),
                Column(
                    "branch",
                    "服务团支部",
                    REF_ORG,
                    kinds=("GridBranch",),
                    note="服务本网格的网格团支部（须属同一社区）；暂不具备建团条件的网格留空",
                    example="RC-T01-C01-B09",
                ),
                Column("youthCount", "青少年人数", INT, example="120"),
            ),
        ),
        Kind(
            "cadres",
            "Cadre",
            "网格团干部",
            (
                _key("CD-10001"),
                Column("name", "姓名", required=True, example="王晓明"),
                Column("source", "来源", ENUM, required=True, enum=CadreSource, example="网格员"),
                Column("phone", "手机号", MOBILE, example="13800001234"),
                Column("gender", "性别", ENUM, enum=Gender, example="男"),
                Column("birthDate", "出生日期", DATE, example="1995-06-01"),
                Column(
                    "org",
                    "任职组织",
                    REF_ORG,
                    required=True,
                    note="任职团组织的编号或名称",
                    example="RC-T01-C01-B09",
                ),
                Column("post", "职务", ENUM, required=True, enum=Post, example="书记"),
                Column("since", "任职日期", DATE, example="2021-03-01"),
            ),
            identity=("id", "org"),
            notes=("一人多职时每个职务一行（编号相同、任职组织不同）。",),
        ),
        Kind(
            "chat-groups",
            "ChatGroup",
            "微信塔群",
            (
                _key("CG-RC-T01-C01-B09"),
                Column("name", "名称", required=True, example="西苑东社区第9网格团支部微信群"),
                Column(
                    "org",
                    "所属组织",
                    REF_ORG,
                    required=True,
                    note="该群所属团组织的编号或名称",
                    example="RC-T01-C01-B09",
                ),
                Column("memberCount", "成员数", INT, example="35"),
            ),
        ),
        Kind(
            "social-organizations",
            "SocialOrganization",
            "社会组织",
            (
                _key("SO-101"),
                Column("name", "名称", required=True, example="任城区阳光青少年服务中心"),
                Column(
                    "services",
                    "服务类型",
                    ENUMS,
                    required=True,
                    enum=ServiceType,
                    note="一项或多项，用顿号、逗号或分号分隔",
                    example="心理辅导、助学辅导",
                ),
                Column("capacity", "服务能力（人）", INT, example="40"),
                Column("registeredAt", "登记日期", DATE, example="2020-01-15"),
                Column(
                    "org",
                    "联系组织",
                    REF_ORG,
                    required=True,
                    note="与之建立联系的团组织的编号或名称",
                    example="RC-T01",
                ),
                Column("since", "联系日期", DATE, example="2021-05-01"),
            ),
            identity=("id", "org"),
            notes=("联系多个团组织时每个组织一行（编号相同、联系组织不同）。",),
        ),
        Kind(
            "social-workers",
            "SocialWorker",
            "社会化工作者",
            (
                _key("SW-1001"),
                Column("name", "姓名", required=True, example="李娜"),
                Column(
                    "skills",
                    "技能",
                    ENUMS,
                    enum=Skill,
                    note="用顿号、逗号或分号分隔",
                    example="社会工作、心理咨询",
                ),
                Column(
                    "socialOrganization",
                    "所属社会组织",
                    REF_SOCIAL,
                    required=True,
                    note="社会组织的编号或名称",
                    example="SO-101",
                ),
            ),
        ),
        Kind(
            "positions",
            "Position",
            "阵地",
            (
                _key("PO-1001"),
                Column("name", "名称", required=True, example="西苑东社区青年之家"),
                Column("type", "类型", ENUM, required=True, enum=PositionType, example="青年之家"),
                Column(
                    "hostedBy",
                    "承办组织",
                    REF_ORG,
                    required=True,
                    note="团组织的编号或名称",
                    example="RC-T01-C01",
                ),
                Column("grid", "所在网格", REF_GRID, note="网格的编号或名称", example=""),
                Column("address", "地址", example="任城区古槐街道西苑东社区红星路1号"),
                Column("openedAt", "启用日期", DATE, example="2021-05-04"),
            ),
        ),
        Kind(
            "enterprises",
            "Enterprise",
            "企业",
            (
                _key("EN-1001"),
                Column("name", "名称", required=True, example="济宁市某某物流有限公司"),
                Column("industry", "行业", example="快递物流"),
                Column(
                    "grid",
                    "所在网格",
                    REF_GRID,
                    required=True,
                    note="网格的编号或名称",
                    example="RC-T01-C01-G01",
                ),
            ),
        ),
        Kind(
            "youth",
            "Youth",
            "青少年",
            (
                _key("Y-100001"),
                Column("name", "姓名", required=True, example="张小明"),
                Column("gender", "性别", ENUM, enum=Gender, example="男"),
                Column(
                    "idNumber",
                    "居民身份证号",
                    ID_NUMBER,
                    required=True,
                    note="18位，末位为GB 11643校验码（X大写）",
                    example="370811200901185552",
                ),
                Column(
                    "birthDate",
                    "出生日期",
                    DATE,
                    note="可留空（取自身份证号）；填写时须与身份证号一致",
                    example="2009-01-18",
                ),
                Column("phone", "手机号", MOBILE, example="18122774147"),
                Column("address", "住址", example="任城区古槐街道西苑东社区3号楼4单元501室"),
                Column(
                    "grid",
                    "所在网格",
                    REF_GRID,
                    required=True,
                    note="网格的编号或名称",
                    example="RC-T01-C01-G01",
                ),
                Column(
                    "difficulties",
                    "困境类型",
                    ENUMS,
                    enum=Difficulty,
                    note="困境青少年填写一项或多项，用顿号分隔；留空即非困境",
                    example="留守、单亲",
                ),
            ),
        ),
        Kind(
            "appeals",
            "Appeal",
            "诉求",
            (
                _key("AP-100001"),
                Column("title", "标题", required=True, example="申请暑期托管"),
                Column("description", "描述", example="父母外出务工，暑期无人照看"),
                Column(
                    "category", "类别", ENUM, required=True, enum=AppealCategory, example="看护照料"
                ),
                Column("urgency", "紧急程度", ENUM, required=True, enum=Urgency, example="一般"),
                Column(
                    "status", "状态", ENUM, enum=AppealStatus, note="留空为待处理", example="待处理"
                ),
                Column(
                    "createdAt",
                    "提出时间",
                    DATETIME,
                    required=True,
                    note="YYYY-MM-DD 或 YYYY-MM-DD HH:MM",
                    example="2021-07-09 10:30",
                ),
                Column(
                    "youth",
                    "提出人",
                    REF_YOUTH,
                    required=True,
                    note="青少年的编号",
                    example="Y-100001",
                ),
            ),
        ),
    ]
)


def _name(header: str = "名称") -> Column:
    return Column("name", header)


def _title(header: str = "名称") -> Column:
    return Column("title", header)


def _to_one(field_name: str, header: str, relation: str, part: str = "id") -> Column:
    return Column(field_name, header, NODE, relation=relation, part=part)


def _to_many(field_name: str, header: str, relation: str) -> Column:
    return Column(field_name, header, NODES, relation=relation)


_KEY = Column("id", "编号")
_YEAR = Column("year", "年度", INT)

# The other lists of the API, exported only (the same filters and scope as GraphQL's lists, and
# its masks); their relations as the keys of the nodes they reach, as the importable kinds show
# their references. Each relation is exported from the side that names it once (an activity
# names its project; a project does not list its activities).
LISTS: dict[str, Kind] = _by_name(
    [
        Kind(
            "trainings",
            "Training",
            "培训",
            (
                _KEY,
                _title(),
                Column("topic", "主题", ENUM, enum=TrainingTopic),
                Column("date", "日期", DATE),
                _to_many("attendees", "参训干部", "Training.attendees"),
            ),
        ),
        Kind(
            "service-projects",
            "ServiceProject",
            "服务项目",
            (
                _KEY,
                _name(),
                Column("brand", "品牌", ENUM, enum=ProjectBrand),
                _YEAR,
                _to_one("runBy", "承办组织", "ServiceProject.runBy"),
            ),
        ),
        Kind(
            "activities",
            "Activity",
            "活动",
            (
                _KEY,
                _title(),
                Column("date", "日期", DATE),
                Column("participants", "参与人数", INT),
                Column("served", "服务人次", INT),
                _to_one("project", "所属项目", "Activity.project"),
                _to_one("organizedBy", "组织单位", "Activity.organizedBy"),
                _to_one("heldAt", "活动阵地", "Activity.heldAt"),
                _to_many("partners", "合作单位", "Activity.partners"),
            ),
        ),
        Kind(
            "visits",
            "Visit",
            "走访",
            (
                _KEY,
                Column("kind", "类型", ENUM, enum=VisitKind),
                Column("date", "日期", DATE),
                _to_one("cadre", "走访干部", "Visit.cadre"),
                _to_one("target", "走访对象", "Visit.target"),
                _to_one("targetName", "对象名称", "Visit.target", part="name"),
                Column("notes", "情况记录"),
                _to_many("appeals", "产生诉求", "Visit.appeals"),
            ),
        ),
        Kind(
            "funds",
            "Fund",
            "经费",
            (
                _KEY,
                _name(),
                Column("source", "来源", ENUM, enum=FundSource),
                _YEAR,
                Column("amount", "金额（元）", INT),
                _to_one("allocation", "分配对象", "Fund.allocations"),
                Column(
                    "allocationAmount",
                    "分配金额（元）",
                    INT,
                    relation="Fund.allocations",
                    part="edge.amount",
                ),
            ),
            each="Fund.allocations",
        ),
        Kind(
            "campaigns",
            "Campaign",
            "专项行动",
            (_KEY, _name(), _YEAR, _to_many("participants", "参与组织", "Campaign.participants")),
        ),
        Kind(
            "assessments",
            "Assessment",
            "考核",
            (
                _KEY,
                _name(),
                Column("period", "考核期"),
                _to_one("target", "考核对象", "Assessment.target"),
                _to_one("targetName", "对象名称", "Assessment.target", part="name"),
                Column("dailyWork", "日常工作", INT),
                Column("keyWork", "重点工作", INT),
                Column("problemSolving", "问题解决", INT),
                Column("total", "总分"),
                Column("grade", "等级", ENUM, enum=AssessmentGrade),
                Column("assessedAt", "考核日期", DATE),
                Column("inspectors", "联合督查组"),
            ),
        ),
        Kind(
            "awards",
            "Award",
            "荣誉",
            (
                _KEY,
                Column("title", "称号", ENUM, enum=AwardTitle),
                _YEAR,
                Column("grantedAt", "授予日期", DATE),
                _to_one("recipient", "授予对象", "Award.recipient"),
                _to_one("recipientName", "对象名称", "Award.recipient", part="name"),
            ),
        ),
        Kind(
            "notices",
            "Notice",
            "通知",
            (
                _KEY,
                _title("标题"),
                Column("body", "内容"),
                Column("urgency", "紧急程度", ENUM, enum=Urgency),
                Column("issuedAt", "发布时间", DATETIME),
                _to_one("issuedBy", "发布组织", "Notice.issuedBy"),
                Column("acknowledgements", "签收组织数", COUNT, relation="Notice.acknowledgements"),
            ),
        ),
    ]
)
# Every kind an export knows: the importable ones, then the lists.
EXPORTS: dict[str, Kind] = {**KINDS, **LISTS}

# Kinds a grid cadre may import (only its grid's youth and their appeals).
GRID_CADRE_KINDS = ("youth", "appeals")


def enum_code(enum: type[Labelled], text: str) -> str | None:
    """The code of a cell that gives an enumeration's code, its member name or its Chinese
    label (`GRID_WORKER`, `网格员`); None if it is none of them."""
    for member in enum:
        if text in (member.value, member.name, member.label):
            return str(member.value)
    upper = text.upper()
    for member in enum:
        if upper in (str(member.value).upper(), member.name):
            return str(member.value)
    return None


# -- problems ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """What is wrong with one cell (or one row, column None; or the file, row 0)."""

    row: int  # the spreadsheet's row number (the header is row 1)
    column: str | None  # the Chinese header
    value: str
    message: str  # Chinese
    message_en: str


# -- reading files -----------------------------------------------------------------------------


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cells as text)


class UnreadableFile(ValueError):
    """The file is neither an XLSX workbook nor CSV text in a known encoding."""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] in FORMULA_STARTS:
        text = text[1:]  # an apostrophe an export put before text that looks like a formula
    return text


def decode_csv(content: bytes) -> str:
    """UTF-8 (with or without a BOM), else GB18030 (what Chinese offices' Excel writes)."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise UnreadableFile("the CSV is neither UTF-8 nor GB18030 text") from exc


def read_table(content: bytes, file_name: str) -> Table:
    """The first sheet of an XLSX (or the CSV) as text cells; empty rows left out."""
    if content[:2] == b"PK" or file_name.lower().endswith(".xlsx"):
        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises several kinds for a broken workbook
            raise UnreadableFile(f"not a readable XLSX workbook: {exc}") from exc
        sheet = book.worksheets[0]
        raw: Iterable[tuple[int, list[str]]] = (
            (n, [_text(v) for v in values])
            for n, values in enumerate(sheet.iter_rows(values_only=True), 1)
        )
    else:
        text = decode_csv(content)
        raw = (
            (n, [_text(v) for v in cells])
            for n, cells in enumerate(csv.reader(io.StringIO(text)), 1)
        )
    rows = [(n, cells) for n, cells in raw if any(cells)]
    if not rows:
        return Table([], [])
    (_, headers), body = rows[0], rows[1:]
    return Table(headers, body)


# -- checking rows -----------------------------------------------------------------------------


@dataclass
class Row:
    number: int
    values: dict[str, Any] = field(default_factory=dict)  # field -> parsed value (given cells)
    cells: dict[str, str] = field(default_factory=dict)  # field -> text as given

    @property
    def key(self) -> str:
        return str(self.values.get("id", ""))


def check_headers(kind: Kind, headers: list[str]) -> list[Problem]:
    known = {c.header for c in kind.columns}
    problems = []
    for column in kind.columns:
        if column.required and column.header not in headers:
            problems.append(
                Problem(
                    1,
                    column.header,
                    "",
                    f"缺少必填列“{column.header}”",
                    f"the required column '{column.header}' is missing",
                )
            )
    for header in headers:
        if header and header not in known:
            problems.append(
                Problem(
                    1,
                    header,
                    header,
                    f"未知的列“{header}”（请使用模板的列名）",
                    f"unknown column '{header}' (use the template's headers)",
                )
            )
    return problems


def parse_date(text: str) -> dt.date | None:
    for pattern in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def parse_datetime(text: str) -> dt.datetime | None:
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y-%m-%dT%H:%M:%S"):
        try:
            return ZONE.localize(dt.datetime.strptime(text, pattern))
        except ValueError:
            continue
    day = parse_date(text)
    return ZONE.localize(dt.datetime.combine(day, dt.time(0))) if day else None


def _cell(column: Column, text: str) -> tuple[Any, tuple[str, str] | None]:
    """The value of one non-empty cell, or (None, (Chinese, English) problem)."""
    if column.type == INT:
        try:
            number = int(text)
        except ValueError:
            return None, ("须为整数", "must be a whole number")
        if number < 0:
            return None, ("不能为负数", "must not be negative")
        return number, None
    if column.type == DATE:
        day = parse_date(text)
        if day is None:
            return None, ("日期格式应为 YYYY-MM-DD", "a date must be YYYY-MM-DD")
        if day > dt.date.today():
            return None, ("日期不能晚于今天", "the date lies in the future")
        return day, None
    if column.type == DATETIME:
        moment = parse_datetime(text)
        if moment is None:
            return None, ("时间格式应为 YYYY-MM-DD HH:MM", "a time must be YYYY-MM-DD HH:MM")
        return moment, None
    if column.type in (ENUM, ENUMS):
        assert column.enum is not None
        parts = [p.strip() for p in LIST_SEPARATORS.split(text)] if column.type == ENUMS else [text]
        codes = []
        for part in filter(None, parts):
            code = enum_code(column.enum, part)
            if code is None:
                labels = "、".join(m.label for m in column.enum)
                return None, (
                    f"“{part}”不是有效取值（可选：{labels}）",
                    f"'{part}' is not a valid value (one of: {labels})",
                )
            if code not in codes:
                codes.append(code)
        order = [str(m.value) for m in column.enum]
        return (sorted(codes, key=order.index) if column.type == ENUMS else codes[0]), None
    if column.type == ID_NUMBER:
        if not is_valid_id_number(text.upper() if text[-1:] == "x" else text):
            return None, (
                "身份证号无效（18位、出生日期或校验码错误）",
                "not a valid identity number (18 characters, birth date, check digit)",
            )
        return text.upper(), None
    if column.type == MOBILE:
        if not is_valid_mobile(text):
            return None, ("手机号应为11位大陆手机号", "not a mainland mobile number (11 digits)")
        return text, None
    return text, None


def check_rows(kind: Kind, table: Table) -> tuple[list[Row], list[Problem]]:
    """Each row's values and every problem a row has on its own or with another row of the file
    (a repeated key); references are left as text for the graph to resolve."""
    index = {h: i for i, h in enumerate(table.headers) if h}
    rows: list[Row] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, ...], int] = {}
    for number, cells in table.rows:
        row = Row(number)
        mine: list[Problem] = []
        for column in kind.columns:
            at = index.get(column.header)
            text = cells[at].strip() if at is not None and at < len(cells) else ""
            if not text:
                if column.required:
                    mine.append(
                        Problem(number, column.header, "", "必填项为空", "a required cell is empty")
                    )
                continue
            row.cells[column.field] = text
            if column.type in REFS:
                row.values[column.field] = text
                continue
            value, wrong = _cell(column, text)
            if wrong is not None:
                mine.append(Problem(number, column.header, text, *wrong))
            else:
                row.values[column.field] = value
        if row.key.startswith(EXAMPLE_PREFIX):
            continue  # the template's example row
        problems.extend(mine)
        problems.extend(_row_rules(kind, row))
        identity = tuple(str(row.cells.get(f, "")) for f in kind.identity)
        if row.key:
            if identity in seen:
                problems.append(
                    Problem(
                        number,
                        "编号",
                        row.key,
                        f"编号与第{seen[identity]}行重复",
                        f"the key repeats row {seen[identity]}",
                    )
                )
            else:
                seen[identity] = number
        rows.append(row)
    return rows, problems


def _row_rules(kind: Kind, row: Row) -> list[Problem]:
    """Rules between the cells of one row."""
    problems = []
    if kind.name == "youth" and "idNumber" in row.values:
        born = id_birth_date(row.values["idNumber"])
        given = row.values.get("birthDate")
        if given is not None and born != given:
            problems.append(
                Problem(
                    row.number,
                    "出生日期",
                    row.cells["birthDate"],
                    "出生日期与身份证号不一致",
                    "the birth date differs from the one in the identity number",
                )
            )
        elif born is not None:
            row.values["birthDate"] = born
        if born is not None and born > dt.date.today():
            problems.append(
                Problem(
                    row.number,
                    "居民身份证号",
                    row.cells["idNumber"],
                    "出生日期晚于今天",
                    "the birth date lies in the future",
                )
            )
    if kind.name == "youth":
        row.values["inDifficulty"] = bool(row.values.get("difficulties"))
        row.values.setdefault("difficulties", [])
    if kind.name == "organizations":
        is_industry = row.values.get("kind") == OrgKind.INDUSTRY_COMMITTEE.value
        if is_industry and "sector" not in row.values:
            problems.append(
                Problem(
                    row.number,
                    "行业",
                    "",
                    "行业团工委须填写行业",
                    "an industry committee needs its sector",
                )
            )
        is_center = row.values.get("kind") == OrgKind.CENTER.value
        if not is_center and "parent" not in row.values and "kind" in row.values:
            problems.append(
                Problem(row.number, "上级组织", "", "必填项为空", "a required cell is empty")
            )
        if is_center and "parent" in row.values:
            problems.append(
                Problem(
                    row.number,
                    "上级组织",
                    row.cells["parent"],
                    "服务管理中心没有上级组织",
                    "the centre has no parent",
                )
            )
    if kind.name == "appeals":
        row.values.setdefault("status", AppealStatus.OPEN.value)
    return problems


def cell_text(column: Column, value: Any) -> str:
    """How an export writes a value: the Chinese label of a code, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if column.type == ENUM and column.enum is not None:
        code = enum_code(column.enum, str(value))
        return next((m.label for m in column.enum if m.value == code), str(value))
    if column.type == ENUMS and column.enum is not None:
        labels = {m.value: m.label for m in column.enum}
        return "、".join(labels.get(v, str(v)) for v in value)
    if isinstance(value, list):  # keys of a relation, names of a team
        return "、".join(str(v) for v in value)
    if isinstance(value, dt.datetime):
        return value.astimezone(ZONE).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


ORG_LEVELS = {
    "TownCommittee": ("Center",),
    "CommunityBranch": ("TownCommittee",),
    "GridBranch": ("CommunityBranch",),
    "IndustryCommittee": ("Center", "TownCommittee"),
}
