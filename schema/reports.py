"""Partnership reports (合作共建报告): the figures of an organisation's subtree over a period.

The definitions are in graph/reports.py (and the README). Counts only: no personal data. The
same result types lay out the CSV/XLSX downloads (app/downloads.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from resolvers import reports
from resolvers.reports import DEFAULT_TOP, MAX_ROWS, MAX_TOP
from schema.enums import FundSource, Labelled, ProjectBrand
from schema.fields import Info, label
from schema.mapping import build
from schema.nodes.organization import Organization
from schema.nodes.social_organization import SocialOrganization


class PartnerKind(Labelled):
    SOCIAL_ORGANIZATION = (reports.SOCIAL_ORGANIZATION, "社会组织")
    INDUSTRY_COMMITTEE = (reports.INDUSTRY_COMMITTEE, "行业团工委")


strawberry.enum(
    PartnerKind,
    description="What kind of partner (SOCIAL_ORGANIZATION 社会组织; "
    "INDUSTRY_COMMITTEE 行业团工委)",
)

ReportPartner = Annotated[
    SocialOrganization | Organization,
    strawberry.union("ReportPartner", description="A social organisation or industry committee."),
]


@strawberry.type(description="联建共建: industry committee–grid branch pairs of the subtree.")
class CoBuildingFigures:
    pairs_active: int = strawberry.field(description="在建结对: co-building on a day of the period")
    pairs_new: int = strawberry.field(description="新建结对: active, not the day before it")
    pairs_ended: int = strawberry.field(description="解除结对: active, but not after its last day")
    committees: int = strawberry.field(description="Industry committees in active pairs")
    grid_branches: int = strawberry.field(description="Grid branches in active pairs")


@strawberry.type(description="资源链接: social organisations linked with the subtree.")
class LinkageFigures:
    social_organizations: int = strawberry.field(description="社会组织 linked in the period")
    social_organizations_new: int = strawberry.field(description="Not linked the day before it")
    social_workers: int = strawberry.field(description="社会化工作者 of those organisations")


@strawberry.type(description="Activities organised in the subtree in the period.")
class ActivityFigures:
    activities: int
    participants: int = strawberry.field(description="参与人次")
    youth_served: int = strawberry.field(description="服务青少年人次")
    joint_activities: int = strawberry.field(
        description="联合活动: with a social organisation, industry committee or enterprise"
    )
    joint_participants: int
    joint_youth_served: int


@strawberry.type(description="The activities of one project brand.")
class BrandFigures:
    brand: ProjectBrand
    brand_label = label("brand")
    activities: int
    joint_activities: int
    participants: int = strawberry.field(description="参与人次 (青年人才节: applicants)")
    youth_served: int = strawberry.field(description="服务人次 (七彩暑托班: child-visits)")


@strawberry.type(description="诉求: appeals raised in the period by youth of the subtree's grids.")
class AppealFigures:
    raised: int
    resolved: int = strawberry.field(description="Of those raised: resolved or closed")
    open: int = strawberry.field(description="Of those raised: not yet matched")
    in_progress: int = strawberry.field(description="Of those raised: matched or in progress")
    rejected: int
    referred: int = strawberry.field(description="Of those raised: referred to a 社会组织")
    median_resolution_hours: float | None = strawberry.field(
        description="Median hours from raised to resolved, of those resolved; null if none"
    )


@strawberry.type(description="Money from one source.")
class FundSourceFigures:
    source: FundSource
    source_label = label("source")
    funds: int
    amount: int = strawberry.field(description="Yuan")


@strawberry.type(
    description="Funds of the period's years allocated to the subtree's organisations and to "
    "the projects they run."
)
class FundingFigures:
    amount: int = strawberry.field(description="Yuan")
    funds: int
    by_source: list[FundSourceFigures]


@strawberry.type(description="The figures of one unit of the next level down.")
class ReportRow:
    organization: Organization
    direct: bool = strawberry.field(
        description="The organisation itself (with industry committees directly under it): "
        "what belongs to no next-level unit"
    )
    pairs_active: int
    pairs_new: int
    pairs_ended: int
    social_organizations: int = strawberry.field(
        description="Distinct per unit: the rows may add up to more than the total"
    )
    activities: int
    joint_activities: int
    participants: int
    youth_served: int
    appeals_raised: int
    appeals_resolved: int
    median_resolution_hours: float | None
    funding: int = strawberry.field(description="Yuan")


@strawberry.type(description="A partner of the subtree and what it did with it in the period.")
class PartnerFigures:
    partner: ReportPartner
    kind: PartnerKind
    kind_label = label("kind")
    joint_activities: int
    participants: int
    youth_served: int
    appeals_handled: int = strawberry.field(description="Appeals of the period referred to it")
    grid_branches: int = strawberry.field(description="Grid branches it co-builds with")


@strawberry.type(description="合作共建报告: partners, linkage, joint work, appeals and money.")
class PartnershipReport:
    organization: Organization
    from_: dt.date = strawberry.field(name="from", description="First day (inclusive)")
    to: dt.date = strawberry.field(description="Last day (inclusive)")
    co_building: CoBuildingFigures
    linkage: LinkageFigures
    activities: ActivityFigures
    brands: list[BrandFigures] = strawberry.field(description="Every project brand, in order")
    appeals: AppealFigures
    funding: FundingFigures
    breakdown: list[ReportRow] = strawberry.field(
        description="The organisation itself (direct), then each unit of the next level down "
        f"(towns, communities or grid branches; at most {MAX_ROWS}). Counts add up to "
        "the totals, distinct counts may not."
    )
    top_partners: list[PartnerFigures] = strawberry.field(
        description="Partners of the subtree's work in the period, ranked by joint activities, "
        "then appeals handled, then youth served; only those the caller may see"
    )


@strawberry.type
class Query:
    @strawberry.field(
        description="The partnership report of an organisation's subtree (default: the "
        "caller's organisation) for a period of days (default: this calendar year to date). "
        "Needs a token; the organisation must be within the caller's subtree."
    )
    async def partnership_report(
        self,
        info: Info,
        org_id: strawberry.ID | None = None,
        from_: Annotated[dt.date | None, strawberry.argument(name="from")] = None,
        to: dt.date | None = None,
        top: Annotated[
            int, strawberry.argument(description=f"Top partners, 1–{MAX_TOP}")
        ] = DEFAULT_TOP,
    ) -> PartnershipReport:
        report = await reports.partnership_report(info.context, org_id, from_, to, top)
        return build(PartnershipReport, report)
