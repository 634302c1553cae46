"""partnershipReport(orgId, from, to, top): the one function that builds a partnership report,
for GraphQL and for the CSV/XLSX downloads alike (app/downloads.py), so both show the same
numbers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import schema.report as types  # a module import: schema/report.py imports this module too
from core.errors import BadUserInput, Forbidden, NotFound, Unauthenticated
from core.ids import graph_id
from core.principal import Principal
from core.vocabulary import FundSource, ProjectBrand
from graph.driver import Database
from graph.reports import DEFAULT_TOP, MAX_ROWS, MAX_TOP, PARTNERSHIP_REPORT
from graph.scope import Scope
from resolvers.validate import today
from schema.mapping import from_row, to_object


def period(from_: dt.date | None, to: dt.date | None) -> tuple[dt.date, dt.date]:
    """Both days inclusive. Default: this calendar year to date (Asia/Shanghai); given only
    `to`, from the first of January of its year; given only `from`, up to today."""
    to = to or today()
    from_ = from_ or dt.date(to.year, 1, 1)
    if from_ > to:
        raise BadUserInput("from must not be after to", "from")
    return from_, to


async def partnership_report(
    db: Database,
    principal: Principal | None,
    scope: Scope,
    org_id: str | None,
    from_: dt.date | None = None,
    to: dt.date | None = None,
    top: int = DEFAULT_TOP,
) -> types.PartnershipReport:
    if principal is None:
        raise Unauthenticated("partnership reports need a bearer token")
    if not 1 <= top <= MAX_TOP:
        raise BadUserInput(f"top must be from 1 to {MAX_TOP}", "top")
    first, last = period(from_, to)
    if org_id:
        org = graph_id(org_id, "Organization", "orgId")
    elif scope.social_org:
        raise Forbidden("a social organisation has no subtree to report on", "orgId")
    else:
        org = principal.org_id
    # A report covers a subtree, so the caller must own the root: an industry committee it
    # merely sees as a co-building partner is not its to report on.
    if not (scope.everything or org in scope.orgs):
        raise NotFound(f"no organisation {org_id or org}", "orgId")
    rows = await db.read(
        PARTNERSHIP_REPORT,
        org=org,
        top=top,
        maxRows=MAX_ROWS,
        brands=[brand.value for brand in ProjectBrand],
        **{"from": first, "to": last},
        **scope.params(),
    )
    if not rows:
        raise NotFound(f"no organisation {org_id or org}", "orgId")
    return _report(rows[0], first, last)


def _report(row: dict[str, Any], first: dt.date, last: dt.date) -> types.PartnershipReport:
    funding = row["funding"]
    return types.PartnershipReport(
        organization=to_object(row["organization"]),
        from_=first,
        to=last,
        co_building=from_row(types.CoBuildingFigures, row["coBuilding"]),
        linkage=from_row(types.LinkageFigures, row["linkage"]),
        activities=from_row(types.ActivityFigures, row["activities"]),
        brands=[
            from_row(types.BrandFigures, {**b, "brand": ProjectBrand(b["brand"])})
            for b in row["brands"]
        ],
        appeals=from_row(types.AppealFigures, row["appeals"]),
        funding=types.FundingFigures(
            amount=funding["amount"],
            funds=funding["funds"],
            by_source=[
                from_row(types.FundSourceFigures, {**s, "source": FundSource(s["source"])})
                for s in funding["bySource"]
            ],
        ),
        breakdown=[
            from_row(types.ReportRow, {**r, "organization": to_object(r["organization"])})
            for r in row["breakdown"]
        ],
        top_partners=[
            from_row(
                types.PartnerFigures,
                {
                    **p,
                    "partner": to_object(p["partner"]),
                    "kind": types.PartnerKind.SOCIAL_ORGANIZATION
                    if "SocialOrganization" in p["partner"]["labels"]
                    else types.PartnerKind.INDUSTRY_COMMITTEE,
                },
            )
            for p in row["topPartners"]
        ],
    )
