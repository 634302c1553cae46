"""Filter inputs of the lists and relations. Each field is a filter of graph/entities.py with the
same name; ids are global ids. Unset filters do not filter."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.enums import (
    AppealCategory,
    AppealStatus,
    AwardTitle,
    CadreSource,
    Difficulty,
    FundSource,
    OrgKind,
    PositionType,
    ProjectBrand,
    Sector,
    ServiceType,
    Skill,
    TrainingTopic,
    Urgency,
    VisitKind,
)


@strawberry.input
class CommonFilter:
    under: strawberry.ID | None = strawberry.field(
        default=None, description="Only what belongs to this organisation's subtree."
    )
    archived: bool | None = strawberry.field(
        default=None, description="Archived objects only (true), or not (default)."
    )


@strawberry.input
class OrganizationFilter(CommonFilter):
    kind: OrgKind | None = None
    level: int | None = None
    sector: Sector | None = None
    search: str | None = strawberry.field(default=None, description="Part of the name.")


@strawberry.input
class GridFilter(CommonFilter):
    has_branch: bool | None = None
    search: str | None = None


@strawberry.input
class CadreFilter(CommonFilter):
    source: CadreSource | None = None
    search: str | None = None


@strawberry.input
class TrainingFilter(CommonFilter):
    topic: TrainingTopic | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@strawberry.input
class ChatGroupFilter(CommonFilter):
    level: int | None = None


@strawberry.input
class PositionFilter(CommonFilter):
    type: PositionType | None = None
    search: str | None = None


@strawberry.input
class SocialOrganizationFilter(CommonFilter):
    service: ServiceType | None = None
    search: str | None = None


@strawberry.input
class SocialWorkerFilter(CommonFilter):
    skill: Skill | None = None
    social_organization: strawberry.ID | None = None
    search: str | None = None


@strawberry.input
class YouthFilter(CommonFilter):
    in_difficulty: bool | None = None
    difficulty: Difficulty | None = None
    grid: strawberry.ID | None = None
    search: str | None = strawberry.field(
        default=None, description="Part of the name (only for callers who see names)."
    )


@strawberry.input
class AppealFilter(CommonFilter):
    status: list[AppealStatus] | None = None
    category: AppealCategory | None = None
    urgency: Urgency | None = None
    created_from: dt.datetime | None = None
    created_to: dt.datetime | None = None
    search: str | None = None


@strawberry.input
class ServiceProjectFilter(CommonFilter):
    brand: ProjectBrand | None = None
    year: int | None = None
    search: str | None = None


@strawberry.input
class ActivityFilter(CommonFilter):
    brand: ProjectBrand | None = None
    project: strawberry.ID | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    search: str | None = None


@strawberry.input
class EnterpriseFilter(CommonFilter):
    industry: str | None = None
    search: str | None = None


@strawberry.input
class VisitFilter(CommonFilter):
    kind: VisitKind | None = None
    cadre: strawberry.ID | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@strawberry.input
class FundFilter(CommonFilter):
    year: int | None = None
    source: FundSource | None = None


@strawberry.input
class CampaignFilter(CommonFilter):
    year: int | None = None
    search: str | None = None


@strawberry.input
class AssessmentFilter(CommonFilter):
    period: str | None = None


@strawberry.input
class AwardFilter(CommonFilter):
    year: int | None = None
    title: AwardTitle | None = None


@strawberry.input
class NoticeFilter(CommonFilter):
    urgency: Urgency | None = None
    issued_from: dt.datetime | None = None
    issued_to: dt.datetime | None = None


FILTERS: dict[str, type] = {
    "Organization": OrganizationFilter,
    "Grid": GridFilter,
    "Cadre": CadreFilter,
    "Training": TrainingFilter,
    "ChatGroup": ChatGroupFilter,
    "Position": PositionFilter,
    "SocialOrganization": SocialOrganizationFilter,
    "SocialWorker": SocialWorkerFilter,
    "Youth": YouthFilter,
    "Appeal": AppealFilter,
    "ServiceProject": ServiceProjectFilter,
    "Activity": ActivityFilter,
    "Enterprise": EnterpriseFilter,
    "Visit": VisitFilter,
    "Fund": FundFilter,
    "Campaign": CampaignFilter,
    "Assessment": AssessmentFilter,
    "Award": AwardFilter,
    "Notice": NoticeFilter,
}
