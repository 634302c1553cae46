"""recordVisit (the visit and its appeals in one transaction) and visitCoverage.

Each returns plain data: the visit's node record, and a dict shaped like schema/visits.py's
VisitCoverage (schema/mapping.py builds it)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any, Protocol

from core.errors import BadUserInput
from core.ids import from_global_id, new_id
from core.paging import Page, page_window
from core.vocabulary import AppealCategory, Urgency, VisitKind
from graph.visits import CREATE_VISIT, CREATE_VISIT_APPEALS, VISIT_COVERAGE, VISIT_TARGETS
from resolvers import validate as v
from resolvers.context import Context
from resolvers.shared import Writer, key_of, root_error, root_org, write

NINTH_DAY = 9
MAX_APPEALS = 20


class AppealGiven(Protocol):
    """An appeal a visit brought back, as the schema's VisitAppealInput gives it."""

    @property
    def title(self) -> str: ...
    @property
    def category(self) -> AppealCategory: ...
    @property
    def urgency(self) -> Urgency: ...
    @property
    def description(self) -> str | None: ...
    @property
    def youth_id(self) -> str | None: ...


def _appeal_props(given: AppealGiven, i: int) -> dict[str, Any]:
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
    ctx: Context,
    cadre_id: str,
    target_id: str,
    date: dt.date,
    kind: VisitKind,
    notes: str | None,
    appeals: Sequence[AppealGiven] | None,
) -> dict[str, Any]:
    """The visit's node record; its appeals are created with it."""
    v.past_date(date, "date")
    if kind is VisitKind.NINTH_DAY and date.day != NINTH_DAY:
        raise BadUserInput("a 9th-day visit (9号议事日) is on the 9th of a month", "date")
    target_label, _ = from_global_id(target_id, "targetId")
    if target_label not in VISIT_TARGETS:
        raise BadUserInput("targetId must name a youth, an enterprise or a social organisation",
                           "targetId")  # fmt: skip
    appeals = appeals or ()
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
            produced.append({"id": new_id("Appeal"), "youth": youth, "props": appeal})
        rows = await w.run(
            CREATE_VISIT[target_label],
            id=new_id("Visit"),
            cadre=key_of(cadre),
            target=key_of(target),
            props=props,
        )
        visit: dict[str, Any] = rows[0]["node"]
        if produced:
            await w.run(CREATE_VISIT_APPEALS, visit=key_of(visit), appeals=produced)
        return visit

    result: dict[str, Any] = await write(ctx, work)
    return result


MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def month_days(value: str) -> tuple[dt.date, dt.date]:
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
    ctx: Context,
    org_id: str | None,
    month: str,
    first: int | None,
    after: str | None,
    held: bool | None = None,
) -> dict[str, Any]:
    """Per grid branch of the organisation's subtree (default: the caller's), its 9th-day visits
    in the month; the branches filtered by whether they held any."""
    org = root_org(ctx, org_id)
    start, end = month_days(month)
    offset, limit = page_window(first, after)
    rows = await ctx.graph.read(
        VISIT_COVERAGE,
        org=org,
        to=end,
        offset=offset,
        limit=limit,
        f_held=held,
        **{"from": start},
    )
    if not rows:
        raise await root_error(ctx, org, org_id)
    return coverage(rows[0], start, offset)


def coverage(row: dict[str, Any], month: dt.date, offset: int) -> dict[str, Any]:
    """The coverage of a month (VisitCoverage) from the row of VISIT_COVERAGE."""
    branches, held = row["branches"], row["held"]
    return {
        "organization": row["organization"],
        "month": month.strftime("%Y-%m"),
        # the row carries the summary's counts (branches, held, without, visits, …)
        "summary": {**row, "share_held": round(held / branches, 4) if branches else 0.0},
        "branches": Page(row["page"], row["total"], offset),
    }
