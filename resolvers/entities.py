"""The core entities: lists in the caller's scope, nodes by id and the relations of nodes,
each read as one compiled statement (graph/compiler.py) whatever the depth of its selection; and
the writes that create, change and archive them, one transaction each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from core.errors import BadUserInput, Conflict, NotFound
from core.ids import from_global_id, graph_id
from core.paging import Page
from core.vocabulary import OrgKind, Post
from graph.compiler import ListShape, NodesShape, RelationShape, list_statement, nodes_statement
from graph.writes import (
    ACTIVE_CHILDREN,
    ACTIVE_LINK,
    BRANCH_GRIDS,
    EDITABLE,
    END_LINK,
    GRID_COMMUNITY,
    IS_DESCENDANT,
    LOOKUP,
    START_LINK,
    UNLINK_ALL,
    link_key,
)
from resolvers import validate as v
from resolvers.context import Context
from resolvers.shared import Writer, key_of, write


async def read_list(ctx: Context, shape: ListShape, params: Mapping[str, Any]) -> Page[Any]:
    """A page of a list of the caller's scope, with what the selection reads below its nodes."""
    ctx.require_principal()
    rows = await ctx.graph.read(list_statement(shape, ctx.scope.limited), **params)
    items = rows[0]["items"] if rows else []
    total = rows[0]["total"] if rows and rows[0]["total"] is not None else None
    offset = params["offset"]
    return Page(items, offset + len(items) if total is None else total, offset)


async def read_nodes(
    ctx: Context, shape: NodesShape, ids: Mapping[str, list[str]], params: Mapping[str, Any]
) -> dict[tuple[str, str], dict[str, Any]]:
    """The records of the nodes named by (label, graph id), of those the caller may see."""
    ctx.require_principal()
    by_label = {f"ids_{label}": ids.get(label, []) for label, _ in shape.shapes}
    args = {**params, **by_label}
    rows = await ctx.graph.read(nodes_statement(shape, ctx.scope.limited), **args)
    found = {}
    for row in rows:
        record = row["node"]
        for label in ids:
            if label in record["labels"]:
                found[(label, record["props"]["id"])] = record
    return found


async def read_relation(
    ctx: Context, parent: str, key: str, shape: RelationShape, params: Mapping[str, Any]
) -> Any:
    """A relation of one node that no compiled read brought (a feature's own query returned the
    node): batched with the same relation of the request's other such nodes."""
    return await ctx.loaders.relations.load((parent, shape, freeze(params), key))


