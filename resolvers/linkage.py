"""Resource linkage: matching resources to an appeal, the appeal's life, unmatched appeals, and
the flow of money. The score is documented in the README and lives here, in `score`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from core.errors import BadUserInput, Conflict, Forbidden, NotFound
from core.ids import from_global_id, graph_id
from core.paging import Page, page_window
from core.principal import WRITERS, Role
from core.vocabulary import CATEGORY_BRANDS, CATEGORY_POSITIONS, CATEGORY_SERVICES, SERVICE_SKILLS
from graph.linkage import (
    APPEAL_FOR_MATCHING,
    CANDIDATE_PATHS,
    CANDIDATES,
    REFER,
    RESOURCE_FLOW,
    SET_STATUS,
    TRANSITION,
    UNMATCHED,
)
from graph.writes import LOOKUP
from resolvers import validate as v
from resolvers.context import Context
from resolvers.shared import (
    Writer,
    graph_edge,
    graph_node,
    graph_view,
    node_id,
    organization_visible,
    write,
)

# -- the score --------------------------------------------------------------------------------

WEIGHTS = {"fit": 0.35, "nearness": 0.25, "linkage": 0.15, "capacity": 0.25}
NEARNESS = {3: 1.0, 2: 0.75, 1: 0.5, 0: 0.25}  # by the level where it meets the appeal's chain
URGENCY_BONUS = 0.1  # an urgent appeal and a resource in its branch or community
ACTIVE = ["MATCHED", "IN_PROGRESS"]  # the appeals a social organisation is handling


@dataclass(frozen=True)
class Fit:
    """What fits an appeal of one category (core/vocabulary.py): the first fits best."""

    services: tuple[str, ...]
    skills: tuple[str, ...]
    primary_skills: tuple[str, ...]
    positions: tuple[str, ...]
    brands: tuple[str, ...]

    @classmethod
    def of(cls, category: str) -> Fit:
        services = CATEGORY_SERVICES.get(category, ())
        skills = tuple(dict.fromkeys(k for s in services for k in SERVICE_SKILLS.get(s, ())))
        primary = SERVICE_SKILLS.get(services[0], ()) if services else ()
        return cls(
            services, skills, primary, CATEGORY_POSITIONS.get(category, ()),
            CATEGORY_BRANDS.get(category, ()),
        )  # fmt: skip

    def fit(self, kind: str, props: dict[str, Any]) -> float:
        """1.0 when the candidate is the usual resource for the category, else 0.8."""
        if kind == "SOCIAL_ORGANIZATION":
            primary = bool(self.services) and self.services[0] in (props.get("services") or [])
        elif kind == "SOCIAL_WORKER":
            primary = any(k in self.primary_skills for k in props.get("skills") or [])
        elif kind == "POSITION":
            primary = bool(self.positions) and props.get("type") == self.positions[0]
        else:
            primary = bool(self.brands) and props.get("brand") == self.brands[0]
        return 1.0 if primary else 0.8


@dataclass(frozen=True)
class Components:
    """The parts of a score (schema ScoreComponents)."""

    fit: float
    nearness: float
    linkage: float
    capacity: float
    urgency: float


def score(
    fit: float,
    meet_level: int | None,
    linked: bool,
    load: int | None,
    capacity: int | None,
    urgent: bool,
) -> tuple[float, Components, bool]:
    """The candidate's score, its parts, and whether it is over capacity."""
    nearness = NEARNESS.get(meet_level if meet_level is not None else -1, 0.0)
    over = capacity is not None and load is not None and load >= capacity
    room = 1.0 if capacity is None or load is None else max(0.0, 1 - load / max(capacity, 1))
    parts = Components(
        fit=fit,
        nearness=nearness,
        linkage=1.0 if linked else 0.0,
        capacity=0.0 if over else room,
        urgency=URGENCY_BONUS if urgent and nearness >= 0.75 else 0.0,
    )
    total = (
        WEIGHTS["fit"] * parts.fit
        + WEIGHTS["nearness"] * parts.nearness
        + WEIGHTS["linkage"] * parts.linkage
        + WEIGHTS["capacity"] * parts.capacity
        + parts.urgency
    )
    return round(total / 2 if over else total, 4), parts, over


