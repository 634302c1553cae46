"""recordTraining, recordAttendance, recordAssessment, grantAward and assessmentRanking.

Each returns plain data: the node records written, and a dict shaped like schema/assessments.py's
AssessmentRanking (schema/mapping.py builds it)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from core.errors import BadUserInput, Conflict
from core.ids import from_global_id, new_id
from core.paging import MAX_PAGE, Page, page_window
from core.principal import Role
from core.scores import FLOORS, WEIGHTS, grade, grade_counts
from core.vocabulary import AssessmentGrade, AssessmentSubject, AwardTitle, TrainingTopic
from graph.assessments import (
    ASSESSABLE,
    ASSESSED,
    ATTEND,
    AWARDABLE,
    AWARDED,
    CREATE_ASSESSMENT,
    CREATE_TRAINING,
    GRANT_AWARD,
    RANKING,
)
from resolvers import validate as v
from resolvers.context import Context
from resolvers.shared import Writer, key_of, root_error, root_org, write

# The joint inspection team assesses: the district (DISTRICT_ADMIN) and inspectors (INSPECTOR),
# each inside its scope. Awards are the district's.
ASSESSORS = (Role.DISTRICT_ADMIN, Role.INSPECTOR)
GRANTORS = (Role.DISTRICT_ADMIN,)
# Organisations assessed: the levels of the grid matrix below the centre.
ASSESSED_KINDS = ("TownCommittee", "CommunityBranch", "GridBranch")
# 示范网格团组织 goes to a grid organisation, 最美网格团干部 to a cadre.
AWARD_KINDS = {AwardTitle.MODEL_GRID_ORGANIZATION: ("CommunityBranch", "GridBranch")}
PERIOD = re.compile(r"^(\d{4})-H([12])$")
MAX_INSPECTORS = 20


# -- trainings -----------------------------------------------------------------------------------


def _cadre_ids(ids: Sequence[str], field: str) -> list[str]:
    unique = list(dict.fromkeys(ids))
    if not unique:
        raise BadUserInput(f"{field} must name at least one cadre", field)
    if len(unique) > MAX_PAGE:
        raise BadUserInput(f"at most {MAX_PAGE} cadres at once", field)
    return unique


async def _attend(w: Writer, training: str, ids: list[str], field: str) -> dict[str, Any]:
    """Each cadre (in the caller's scope) attended the training; returns the training."""
    cadres = [key_of(await w.lookup("Cadre", cadre, field)) for cadre in ids]
    return (await w.run(ATTEND, training=training, cadres=cadres))[0]["node"]


async def record_training(
    ctx: Context, title: str, topic: TrainingTopic, date: dt.date, attendee_ids: Sequence[str]
) -> dict[str, Any]:
    props = {
        "title": v.text(title, "title"),
        "topic": topic.value,
        "date": v.past_date(date, "date"),
    }
    ids = _cadre_ids(attendee_ids, "attendeeIds")

    async def work(w: Writer) -> dict[str, Any]:
        rows = await w.run(CREATE_TRAINING, id=new_id("Training"), props=props)
        return await _attend(w, key_of(rows[0]["node"]), ids, "attendeeIds")

    return await write(ctx, work)


async def record_attendance(
    ctx: Context, training_id: str, cadre_ids: Sequence[str]
) -> dict[str, Any]:
    ids = _cadre_ids(cadre_ids, "cadreIds")

    async def work(w: Writer) -> dict[str, Any]:
        training = await w.lookup("Training", training_id, "trainingId")
        return await _attend(w, key_of(training), ids, "cadreIds")

    return await write(ctx, work)


# -- assessments ---------------------------------------------------------------------------------


def _period(value: str) -> str:
    """A half-year, YYYY-H1 or YYYY-H2, that has begun."""
    match = PERIOD.match(value.strip())
    if not match:
        raise BadUserInput("period is a half-year: YYYY-H1 or YYYY-H2, e.g. 2021-H1", "period")
    begins = dt.date(int(match[1]), 1 if match[2] == "1" else 7, 1)
    if begins > v.today():
        raise BadUserInput("period must have begun", "period")
    return match[0]


def _score(value: int, field: str) -> int:
    if not 0 <= value <= 100:
        raise BadUserInput(f"{field} is a score from 0 to 100", field)
    return value


def _inspectors(names: list[str]) -> list[str]:
    team = [v.text(name, "inspectors", limit=50) or "" for name in names]
    if not team:
        raise BadUserInput("inspectors must name the joint inspection team", "inspectors")
    if len(team) > MAX_INSPECTORS:
        raise BadUserInput(f"at most {MAX_INSPECTORS} inspectors", "inspectors")
    return list(dict.fromkeys(team))


async def record_assessment(
    ctx: Context,
    target_id: str,
    period: str,
    daily_work: int,
    key_work: int,
    problem_solving: int,
    inspectors: list[str],
    assessed_at: dt.date | None,
) -> dict[str, Any]:
    label, _ = from_global_id(target_id, "targetId")
    if label not in ASSESSABLE:
        raise BadUserInput("targetId must name an organisation or a cadre", "targetId")
    period = _period(period)
    scores = {
        "dailyWork": _score(daily_work, "dailyWork"),
        "keyWork": _score(key_work, "keyWork"),
        "problemSolving": _score(problem_solving, "problemSolving"),
    }
    team = _inspectors(inspectors)
    assessed_on = v.past_date(assessed_at, "assessedAt") or v.today()
    principal = ctx.caller()

    async def work(w: Writer) -> dict[str, Any]:
        target = await w.lookup(label, target_id, "targetId")
        if label == "Organization" and not set(ASSESSED_KINDS) & set(target["labels"]):
            raise BadUserInput("targetId must name a town, a community or a grid branch "
                               "(or a cadre)", "targetId")  # fmt: skip
        if await w.run(ASSESSED, period=period, target=key_of(target)):
            raise Conflict(f"{key_of(target)} already has an assessment for {period}", "period")
        name = target["props"].get("name", "")
        props = {
            **scores,
            "period": period,
            "name": f"{name}{period}三位一体考核",
            "inspectors": team,
            "assessedAt": assessed_on,
            "assessedBy": principal.account,
        }
        rows = await w.run(
            CREATE_ASSESSMENT[label], id=new_id("Assessment"), target=key_of(target), props=props
        )
        return rows[0]["node"]

    return await write(ctx, work, roles=ASSESSORS)


async def assessment_ranking(
    ctx: Context,
    org_id: str | None,
    period: str,
    subject: AssessmentSubject,
    first: int | None,
    after: str | None,
) -> dict[str, Any]:
    """The subjects of one kind in the organisation's subtree (default: the caller's) assessed
    in the period, best weighted total first, with the grade counts."""
    org = root_org(ctx, org_id)
    period = _period(period)
    offset, limit = page_window(first, after)
    rows = await ctx.graph.read(
        RANKING,
        org=org,
        period=period,
        subject=subject.value,
        weights=WEIGHTS,
        floors=FLOORS,
        offset=offset,
        limit=limit,
    )
    if not rows:
        raise await root_error(ctx, org, org_id)
    return ranking(rows[0], period, subject, offset)


def ranking(
    row: dict[str, Any], period: str, subject: AssessmentSubject, offset: int
) -> dict[str, Any]:
    """The ranking (AssessmentRanking) from the row of RANKING: each entry graded, and the
    grade counts from how many totals reach each grade's floor."""
    counts = grade_counts(row["assessed"], row["atLeast"])
    return {
        "organization": row["organization"],
        "period": period,
        "subject": subject,
        "weighting": WEIGHTS,
        "summary": {
            "assessed": row["assessed"],
            "average_total": row["averageTotal"],
            "excellent": counts[AssessmentGrade.EXCELLENT],
            "good": counts[AssessmentGrade.GOOD],
            "passed": counts[AssessmentGrade.PASS],
            "failed": counts[AssessmentGrade.FAIL],
        },
        "entries": Page(
            [{**entry, "grade": grade(entry["total"])} for entry in row["page"]],
            row["assessed"],
            offset,
        ),
    }


# -- awards --------------------------------------------------------------------------------------


async def grant_award(
    ctx: Context, title: AwardTitle, year: int, recipient_id: str
) -> dict[str, Any]:
    label, _ = from_global_id(recipient_id, "recipientId")
    wanted = "Organization" if title in AWARD_KINDS else "Cadre"
    if label not in AWARDABLE or label != wanted:
        raise BadUserInput(f"{title.value} is granted to a {wanted.lower()}", "recipientId")
    if not 2000 <= year <= v.today().year:
        raise BadUserInput("year must be from 2000 to this year", "year")

    async def work(w: Writer) -> dict[str, Any]:
        recipient = await w.lookup(label, recipient_id, "recipientId")
        kinds = AWARD_KINDS.get(title)
        if kinds and not set(kinds) & set(recipient["labels"]):
            raise BadUserInput(f"{title.value} is granted to a community or grid branch",
                               "recipientId")  # fmt: skip
        if await w.run(AWARDED, title=title.value, year=year, recipient=key_of(recipient)):
            raise Conflict(f"{key_of(recipient)} already holds {title.value} of {year}", "year")
        props = {"title": title.value, "year": year, "grantedAt": v.today()}
        rows = await w.run(
            GRANT_AWARD[label], id=new_id("Award"), recipient=key_of(recipient), props=props
        )
        return rows[0]["node"]

    return await write(ctx, work, roles=GRANTORS)