def freeze(params: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


# -- writes: one transaction each, references looked up in the scope -----------------------------

# The hierarchy: which kinds each kind may hang under, and its level.
PARENT_KINDS = {
    OrgKind.TOWN_COMMITTEE: {"Center"},
    OrgKind.COMMUNITY_BRANCH: {"TownCommittee"},
    OrgKind.GRID_BRANCH: {"CommunityBranch"},
    OrgKind.INDUSTRY_COMMITTEE: {"Center", "TownCommittee"},
}
LEVELS = {OrgKind.TOWN_COMMITTEE: 1, OrgKind.COMMUNITY_BRANCH: 2, OrgKind.GRID_BRANCH: 3}


async def _update(
    ctx: Context,
    label: str,
    global_id: str,
    props: dict[str, Any],
    relink: Callable[[Writer, str], Awaitable[None]] | None = None,
) -> Any:
    """Sets `props` on the node a global id names (and re-points its links), in one transaction."""

    async def work(w: Writer) -> dict[str, Any]:
        node = await w.lookup_to_change(label, global_id, "id")
        if relink is not None:
            await relink(w, key_of(node))
        return await w.update(label, key_of(node), props)

    return await write(ctx, work)


def _kind(node: dict[str, Any]) -> str:
    return next(k.value for k in OrgKind if k.value in node["labels"])


# -- organisations ---------------------------------------------------------------------------


def _check_parent(kind: OrgKind, parent: dict[str, Any]) -> None:
    if _kind(parent) not in PARENT_KINDS[kind]:
        allowed = " or ".join(sorted(PARENT_KINDS[kind]))
        raise BadUserInput(f"a {kind.value} hangs under a {allowed}", "parentId")


def _sector(kind: OrgKind, sector: Any) -> str | None:
    if (kind is OrgKind.INDUSTRY_COMMITTEE) != (sector is not None):
        raise BadUserInput("sector is given for industry committees, and only for them", "sector")
    return sector.value if sector else None


async def create_organization(ctx: Context, data: Any) -> Any:
    if data.kind is OrgKind.CENTER:
        raise BadUserInput("there is one district centre; it cannot be created", "kind")
    props = {
        "name": v.text(data.name, "name"),
        "sector": _sector(data.kind, data.sector),
        "level": LEVELS.get(data.kind),
        "establishedAt": v.past_date(data.established_at, "establishedAt"),
    }

    async def work(w: Writer) -> dict[str, Any]:
        parent = await w.lookup("Organization", data.parent_id, "parentId")
        _check_parent(data.kind, parent)
        node = await w.create(f"Organization:{data.kind.value}", v.drop_none(props))
        await w.link(("Organization", key_of(node)), "UNDER", ("Organization", key_of(parent)))
        return node

    return await write(ctx, work)


async def update_organization(ctx: Context, data: Any) -> Any:
    props = v.drop_none(
        {
            "name": v.text(data.name, "name", required=False),
            "establishedAt": v.past_date(data.established_at, "establishedAt"),
        }
    )

    async def work(w: Writer) -> dict[str, Any]:
        org = await w.lookup("Organization", data.id, "id")
        kind = OrgKind(_kind(org))
        if data.sector is not None:
            props["sector"] = _sector(kind, data.sector)
        if data.parent_id is not None:
            if kind is OrgKind.CENTER:
                raise BadUserInput("the district centre hangs under nothing", "parentId")
            parent = await w.lookup("Organization", data.parent_id, "parentId")
            _check_parent(kind, parent)
            rows = await w.run(IS_DESCENDANT, candidate=key_of(parent), ancestor=key_of(org))
            if key_of(parent) == key_of(org) or rows[0]["below"]:
                raise BadUserInput("an organisation cannot hang under itself", "parentId")
            await w.run(UNLINK_ALL[link_key("Organization", "UNDER", "Organization")],
                        source=key_of(org))  # fmt: skip
            await w.link(("Organization", key_of(org)), "UNDER", ("Organization", key_of(parent)))
        return await w.update("Organization", key_of(org), props)

    return await write(ctx, work)


# -- grids -----------------------------------------------------------------------------------


async def _serve_grid(w: Writer, grid: str, community: str, branch_id: str) -> None:
    branch = await w.lookup("Organization", branch_id, "branchId")
    if _kind(branch) != "GridBranch":
        raise BadUserInput("branchId must name a grid branch", "branchId")
    await w.run(UNLINK_ALL[link_key("Grid", "SERVED_BY", "Organization")], source=grid)
    if await w.run(BRANCH_GRIDS, branch=key_of(branch), grid=grid):
        raise Conflict("that grid branch already serves another grid", "branchId")
    ancestors = await w.run(IS_DESCENDANT, candidate=key_of(branch), ancestor=community)
    if not ancestors[0]["below"]:
        raise BadUserInput("the grid branch must belong to the grid's community", "branchId")
    await w.link(("Grid", grid), "SERVED_BY", ("Organization", key_of(branch)))


async def create_grid(ctx: Context, data: Any) -> Any:
    props = v.drop_none(
        {"name": v.text(data.name, "name"), "youthCount": v.count(data.youth_count, "youthCount")}
    )

    async def work(w: Writer) -> dict[str, Any]:
        community = await w.lookup("Organization", data.community_id, "communityId")
        if _kind(community) != "CommunityBranch":
            raise BadUserInput("communityId must name a community branch", "communityId")
        grid = await w.create("Grid", props)
        await w.link(("Grid", key_of(grid)), "WITHIN", ("Organization", key_of(community)))
        if data.branch_id is not None:
            await _serve_grid(w, key_of(grid), key_of(community), data.branch_id)
        return grid

    return await write(ctx, work)


async def update_grid(ctx: Context, data: Any) -> Any:
    props = v.drop_none(
        {
            "name": v.text(data.name, "name", required=False),
            "youthCount": v.count(data.youth_count, "youthCount"),
        }
    )

    async def work(w: Writer) -> dict[str, Any]:
        grid = await w.lookup("Grid", data.id, "id")
        if data.branch_id is not None:
            rows = await w.run(GRID_COMMUNITY, grid=key_of(grid))
            await _serve_grid(w, key_of(grid), rows[0]["community"], data.branch_id)
        return await w.update("Grid", key_of(grid), props)

    return await write(ctx, work)


# -- cadres and posts ------------------------------------------------------------------------


def _cadre_props(data: Any, required: bool) -> dict[str, Any]:
    return v.drop_none(
        {
            "name": v.text(data.name, "name", required=required),
            "source": data.source.value if data.source else None,
            "phone": v.phone(data.phone, "phone"),
            "gender": data.gender.value if data.gender else None,
            "birthDate": v.past_date(data.birth_date, "birthDate"),
        }
    )


async def _start_post(w: Writer, cadre: str, org_id: str, post: Post, since: Any) -> None:
    org = await w.lookup("Organization", org_id, "organizationId")
    key = link_key("Cadre", "SERVES_IN", "Organization")
    if await w.run(ACTIVE_LINK[key], source=cadre, target=key_of(org)):
        raise Conflict("the cadre already holds a post there", "organizationId")
    props = {"post": post.value, "since": v.past_date(since, "since") or v.today()}
    await w.run(START_LINK[key], source=cadre, target=key_of(org), props=props)


async def create_cadre(ctx: Context, data: Any) -> Any:
    props = _cadre_props(data, required=True)

    async def work(w: Writer) -> dict[str, Any]:
        cadre = await w.create("Cadre", props)
        await _start_post(w, key_of(cadre), data.organization_id, data.post, data.since)
        return cadre

    return await write(ctx, work)


async def update_cadre(ctx: Context, data: Any) -> Any:
    return await _update(ctx, "Cadre", data.id, _cadre_props(data, required=False))


async def assign_post(ctx: Context, data: Any) -> Any:
    async def work(w: Writer) -> dict[str, Any]:
        cadre = await w.lookup("Cadre", data.cadre_id, "cadreId")
        await _start_post(w, key_of(cadre), data.organization_id, data.post, data.since)
        return cadre

    return await write(ctx, work)


async def end_post(ctx: Context, cadre_id: str, organization_id: str, until: Any) -> Any:
    async def work(w: Writer) -> dict[str, Any]:
        cadre = await w.lookup("Cadre", cadre_id, "cadreId")
        org = await w.lookup("Organization", organization_id, "organizationId")
        await _end(w, ("Cadre", "SERVES_IN", "Organization"), key_of(cadre), key_of(org), until)
        return cadre

    return await write(ctx, work)


# -- co-building and linkage (links with a history) ------------------------------------------


async def _end(w: Writer, link: tuple[str, str, str], source: str, target: str, until: Any) -> None:
    rows = await w.run(
        END_LINK[link_key(*link)],
        source=source,
        target=target,
        until=v.past_date(until, "until") or v.today(),
    )
    if not rows:
        raise NotFound("there is no active link between them to end")


async def establish_co_building(ctx: Context, committee_id: str, branch_id: str, since: Any) -> Any:
    async def work(w: Writer) -> dict[str, Any]:
        committee = await w.lookup("Organization", committee_id, "committeeId")
        branch = await w.lookup("Organization", branch_id, "gridBranchId")
        if _kind(committee) != "IndustryCommittee":
            raise BadUserInput("committeeId must name an industry committee", "committeeId")
        if _kind(branch) != "GridBranch":
            raise BadUserInput("gridBranchId must name a grid branch", "gridBranchId")
        key = link_key("Organization", "CO_BUILDS", "Organization")
        pair = {"source": key_of(committee), "target": key_of(branch)}
        if await w.run(ACTIVE_LINK[key], **pair):
            raise Conflict("they already co-build", "gridBranchId")
        started = v.past_date(since, "since") or v.today()
        await w.run(START_LINK[key], **pair, props={"since": started})
        return committee

    return await write(ctx, work)


async def end_co_building(ctx: Context, committee_id: str, branch_id: str, until: Any) -> Any:
    async def work(w: Writer) -> dict[str, Any]:
        committee = await w.lookup("Organization", committee_id, "committeeId")
        branch = await w.lookup("Organization", branch_id, "gridBranchId")
        link = ("Organization", "CO_BUILDS", "Organization")
        await _end(w, link, key_of(committee), key_of(branch), until)
        return committee

    return await write(ctx, work)


async def link_social_organization(ctx: Context, so_id: str, org_id: str, since: Any) -> Any:
    async def work(w: Writer) -> dict[str, Any]:
        social = await w.lookup("SocialOrganization", so_id, "socialOrganizationId")
        await _link_social(w, key_of(social), org_id, since)
        return social

    return await write(ctx, work)


async def _link_social(w: Writer, social: str, org_id: str, since: Any) -> None:
    org = await w.lookup("Organization", org_id, "organizationId")
    key = link_key("SocialOrganization", "LINKED_WITH", "Organization")
    if await w.run(ACTIVE_LINK[key], source=social, target=key_of(org)):
        raise Conflict("they are already linked", "organizationId")
    started = v.past_date(since, "since") or v.today()
    await w.run(START_LINK[key], source=social, target=key_of(org), props={"since": started})


async def unlink_social_organization(ctx: Context, so_id: str, org_id: str, until: Any) -> Any:
    async def work(w: Writer) -> dict[str, Any]:
        social = await w.lookup("SocialOrganization", so_id, "socialOrganizationId")
        org = await w.lookup("Organization", org_id, "organizationId")
        link = ("SocialOrganization", "LINKED_WITH", "Organization")
        await _end(w, link, key_of(social), key_of(org), until)
        return social

    return await write(ctx, work)


# -- social organisations and workers --------------------------------------------------------


def _social_props(data: Any, required: bool) -> dict[str, Any]:
    if required and not data.services:
        raise BadUserInput("services must name at least one service", "services")
    return v.drop_none(
        {
            "name": v.text(data.name, "name", required=required),
            "services": v.codes(data.services),
            "capacity": v.count(data.capacity, "capacity"),
            "registeredAt": v.past_date(data.registered_at, "registeredAt"),
        }
    )


async def create_social_organization(ctx: Context, data: Any) -> Any:
    props = _social_props(data, required=True)

    async def work(w: Writer) -> dict[str, Any]:
        social = await w.create("SocialOrganization", props)
        await _link_social(w, key_of(social), data.linked_organization_id, data.since)
        return social

    return await write(ctx, work)


async def update_social_organization(ctx: Context, data: Any) -> Any:
    props = _social_props(data, required=False)
    return await _update(ctx, "SocialOrganization", data.id, props)


def _worker_props(data: Any, required: bool) -> dict[str, Any]:
    if required and not data.skills:
        raise BadUserInput("skills must name at least one skill", "skills")
    return v.drop_none(
        {"name": v.text(data.name, "name", required=required), "skills": v.codes(data.skills)}
    )


async def _member_of(w: Writer, worker: str, social_id: str) -> None:
    social = await w.lookup("SocialOrganization", social_id, "socialOrganizationId")
    await w.run(UNLINK_ALL[link_key("SocialWorker", "MEMBER_OF", "SocialOrganization")],
                source=worker)  # fmt: skip
    await w.link(("SocialWorker", worker), "MEMBER_OF", ("SocialOrganization", key_of(social)))


async def create_social_worker(ctx: Context, data: Any) -> Any:
    props = _worker_props(data, required=True)

    async def work(w: Writer) -> dict[str, Any]:
        worker = await w.create("SocialWorker", props)
        await _member_of(w, key_of(worker), data.social_organization_id)
        return worker

    return await write(ctx, work)


async def update_social_worker(ctx: Context, data: Any) -> Any:
    async def relink(w: Writer, key: str) -> None:
        if data.social_organization_id is not None:
            await _member_of(w, key, data.social_organization_id)

    props = _worker_props(data, required=False)
    return await _update(ctx, "SocialWorker", data.id, props, relink)


# -- youth and appeals -----------------------------------------------------------------------


def _youth_props(data: Any, required: bool, birth_date: dt.date | None) -> dict[str, Any]:
    difficulties = v.codes(data.difficulties)
    if data.in_difficulty is not None and difficulties is not None:
        if data.in_difficulty != bool(difficulties):
            raise BadUserInput(
                "difficulties are given when inDifficulty is true, and only then", "difficulties"
            )
    elif required and data.in_difficulty and not difficulties:
        raise BadUserInput("a youth in difficulty needs its difficulties", "difficulties")
    return v.drop_none(
        {
            "name": v.text(data.name, "name", required=required, limit=50),
            "gender": data.gender.value if data.gender else None,
            "birthDate": v.past_date(data.birth_date, "birthDate"),
            "idNumber": v.id_number(data.id_number, "idNumber", birth_date),
            "phone": v.phone(data.phone, "phone"),
            "address": v.text(data.address, "address", required=False),
            "inDifficulty": data.in_difficulty,
            "difficulties": difficulties
            if difficulties is not None
            else ([] if data.in_difficulty is False else None),
        }
    )


async def _reside(w: Writer, youth: str, grid_id: str) -> None:
    grid = await w.lookup("Grid", grid_id, "gridId")
    await w.run(UNLINK_ALL[link_key("Youth", "RESIDES_IN", "Grid")], source=youth)
    await w.link(("Youth", youth), "RESIDES_IN", ("Grid", key_of(grid)))


async def create_youth(ctx: Context, data: Any) -> Any:
    props = _youth_props(data, required=True, birth_date=data.birth_date)

    async def work(w: Writer) -> dict[str, Any]:
        youth = await w.create("Youth", props)
        await _reside(w, key_of(youth), data.grid_id)
        return youth

    return await write(ctx, work)


async def update_youth(ctx: Context, data: Any) -> Any:
    async def work(w: Writer) -> dict[str, Any]:
        youth = await w.lookup("Youth", data.id, "id")
        birth = data.birth_date or _native_date(youth["props"].get("birthDate"))
        props = _youth_props(data, required=False, birth_date=birth)
        if data.birth_date and not data.id_number and youth["props"].get("idNumber"):
            v.id_number(youth["props"]["idNumber"], "birthDate", data.birth_date)
        if data.grid_id is not None:
            await _reside(w, key_of(youth), data.grid_id)
        return await w.update("Youth", key_of(youth), props)

    return await write(ctx, work)


def _native_date(value: Any) -> dt.date | None:
    return value.to_native() if hasattr(value, "to_native") else value


def _appeal_props(data: Any, required: bool) -> dict[str, Any]:
    return v.drop_none(
        {
            "title": v.text(data.title, "title", required=required, limit=100),
            "description": v.text(data.description, "description", required=False, limit=2000),
            "category": data.category.value if data.category else None,
            "urgency": data.urgency.value if data.urgency else None,
        }
    )


async def create_appeal(ctx: Context, data: Any) -> Any:
    props = {**_appeal_props(data, required=True), "status": "OPEN"}

    async def work(w: Writer) -> dict[str, Any]:
        youth = await w.lookup("Youth", data.youth_id, "youthId")
        appeal = await w.create("Appeal", {**props, "createdAt": dt.datetime.now(v.TZ)})
        await w.link(("Appeal", key_of(appeal)), "RAISED_BY", ("Youth", key_of(youth)))
        if data.collected_by_id is not None:
            cadre = await w.lookup("Cadre", data.collected_by_id, "collectedById")
            await w.link(("Appeal", key_of(appeal)), "COLLECTED_BY", ("Cadre", key_of(cadre)))
        return appeal

    return await write(ctx, work)


async def update_appeal(ctx: Context, data: Any) -> Any:
    return await _update(ctx, "Appeal", data.id, _appeal_props(data, required=False))


# -- positions and activities ----------------------------------------------------------------


def _position_props(data: Any, required: bool) -> dict[str, Any]:
    return v.drop_none(
        {
            "name": v.text(data.name, "name", required=required),
            "type": data.type.value if data.type else None,
            "address": v.text(data.address, "address", required=False),
            "openedAt": v.past_date(data.opened_at, "openedAt"),
        }
    )


async def _locate(w: Writer, label: str, key: str, grid_id: str) -> None:
    grid = await w.lookup("Grid", grid_id, "gridId")
    await w.run(UNLINK_ALL[link_key(label, "LOCATED_IN", "Grid")], source=key)
    await w.link((label, key), "LOCATED_IN", ("Grid", key_of(grid)))


async def create_position(ctx: Context, data: Any) -> Any:
    props = _position_props(data, required=True)

    async def work(w: Writer) -> dict[str, Any]:
        host = await w.lookup("Organization", data.hosted_by_id, "hostedById")
        position = await w.create("Position", props)
        await w.link(("Position", key_of(position)), "HOSTED_BY", ("Organization", key_of(host)))
        if data.grid_id is not None:
            await _locate(w, "Position", key_of(position), data.grid_id)
        return position

    return await write(ctx, work)


async def update_position(ctx: Context, data: Any) -> Any:
    async def relink(w: Writer, key: str) -> None:
        if data.grid_id is not None:
            await _locate(w, "Position", key, data.grid_id)

    props = _position_props(data, required=False)
    return await _update(ctx, "Position", data.id, props, relink)


def _activity_props(data: Any, required: bool) -> dict[str, Any]:
    if required and data.date is None:
        raise BadUserInput("date is required", "date")
    return v.drop_none(
        {
            "title": v.text(data.title, "title", required=required),
            "date": data.date,
            "participants": v.count(data.participants, "participants"),
            "served": v.count(data.served, "served"),
        }
    )


async def _held_at(w: Writer, activity: str, position_id: str) -> None:
    position = await w.lookup("Position", position_id, "heldAtId")
    await w.run(UNLINK_ALL[link_key("Activity", "HELD_AT", "Position")], source=activity)
    await w.link(("Activity", activity), "HELD_AT", ("Position", key_of(position)))


async def create_activity(ctx: Context, data: Any) -> Any:
    props = _activity_props(data, required=True)
    partners = [from_global_id(p, "partnerIds") for p in data.partner_ids or []]
    for type_name, _ in partners:
        if type_name not in ("SocialOrganization", "Organization", "Enterprise"):
            raise BadUserInput("partners are social organisations, organisations or enterprises",
                               "partnerIds")  # fmt: skip

    async def work(w: Writer) -> dict[str, Any]:
        project = await w.lookup("ServiceProject", data.project_id, "projectId")
        organizer = await w.lookup("Organization", data.organized_by_id, "organizedById")
        activity = await w.create("Activity", props)
        key = key_of(activity)
        await w.link(("Activity", key), "PART_OF", ("ServiceProject", key_of(project)))
        await w.link(("Activity", key), "ORGANIZED_BY", ("Organization", key_of(organizer)))
        if data.held_at_id is not None:
            await _held_at(w, key, data.held_at_id)
        for (label, _), global_id in zip(partners, data.partner_ids or [], strict=True):
            partner = await _lookup_visible(w, label, global_id)
            await w.link(("Activity", key), "PARTNERED_WITH", (label, key_of(partner)))
        return activity

    return await write(ctx, work)


async def _lookup_visible(w: Writer, label: str, global_id: str) -> dict[str, Any]:
    """A partner need not be the caller's own (a district committee, say), only visible."""
    rows = await w.run(LOOKUP[label], id=graph_id(global_id, label, "partnerIds"),
                       **w.scope.params())  # fmt: skip
    if not rows:
        raise NotFound(f"no {label} {global_id}", "partnerIds")
    return rows[0]["node"]


async def update_activity(ctx: Context, data: Any) -> Any:
    async def relink(w: Writer, key: str) -> None:
        if data.held_at_id is not None:
            await _held_at(w, key, data.held_at_id)

    props = _activity_props(data, required=False)
    return await _update(ctx, "Activity", data.id, props, relink)


# -- archiving -------------------------------------------------------------------------------


async def archive(ctx: Context, global_id: str) -> Any:
    type_name, _ = from_global_id(global_id, "id")
    if type_name not in EDITABLE:
        raise BadUserInput(f"a {type_name} cannot be archived", "id")

    async def work(w: Writer) -> dict[str, Any]:
        node = await w.lookup_to_change(type_name, global_id, "id")
        label = type_name  # lookup() found a node of this label
        if label == "Organization":
            if "Center" in node["labels"]:
                raise BadUserInput("the district centre cannot be archived", "id")
            rows = await w.run(ACTIVE_CHILDREN, id=key_of(node))
            if rows[0]["organizations"] or rows[0]["grids"]:
                raise Conflict("archive or move its organisations and grids first", "id")
        return await w.archive(label, key_of(node))

    return await write(ctx, work)
