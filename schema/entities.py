"""The root Query: nodes by global id, a list per entity of the model, the overview."""

from __future__ import annotations

import datetime as dt

import strawberry

from core.errors import BadUserInput
from core.ids import from_global_id
from core.paging import MAX_PAGE
from resolvers import entities
from schema.enums import (
    AppealCategory,
    CadreSource,
    Difficulty,
    Gender,
    OrgKind,
    PositionType,
    Post,
    Role,
    Sector,
    ServiceType,
    Skill,
    Urgency,
)
from schema.fields import Info, listing, selection
from schema.filters import FILTERS
from schema.mapping import TYPES, to_object
from schema.nodes.activity import Activity
from schema.nodes.appeal import Appeal
from schema.nodes.assessment import Assessment
from schema.nodes.award import Award
from schema.nodes.cadre import Cadre
from schema.nodes.campaign import Campaign
from schema.nodes.chat_group import ChatGroup
from schema.nodes.enterprise import Enterprise
from schema.nodes.fund import Fund
from schema.nodes.grid import Grid
from schema.nodes.notice import Notice
from schema.nodes.organization import Organization
from schema.nodes.position import Position
from schema.nodes.service_project import ServiceProject
from schema.nodes.social_organization import SocialOrganization
from schema.nodes.social_worker import SocialWorker
from schema.nodes.training import Training
from schema.nodes.visit import Visit
from schema.nodes.youth import Youth
from schema.overview import Overview, overview
from schema.relay import Node


@strawberry.type(description="The caller, as its token names it.")
class Viewer:
    account: str
    role: Role
    organization_key: str = strawberry.field(description="The graph id it acts for.")


@strawberry.type
class Query:
    @strawberry.field(description="The object a global id names; null if none (or out of scope).")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        (found,) = await _nodes(info, [id], "id")
        return found

    @strawberry.field(description=f"Objects by global id, in order (at most {MAX_PAGE}).")
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        if len(ids) > MAX_PAGE:
            raise BadUserInput(f"at most {MAX_PAGE} ids", "ids")
        return await _nodes(info, ids, "ids")

    @strawberry.field(description="Who is calling; null without a token.")
    def viewer(self, info: Info) -> Viewer | None:
        p = info.context.require_principal(public=True)
        return Viewer(account=p.account, role=p.role, organization_key=p.org_id) if p else None

    @strawberry.field(
        description="Figures of the subtree of an organisation (default: the caller's, or the "
        "district), optionally for one year. Public aggregates: no token needed."
    )
    async def overview(
        self, info: Info, org_id: strawberry.ID | None = None, year: int | None = None
    ) -> Overview:
        return await overview(info, org_id, year)

    organizations = listing(
        "Organization", Organization, FILTERS["Organization"], "Organisations, by level."
    )
    grids = listing("Grid", Grid, FILTERS["Grid"], "Governance grids.")
    cadres = listing("Cadre", Cadre, FILTERS["Cadre"], "Grid league cadres.")
    trainings = listing("Training", Training, FILTERS["Training"], "Cadre trainings.")
    chat_groups = listing("ChatGroup", ChatGroup, FILTERS["ChatGroup"], "WeChat tower groups.")
    positions = listing("Position", Position, FILTERS["Position"], "Offline positions.")
    social_organizations = listing(
        "SocialOrganization",
        SocialOrganization,
        FILTERS["SocialOrganization"],
        "Social organisations.",
    )
    social_workers = listing(
        "SocialWorker", SocialWorker, FILTERS["SocialWorker"], "Social workers."
    )
    youth = listing("Youth", Youth, FILTERS["Youth"], "Youth on file.")
    appeals = listing("Appeal", Appeal, FILTERS["Appeal"], "Appeals of youth.")
    service_projects = listing(
        "ServiceProject", ServiceProject, FILTERS["ServiceProject"], "Service projects."
    )
    activities = listing("Activity", Activity, FILTERS["Activity"], "Project activities.")
    enterprises = listing("Enterprise", Enterprise, FILTERS["Enterprise"], "Enterprises.")
    visits = listing("Visit", Visit, FILTERS["Visit"], "Cadres' visits.")
    funds = listing("Fund", Fund, FILTERS["Fund"], "Funds.")
    campaigns = listing("Campaign", Campaign, FILTERS["Campaign"], "Campaigns.")
    assessments = listing("Assessment", Assessment, FILTERS["Assessment"], "Assessments.")
    awards = listing("Award", Award, FILTERS["Award"], "Awards.")
    notices = listing("Notice", Notice, FILTERS["Notice"], "Notices.")


