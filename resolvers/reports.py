"""partnershipReport(orgId, from, to, top): the one function that computes a partnership report,
for GraphQL (schema/reports.py) and for the CSV/XLSX downloads (app/downloads.py) alike, so both
show the same numbers. It returns plain data: the statement's row (graph/reports.py) with the
period and each top partner's kind."""

from __future__ import annotations

import datetime as dt
from typing import Any

from core.errors import BadUserInput, Forbidden, NotFound
from core.ids import graph_id
from core.vocabulary import ProjectBrand
from graph.reports import PARTNERSHIP_REPORT
from resolvers.context import Context
from resolvers.validate import today

DEFAULT_TOP = 10  # top partners listed unless asked otherwise
MAX_TOP = 100
MAX_ROWS = 500  # breakdown rows (next-level units); no real subtree comes near

# A top partner's kind: the graph label that schema/reports.py's PartnerKind codes name.
SOCIAL_ORGANIZATION = "SocialOrganization"
INDUSTRY_COMMITTEE = "IndustryCommittee"


def period(from_: dt.date | None, to: dt.date | None) -> tuple[dt.date, dt.date]:
    """Both days inclusive. Default: this calendar year to date (Asia/Shanghai); given only
    `to`, from the first of January of its year; given only `from`, up to today."""
    to = to or today()
    from_ = from_ or dt.date(to.year, 1, 1)
    if from_ > to:
        raise BadUserInput("from must not be after to", "from")
    return from_, to


def partner_kind(labels: list[str]) -> str:
    """A top partner is a social organisation or (else) an industry committee."""
    return SOCIAL_ORGANIZATION if SOCIAL_ORGANIZATION in labels else INDUSTRY_COMMITTEE


def report(row: dict[str, Any], first: dt.date, last: dt.date) -> dict[str, Any]:
    """The report of the statement's row: the row, its period, and the kind of each partner."""
    partners = [{**p, "kind": partner_kind(p["partner"]["labels"])} for p in row["topPartners"]]
    return {**row, "from": first, "to": last, "topPartners": partners}


async def partnership_report(
    ctx: Context,
    org_id: str | None,
    from_: dt.date | None = None,
    to: dt.date | None = None,
    top: int = DEFAULT_TOP,
) -> dict[str, Any]:
    principal = ctx.caller()
    if not 1 <= top <= MAX_TOP:
        raise BadUserInput(f"top must be from 1 to {MAX_TOP}", "top")
    first, last = period(from_, to)
    if org_id:
        org = graph_id(org_id, "Organization", "orgId")
    elif ctx.scope.social_org:
        raise Forbidden("a social organisation has no subtree to report on", "orgId")
    else:
        org = principal.org_id
    # A report covers a subtree, so the caller must own the root: an industry committee it
    # merely sees as a co-building partner is not its to report on.
    if not ctx.scope.owns(org):
        raise NotFound(f"no organisation {org_id or org}", "orgId")
    rows = await ctx.graph.read(
        PARTNERSHIP_REPORT,
        org=org,
        top=top,
        maxRows=MAX_ROWS,
        brands=[brand.value for brand in ProjectBrand],
        **{"from": first, "to": last},
    )
    if not rows:
        raise NotFound(f"no organisation {org_id or org}", "orgId")
    return report(rows[0], first, last)
