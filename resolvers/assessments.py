"""recordTraining, recordAttendance, recordAssessment, grantAward and assessmentRanking."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from core.errors import BadUserInput, Conflict
from core.ids import from_global_id
from core.paging import MAX_PAGE, page_window
from core.principal import Role
from core.vocabulary import AssessmentGrade, AssessmentSubject, AwardTitle, TrainingTopic
from graph.assessments import (
    ASSESSABLE,
    ASSESSED,
    ATTEND,
    AWARDABLE,
    AWARDED,
    CREATE_ASSESSMENT,
    CREATE_TRAINING,
    GRADES,
    GRANT_AWARD,
    RANKING,
    WEIGHTS,
    grade,
)
from resolvers import validate as v
from resolvers.context import Info
from resolvers.mobilization import root_error, root_org
from resolvers.shared import Writer, key_of, write
from schema.assessment_ranking import (
    AssessmentRanking,
    AssessmentRankingSummary,
    AssessmentWeighting,
    RankedAssessment,
)
from schema.mapping import to_object
from schema.relay import paged

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


def _new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12].upper()}"


# -- trainings -----------------------------------------------------------------------------------


def _cadre_ids(ids: list[str], field: str) -> list[str]:
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
    info: Info, title: str, topic: TrainingTopic, date: dt.date, attendee_ids: list[str]
) -> Any:
    props = {
        "title": v.text(title, "title"),
        "topic": topic.value,
        "date": v.past_date(date, "date"),
    }
    ids = _cadre_ids(attendee_ids, "attendeeIds")

    async def work(w: Writer) -> dict[str, Any]:
        rows = await w.run(CREATE_TRAINING, id=_new_id("TR"), props=props)
        return await _attend(w, key_of(rows[0]["node"]), ids, "attendeeIds")

    return await write(info, work)


async def record_attendance(info: Info, training_id: str, cadre_ids: list[str]) -> Any:
    ids = _cadre_ids(cadre_ids, "cadreIds")

    async def work(w: Writer) -> dict[str, Any]:
        training = await w.lookup("Training", training_id, "trainingId")
        return await _attend(w, key_of(training), ids, "cadreIds")

    return await write(info, work)


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
    info: Info,
    target_id: str,
    period: str,
    daily_work: int,
    key_work: int,
    problem_solving: int,
    inspectors: list[str],
    assessed_at: dt.date | None,
) -> Any:
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
    principal = info.context.require_principal()
    assert principal is not None

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
            CREATE_ASSESSMENT[label], id=_new_id("AS"), target=key_of(target), props=props
        )
        return rows[0]["node"]

    return await write(info, work, roles=ASSESSORS)


async def assessment_ranking(
    info: Info,
    org_id: str | None,
    period: str,
    subject: AssessmentSubject,
    first: int | None,
    after: str | None,
) -> AssessmentRanking:
    ctx = info.context
    org = root_org(info, org_id)
    period = _period(period)
    offset, limit = page_window(first, after)
    floors = [floor for _, floor in GRADES[:-1]]
    rows = await ctx.db.read(
        RANKING,
        org=org,
        period=period,
        subject=subject.value,
        weights=WEIGHTS,
        floors=floors,
        offset=offset,
        limit=limit,
        **ctx.scope.params(),
    )
    if not rows:
        raise await root_error(info, org, org_id)
    row = rows[0]
    excellent, good_or_better, passed_or_better = row["atLeast"]
    entries = [
        RankedAssessment(
            rank=entry["rank"],
            total=entry["total"],
            grade=AssessmentGrade(grade(entry["total"])),
            assessment=to_object(entry["assessment"]),
            target=to_object(entry["target"]),
        )
        for entry in row["page"]
    ]
    return AssessmentRanking(
        organization=to_object(row["organization"]),
        period=period,
        subject=subject,
        weighting=AssessmentWeighting(
            daily_work=WEIGHTS["dailyWork"],
            key_work=WEIGHTS["keyWork"],
            problem_solving=WEIGHTS["problemSolving"],
        ),
        summary=AssessmentRankingSummary(
            assessed=row["assessed"],
            average_total=row["averageTotal"],
            excellent=excellent,
            good=good_or_better - excellent,
            passed=passed_or_better - good_or_better,
            failed=row["assessed"] - passed_or_better,
        ),
        entries=paged(entries, row["assessed"], offset),
    )


# -- awards --------------------------------------------------------------------------------------


async def grant_award(info: Info, title: AwardTitle, year: int, recipient_id: str) -> Any:
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
            GRANT_AWARD[label], id=_new_id("AW"), recipient=key_of(recipient), props=props
        )
        return rows[0]["node"]

    return await write(info, work, roles=GRANTORS)