async def match_resources(
    ctx: Context, appeal_id: str, first: int | None, after: str | None
) -> Page[dict[str, Any]]:
    """The page of resources that can help with an appeal, best first (schema ResourceMatch)."""
    ctx.require_principal()
    offset, limit = page_window(first, after)
    key = graph_id(appeal_id, "Appeal", "appealId")
    appeal = await ctx.graph.read(APPEAL_FOR_MATCHING, appeal=key)
    if not appeal:
        raise NotFound(f"no appeal {appeal_id}", "appealId")
    fit = Fit.of(appeal[0]["category"] or "")
    rows = await ctx.graph.read(
        CANDIDATES,
        appeal=key,
        services=list(fit.services),
        skills=list(fit.skills),
        positionTypes=list(fit.positions),
        brands=list(fit.brands),
        active=ACTIVE,
    )
    scored = rank(fit, rows)
    page = scored[offset : offset + limit]
    # only the page's candidates are described in full, with their paths: one more query
    picked = [
        {"c": r["c"], "anchor": r["anchor"], "via": r["via"], "step": r["step"]}
        for _, _, _, r in page
    ]
    described = {
        d["c"]: d for d in await ctx.graph.read(CANDIDATE_PATHS, appeal=key, picked=picked)
    }
    matches = [
        {
            "kind": row["kind"],
            "resource": described[row["c"]]["candidate"],
            "score": total,
            "components": parts,
            "load": row["load"],
            "capacity": row["capacity"],
            "over_capacity": over,
            "path": path_view(row["kind"], described[row["c"]], partial(graph_node, ctx)),
        }
        for total, parts, over, row in page
    ]
    return Page(matches, len(scored), offset)


Scored = tuple[float, Components, bool, dict[str, Any]]


def rank(fit: Fit, rows: list[dict[str, Any]]) -> list[Scored]:
    """Each candidate row of CANDIDATES with its score, its parts and whether it is full; best
    first, then by kind and key."""
    scored = []
    for row in rows:
        total, parts, over = score(
            fit.fit(row["kind"], row),
            row["meetLevel"],
            row["linked"],
            row["load"],
            row["capacity"],
            row["urgency"] == "URGENT",
        )
        scored.append((total, parts, over, row))
    scored.sort(key=lambda m: (-m[0], m[3]["kind"], m[3]["key"]))
    return scored


Draw = Callable[[dict[str, Any], int], dict[str, Any]]


def path_view(kind: str, row: dict[str, Any], draw: Draw) -> dict[str, Any]:
    """The graph view of a row of CANDIDATE_PATHS: appeal → youth → grid → up the chain to where
    it meets → down to the anchor → resource. `draw(node, i)` makes the i-th node to draw."""
    up, down = row["up"], row["down"]
    candidate = {
        "key": row["candidate"]["props"]["id"],
        "labels": row["candidate"]["labels"],
        "name": row["candidate"]["props"].get("name") or row["candidate"]["props"].get("title"),
    }
    hops = ["RAISED_BY", "RESIDES_IN"]
    hops.append("SERVED_BY" if "GridBranch" in up[3]["labels"] else "WITHIN")
    hops += ["UNDER"] * (len(up) - 4)
    edges = list(zip(up, up[1:], hops, strict=False))
    anchor = up[-1]
    for node in down:  # each hangs under the one before
        edges.append((node, anchor, "UNDER"))
        anchor = node
    tail = {"SOCIAL_ORGANIZATION": "LINKED_WITH", "POSITION": "HOSTED_BY",
            "SERVICE_PROJECT": "RUN_BY"}  # fmt: skip
    if kind == "SOCIAL_WORKER":
        edges.append((row["via"], anchor, "LINKED_WITH"))
        edges.append((candidate, row["via"], "MEMBER_OF"))
        nodes = [*up, *down, row["via"], candidate]
    else:
        edges.append((candidate, anchor, tail[kind]))
        nodes = [*up, *down, candidate]
    return graph_view(
        [draw(n, i) for i, n in enumerate(nodes)],
        [graph_edge(node_id(s), t, node_id(o)) for s, o, t in edges],
    )


# -- the appeal's life ------------------------------------------------------------------------

# Which state may follow which; each move stamps its time.
MOVES: dict[str, tuple[str, ...]] = {
    "OPEN": ("MATCHED", "REJECTED"),
    "MATCHED": ("IN_PROGRESS", "REJECTED"),
    "IN_PROGRESS": ("RESOLVED", "REJECTED"),
    "RESOLVED": ("CLOSED",),
    "CLOSED": (),
    "REJECTED": (),
}
STAMPS = {
    "MATCHED": "matchedAt",
    "IN_PROGRESS": "startedAt",
    "RESOLVED": "resolvedAt",
    "CLOSED": "closedAt",
    "REJECTED": "rejectedAt",
}
# A social organisation reports what it did with the appeals referred to it.
SOCIAL_ORG_MOVES = ("IN_PROGRESS", "RESOLVED")


