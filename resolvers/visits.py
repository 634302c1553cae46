"""recordVisit (the visit and its appeals in one transaction) and visitCoverage."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from core.errors import BadUserInput
from core.ids import from_global_id
from core.paging import page_window
from core.vocabulary import VisitKind
from graph.visits import CREATE_VISIT, CREATE_VISIT_APPEALS, VISIT_COVERAGE, VISIT_TARGETS
from resolvers import validate as v
from resolvers.context import Info
from resolvers.mobilization import root_error, root_org
from resolvers.shared import Writer, key_of, write
from schema.mapping import from_row, to_object
from schema.relay import paged
from schema.visit_coverage import (
    BranchVisits,
    VisitAppealInput,
    VisitCoverage,
    VisitCoverageFilter,
    VisitCoverageSummary,
)

NINTH_DAY = 9
MAX_APPEALS = 20


def _new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12].upper()}"


def _appeal_props(given: VisitAppealInput, i: int) -> dict[str, Any]:
    field = f"appeals[{i}]"
    return v.drop_none(
        {
            "title": v.text(given.title, f"{field}.title", limit=100),
            "description": v.text(
                given.description, f"{field}.description", required=False, limit=2000
            ),
            "category": given.category.value,
            "urgency": given.urgency.value,
        }
    )


async def record_visit(
    info: Info,
    cadre_id: str,
    target_id: str,
    date: dt.date,
    kind: VisitKind,
    notes: str | None,
    appeals: list[VisitAppealInput] | None,
) -> Any:
    v.past_date(date, "date")
    if kind is VisitKind.NINTH_DAY and date.day != NINTH_DAY:
        raise BadUserInput("a 9th-day visit (9号议事日) is on the 9th of a month", "date")
    target_label, _ = from_global_id(target_id, "targetId")
    if target_label not in VISIT_TARGETS:
        raise BadUserInput("targetId must name a youth, an enterprise or a social organisation",
                           "targetId")  # fmt: skip
    appeals = appeals or []
    if len(appeals) > MAX_APPEALS:
        raise BadUserInput(f"at most {MAX_APPEALS} appeals per visit", "appeals")
    title = (
        f"{date.month}月9日议事日走访"
        if kind is VisitKind.NINTH_DAY
        else (f"{date.month}月{date.day}日日常走访")
    )  # as the datasets name them
    props = v.drop_none(
        {
            "title": title,
            "kind": kind.value,
            "date": date,
            "notes": v.text(notes, "notes", required=False, limit=2000),
        }
    )
    appeal_props = [_appeal_props(given, i) for i, given in enumerate(appeals)]

    async def work(w: Writer) -> dict[str, Any]:
        cadre = await w.lookup("Cadre", cadre_id, "cadreId")
        target = await w.lookup(target_label, target_id, "targetId")
        produced = []
        for i, (given, appeal) in enumerate(zip(appeals, appeal_props, strict=True)):
            field = f"appeals[{i}].youthId"
            if given.youth_id is not None:
                youth = key_of(await w.lookup("Youth", given.youth_id, field))
            elif target_label == "Youth":
                youth = key_of(target)
            else:
                raise BadUserInput(
                    "an appeal from a visit to an enterprise or organisation names the youth "
                    "who raised it",
                    field,
                )
            produced.append({"id": _new_id("AP"), "youth": youth, "props": appeal})
        rows = await w.run(
            CREATE_VISIT[target_label],
            id=_new_id("VI"),
            cadre=key_of(cadre),
            target=key_of(target),
            props=props,
        )
        visit = rows[0]["node"]
        if produced:
            await w.run(CREATE_VISIT_APPEALS, visit=key_of(visit), appeals=produced)
        return visit

    return await write(info, work)


MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def _month(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a month given as YYYY-MM, not after the current month."""
    match = MONTH.match(value.strip())
    if not match:
        raise BadUserInput("month is YYYY-MM, e.g. 2021-03", "month")
    first = dt.date(int(match[1]), int(match[2]), 1)
    if first > v.today():
        raise BadUserInput("month must not be in the future", "month")
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


async def visit_coverage(
    info: Info,
    org_id: str | None,
    month: str,
    first: int | None,
    after: str | None,
    given: VisitCoverageFilter | None,
) -> VisitCoverage:
    ctx = info.context
    org = root_org(info, org_id)
    start, end = _month(month)
    offset, limit = page_window(first, after)
    rows = await ctx.db.read(
        VISIT_COVERAGE,
        org=org,
        to=end,
        offset=offset,
        limit=limit,
        f_held=given.held if given else None,
        **{"from": start},
        **ctx.scope.params(),
    )
    if not rows:
        raise await root_error(info, org, org_id)
    row = rows[0]
    summary = from_row(VisitCoverageSummary, {**row, "shareHeld": 0.0})
    if summary.branches:
        summary.share_held = round(summary.held / summary.branches, 4)
    branches = [
        from_row(BranchVisits, {**r, "branch": to_object(r["branch"])}) for r in row["page"]
    ]
    return VisitCoverage(
        organization=to_object(row["organization"]),
        month=start.strftime("%Y-%m"),
        summary=summary,
        branches=paged(branches, row["total"], offset),
    )