async def _nodes(info: Info, ids: list[strawberry.ID], field: str) -> list[Node | None]:
    """Nodes by global id, in order, in one statement with all that the selection reads below
    them; null for an id that names nothing the caller may see."""
    info.context.require_principal()
    keys = [from_global_id(value, field) for value in ids]
    for (type_name, _), value in zip(keys, ids, strict=True):
        if type_name not in TYPES:
            raise BadUserInput(f"'{value}' is not an id of this API", field=field)
    by_label: dict[str, list[str]] = {}
    for type_name, key in keys:
        by_label.setdefault(type_name, []).append(key)
    walk = selection(info)
    shape = walk.nodes_shape(sorted(by_label), list(info._raw_info.field_nodes))
    found = await entities.read_nodes(info.context, shape, by_label, walk.params)
    return [to_object(found[key]) if key in found else None for key in keys]


NODE_TYPES = [
    Organization, Grid, Cadre, Training, ChatGroup, Position, SocialOrganization, SocialWorker,
    Youth, Appeal, ServiceProject, Activity, Enterprise, Visit, Fund, Campaign, Assessment, Award,
    Notice,
]  # fmt: skip


# -- creating, changing and archiving the core entities ------------------------------------------

ID = strawberry.ID


@strawberry.input
class CreateOrganizationInput:
    name: str
    kind: OrgKind = strawberry.field(description="Not CENTER: there is one district centre.")
    parent_id: ID = strawberry.field(
        description="Town→centre, community→town, grid branch→community, committee→centre/town."
    )
    sector: Sector | None = strawberry.field(default=None, description="Committees only.")
    established_at: dt.date | None = None


@strawberry.input
class UpdateOrganizationInput:
    id: ID
    name: str | None = None
    parent_id: ID | None = strawberry.field(default=None, description="Move it (same rules).")
    sector: Sector | None = None
    established_at: dt.date | None = None


@strawberry.input
class CreateGridInput:
    name: str
    community_id: ID
    branch_id: ID | None = strawberry.field(
        default=None, description="Its grid branch; none: served by the community branch."
    )
    youth_count: int | None = None


@strawberry.input
class UpdateGridInput:
    id: ID
    name: str | None = None
    branch_id: ID | None = None
    youth_count: int | None = None


@strawberry.input
class CreateCadreInput:
    name: str
    source: CadreSource
    organization_id: ID
    post: Post
    phone: str | None = None
    gender: Gender | None = None
    birth_date: dt.date | None = None
    since: dt.date | None = None


@strawberry.input
class UpdateCadreInput:
    id: ID
    name: str | None = None
    source: CadreSource | None = None
    phone: str | None = None
    gender: Gender | None = None
    birth_date: dt.date | None = None


@strawberry.input
class AssignPostInput:
    cadre_id: ID
    organization_id: ID
    post: Post
    since: dt.date | None = None


@strawberry.input
class CreateSocialOrganizationInput:
    name: str
    services: list[ServiceType]
    capacity: int
    linked_organization_id: ID = strawberry.field(description="The organisation it links with.")
    registered_at: dt.date | None = None
    since: dt.date | None = None


@strawberry.input
class UpdateSocialOrganizationInput:
    id: ID
    name: str | None = None
    services: list[ServiceType] | None = None
    capacity: int | None = None
    registered_at: dt.date | None = None


