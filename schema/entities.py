"""The root Query: nodes by global id, a list per entity of the model, the overview."""

from __future__ import annotations

import strawberry

from core.errors import BadUserInput
from core.ids import from_global_id
from core.paging import MAX_PAGE
from resolvers import entities
from schema.enums import Role
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