async def move_appeal(
    ctx: Context,
    appeal_id: str,
    status: str,
    extra: dict[str, Any] | None = None,
    refer_to: str | None = None,
    note: str | None = None,
) -> Any:
    """Moves an appeal to `status` in one transaction, if its current state allows it; returns
    the appeal's record."""
    principal = ctx.caller()
    if principal.role is Role.SOCIAL_ORG and status not in SOCIAL_ORG_MOVES:
        raise Forbidden("a social organisation may start and resolve appeals referred to it")
    key = graph_id(appeal_id, "Appeal", "appealId")
    target = None
    if refer_to is not None:
        type_name, to_key = from_global_id(refer_to, "toId")
        if type_name not in ("SocialOrganization", "Organization"):
            raise BadUserInput("an appeal is referred to a social organisation or an "
                               "organisation", "toId")  # fmt: skip
        target = (type_name, refer_to, to_key)
    now = dt.datetime.now(v.TZ)

    async def work(w: Writer) -> dict[str, Any]:
        rows = await w.run(TRANSITION, appeal=key)
        if not rows:
            raise NotFound(f"no appeal {appeal_id} that you may change", "appealId")
        current = rows[0]["status"]
        if status not in MOVES.get(current, ()):
            allowed = ", ".join(MOVES.get(current, ())) or "none"
            raise Conflict(
                f"an appeal {current} cannot become {status} (allowed: {allowed})", "appealId"
            )
        if target is not None:
            label, global_id, to_key = target
            await _visible_target(w, label, global_id)
            await w.run(REFER[label], appeal=key, to=to_key, at=now, note=note)
        stamps = {STAMPS[status]: now, **(extra or {})}
        result = await w.run(SET_STATUS, appeal=key, status=status, stamps=stamps)
        return result[0]["node"]

    return await write(ctx, work, roles=(*WRITERS, Role.SOCIAL_ORG))


async def reject_appeal(ctx: Context, appeal_id: str, reason: str) -> Any:
    """OPEN, MATCHED or IN_PROGRESS → REJECTED, with a reason (checked first)."""
    text = v.text(reason, "reason", limit=500)
    return await move_appeal(ctx, appeal_id, "REJECTED", extra={"rejectionReason": text})


async def _visible_target(w: Writer, label: str, global_id: str) -> None:
    rows = await w.run(LOOKUP[label], id=graph_id(global_id, label, "toId"))
    if not rows:
        raise NotFound(f"no {label} {global_id}", "toId")


async def unmatched_appeals(
    ctx: Context, org_id: str | None, older_than_days: int, first: int | None, after: str | None
) -> Page[Any]:
    """The page of a subtree's OPEN appeals created before the cut-off, oldest first."""
    ctx.require_principal()
    if not 0 <= older_than_days <= 3650:
        raise BadUserInput("olderThanDays must be between 0 and 3650", "olderThanDays")
    offset, limit = page_window(first, after)
    org = graph_id(org_id, "Organization", "orgId") if org_id else None
    before = dt.datetime.now(v.TZ) - dt.timedelta(days=older_than_days)
    rows = await ctx.graph.read(UNMATCHED, org=org, before=before, offset=offset, limit=limit)
    total = rows[0]["total"] if rows else 0
    # none found: an organisation outside the scope answers as one that does not exist
    if org is not None and not total and not await organization_visible(ctx, org):
        raise NotFound(f"no organisation {org_id}", "orgId")
    return Page(rows[0]["page"] if rows else [], total, offset)


# -- the money --------------------------------------------------------------------------------


async def resource_flow(ctx: Context, org_id: str | None, year: int | None) -> dict[str, Any]:
    """Funds → allocations in a subtree → activities → people (schema ResourceFlow)."""
    principal = ctx.caller()
    org = graph_id(org_id, "Organization", "orgId") if org_id else principal.org_id
    rows = await ctx.graph.read(RESOURCE_FLOW, org=org, year=year)
    if not rows and not await organization_visible(ctx, org):
        raise NotFound(f"no organisation {org_id or org}", "orgId")
    return flow(rows, year)


def flow(rows: list[dict[str, Any]], year: int | None) -> dict[str, Any]:
    """Folds the rows of RESOURCE_FLOW (an allocation each, by fund) into the funds with their
    allocations and the totals."""
    funds: dict[str, dict[str, Any]] = {}
    for row in rows:
        fund = funds.setdefault(
            row["fund"],
            {
                "key": row["fund"],
                "name": row["fundName"] or row["fund"],
                "source": row["source"],
                "year": row["year"],
                "amount": row["fundAmount"] or 0,
                "allocated": 0,
                "allocations": [],
            },
        )
        allocation = {
            "target": row["target"],
            "amount": row["amount"] or 0,
            "activities": row["activities"],
            "participants": row["participants"],
            "served": row["served"],
        }
        fund["allocations"].append(allocation)
        fund["allocated"] += allocation["amount"]
    every = [a for f in funds.values() for a in f["allocations"]]
    return {
        "year": year,
        "funds": list(funds.values()),
        "allocated": sum(a["amount"] for a in every),
        "activities": sum(a["activities"] for a in every),
        "participants": sum(a["participants"] for a in every),
        "served": sum(a["served"] for a in every),
    }