@strawberry.input
class CreateSocialWorkerInput:
    name: str
    skills: list[Skill]
    social_organization_id: ID


@strawberry.input
class UpdateSocialWorkerInput:
    id: ID
    name: str | None = None
    skills: list[Skill] | None = None
    social_organization_id: ID | None = None


@strawberry.input
class CreateYouthInput:
    name: str
    gender: Gender
    birth_date: dt.date
    grid_id: ID
    in_difficulty: bool = False
    difficulties: list[Difficulty] | None = None
    id_number: str | None = strawberry.field(
        default=None, description="居民身份证号: 18 characters, GB 11643 check digit."
    )
    phone: str | None = None
    address: str | None = None


@strawberry.input
class UpdateYouthInput:
    id: ID
    name: str | None = None
    gender: Gender | None = None
    birth_date: dt.date | None = None
    grid_id: ID | None = None
    in_difficulty: bool | None = None
    difficulties: list[Difficulty] | None = None
    id_number: str | None = None
    phone: str | None = None
    address: str | None = None


@strawberry.input
class CreateAppealInput:
    youth_id: ID
    title: str
    category: AppealCategory
    urgency: Urgency = Urgency.GENERAL
    description: str | None = None
    collected_by_id: ID | None = None


@strawberry.input
class UpdateAppealInput:
    id: ID
    title: str | None = None
    category: AppealCategory | None = None
    urgency: Urgency | None = None
    description: str | None = None


@strawberry.input
class CreatePositionInput:
    name: str
    type: PositionType
    hosted_by_id: ID
    grid_id: ID | None = None
    address: str | None = None
    opened_at: dt.date | None = None


@strawberry.input
class UpdatePositionInput:
    id: ID
    name: str | None = None
    type: PositionType | None = None
    grid_id: ID | None = None
    address: str | None = None
    opened_at: dt.date | None = None


@strawberry.input
class CreateActivityInput:
    title: str
    date: dt.date
    project_id: ID
    organized_by_id: ID
    participants: int | None = None
    served: int | None = None
    held_at_id: ID | None = None
    partner_ids: list[ID] | None = strawberry.field(
        default=None, description="Social organisations, industry committees or enterprises."
    )


@strawberry.input
class UpdateActivityInput:
    id: ID
    title: str | None = None
    date: dt.date | None = None
    participants: int | None = None
    served: int | None = None
    held_at_id: ID | None = None


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def create_organization(self, info: Info, input: CreateOrganizationInput) -> Organization:
        return to_object(await entities.create_organization(info.context, input))

    @strawberry.mutation
    async def update_organization(self, info: Info, input: UpdateOrganizationInput) -> Organization:
        return to_object(await entities.update_organization(info.context, input))

    @strawberry.mutation
    async def create_grid(self, info: Info, input: CreateGridInput) -> Grid:
        return to_object(await entities.create_grid(info.context, input))

    @strawberry.mutation
    async def update_grid(self, info: Info, input: UpdateGridInput) -> Grid:
        return to_object(await entities.update_grid(info.context, input))

    @strawberry.mutation(description="A new cadre with its first post.")
    async def create_cadre(self, info: Info, input: CreateCadreInput) -> Cadre:
        return to_object(await entities.create_cadre(info.context, input))

    @strawberry.mutation
    async def update_cadre(self, info: Info, input: UpdateCadreInput) -> Cadre:
        return to_object(await entities.update_cadre(info.context, input))

    @strawberry.mutation(description="Gives a cadre a post in one more organisation.")
    async def assign_post(self, info: Info, input: AssignPostInput) -> Cadre:
        return to_object(await entities.assign_post(info.context, input))

    @strawberry.mutation(description="Ends a cadre's post (kept with `until`).")
    async def end_post(
        self, info: Info, cadre_id: ID, organization_id: ID, until: dt.date | None = None
    ) -> Cadre:
        return to_object(await entities.end_post(info.context, cadre_id, organization_id, until))

    @strawberry.mutation(description="An industry committee starts co-building with a branch.")
    async def establish_co_building(
        self, info: Info, committee_id: ID, grid_branch_id: ID, since: dt.date | None = None
    ) -> Organization:
        return to_object(
            await entities.establish_co_building(info.context, committee_id, grid_branch_id, since)
        )

    @strawberry.mutation(description="Ends a co-building; the history keeps it with `until`.")
    async def end_co_building(
        self, info: Info, committee_id: ID, grid_branch_id: ID, until: dt.date | None = None
    ) -> Organization:
        return to_object(
            await entities.end_co_building(info.context, committee_id, grid_branch_id, until)
        )

    @strawberry.mutation
    async def create_social_organization(
        self, info: Info, input: CreateSocialOrganizationInput
    ) -> SocialOrganization:
        return to_object(await entities.create_social_organization(info.context, input))

    @strawberry.mutation
    async def update_social_organization(
        self, info: Info, input: UpdateSocialOrganizationInput
    ) -> SocialOrganization:
        return to_object(await entities.update_social_organization(info.context, input))

    @strawberry.mutation(description="Links a social organisation with an organisation.")
    async def link_social_organization(
        self,
        info: Info,
        social_organization_id: ID,
        organization_id: ID,
        since: dt.date | None = None,
    ) -> SocialOrganization:
        return to_object(
            await entities.link_social_organization(
                info.context, social_organization_id, organization_id, since
            )
        )

    @strawberry.mutation(description="Ends a linkage; the history keeps it with `until`.")
    async def unlink_social_organization(
        self,
        info: Info,
        social_organization_id: ID,
        organization_id: ID,
        until: dt.date | None = None,
    ) -> SocialOrganization:
        return to_object(
            await entities.unlink_social_organization(
                info.context, social_organization_id, organization_id, until
            )
        )

    @strawberry.mutation
    async def create_social_worker(
        self, info: Info, input: CreateSocialWorkerInput
    ) -> SocialWorker:
        return to_object(await entities.create_social_worker(info.context, input))

    @strawberry.mutation
    async def update_social_worker(
        self, info: Info, input: UpdateSocialWorkerInput
    ) -> SocialWorker:
        return to_object(await entities.update_social_worker(info.context, input))

    @strawberry.mutation
    async def create_youth(self, info: Info, input: CreateYouthInput) -> Youth:
        return to_object(await entities.create_youth(info.context, input))

    @strawberry.mutation
    async def update_youth(self, info: Info, input: UpdateYouthInput) -> Youth:
        return to_object(await entities.update_youth(info.context, input))

    @strawberry.mutation(description="Records an appeal (status OPEN).")
    async def create_appeal(self, info: Info, input: CreateAppealInput) -> Appeal:
        return to_object(await entities.create_appeal(info.context, input))

    @strawberry.mutation
    async def update_appeal(self, info: Info, input: UpdateAppealInput) -> Appeal:
        return to_object(await entities.update_appeal(info.context, input))

    @strawberry.mutation
    async def create_position(self, info: Info, input: CreatePositionInput) -> Position:
        return to_object(await entities.create_position(info.context, input))

    @strawberry.mutation
    async def update_position(self, info: Info, input: UpdatePositionInput) -> Position:
        return to_object(await entities.update_position(info.context, input))

    @strawberry.mutation
    async def create_activity(self, info: Info, input: CreateActivityInput) -> Activity:
        return to_object(await entities.create_activity(info.context, input))

    @strawberry.mutation
    async def update_activity(self, info: Info, input: UpdateActivityInput) -> Activity:
        return to_object(await entities.update_activity(info.context, input))

    @strawberry.mutation(
        description="Archives an organisation, grid, cadre, social organisation or worker, "
        "youth, appeal, position or activity: it leaves the lists (filter archived: true "
        "shows it) and keeps its history. An organisation with active children or grids is a "
        "CONFLICT."
    )
    async def archive(self, info: Info, id: ID) -> Node:
        return to_object(await entities.archive(info.context, id))
