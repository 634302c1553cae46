"""The read queries of every entity and relation, generated once at import from the tables below.

Each table entry is code, never input: the query texts are fixed when the module loads and every
value a caller gives travels as a parameter. Lists return everything in a stable order with the
total, and the page (`$offset`, `$limit`) is cut inside the same query: one round trip per list,
one per nested relation for all parents at once (UNWIND), never one per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.cypher import node
from graph.driver import Query
from graph.scope import OWNERS, in_subtree, visible

NAME = "coalesce({v}.name, {v}.title, '')"
SEARCH = f"toLower({NAME}) CONTAINS toLower($f_search)"


def _between(prop: str, lo: str, hi: str) -> dict[str, str]:
    return {lo: f"{{v}}.{prop} >= $f_{lo}", hi: f"{{v}}.{prop} <= $f_{hi}"}


@dataclass(frozen=True)
class Entity:
    label: str
    # filter name -> predicate over {v} using $f_<name>; applied only when the parameter is set
    filters: dict[str, str] = field(default_factory=dict)
    order: str = "{v}.id"


ENTITIES: dict[str, Entity] = {
    e.label: e
    for e in [
        Entity(
            "Organization",
            {
                "kind": "$f_kind IN labels({v})",
                "level": "{v}.level = $f_level",
                "sector": "{v}.sector = $f_sector",
                "search": SEARCH,
            },
            order="coalesce({v}.level, 9), {v}.id",
        ),
        Entity(
            "Grid",
            {"has_branch": "EXISTS { ({v})-[:SERVED_BY]->() } = $f_has_branch", "search": SEARCH},
        ),
        Entity("Cadre", {"source": "{v}.source = $f_source", "search": SEARCH}),
        Entity(
            "Training",
            {"topic": "{v}.topic = $f_topic", **_between("date", "date_from", "date_to")},
        ),
        Entity("ChatGroup", {"level": "{v}.level = $f_level"}),
        Entity("Position", {"type": "{v}.type = $f_type", "search": SEARCH}),
        Entity("SocialOrganization", {"service": "$f_service IN {v}.services", "search": SEARCH}),
        Entity(
            "SocialWorker",
            {
                "skill": "$f_skill IN {v}.skills",
                "social_organization": "EXISTS { ({v})-[:MEMBER_OF]->"
                "(:SocialOrganization {id: $f_social_organization}) }",
                "search": SEARCH,
            },
        ),
        Entity(
            "Youth",
            {
                "in_difficulty": "{v}.inDifficulty = $f_in_difficulty",
                "difficulty": "$f_difficulty IN {v}.difficulties",
                "grid": "EXISTS { ({v})-[:RESIDES_IN]->(:Grid {id: $f_grid}) }",
                "search": SEARCH,
            },
        ),
        Entity(
            "Appeal",
            {
                "status": "{v}.status IN $f_status",
                "category": "{v}.category = $f_category",
                "urgency": "{v}.urgency = $f_urgency",
                **_between("createdAt", "created_from", "created_to"),
                "search": SEARCH,
            },
        ),
        Entity(
            "ServiceProject",
            {"brand": "{v}.brand = $f_brand", "year": "{v}.year = $f_year", "search": SEARCH},
        ),
        Entity(
            "Activity",
            {
                "brand": "EXISTS { ({v})-[:PART_OF]->(p:ServiceProject) WHERE p.brand = $f_brand }",
                "project": "EXISTS { ({v})-[:PART_OF]->(:ServiceProject {id: $f_project}) }",
                **_between("date", "date_from", "date_to"),
                "search": SEARCH,
            },
        ),
        Entity("Enterprise", {"industry": "{v}.industry = $f_industry", "search": SEARCH}),
        Entity(
            "Visit",
            {
                "kind": "{v}.kind = $f_kind",
                "cadre": "EXISTS { ({v})-[:BY]->(:Cadre {id: $f_cadre}) }",
                **_between("date", "date_from", "date_to"),
            },
        ),
        Entity("Fund", {"year": "{v}.year = $f_year", "source": "{v}.source = $f_source"}),
        Entity("Campaign", {"year": "{v}.year = $f_year", "search": SEARCH}),
        Entity("Assessment", {"period": "{v}.period = $f_period"}),
        Entity("Award", {"year": "{v}.year = $f_year", "title": "{v}.title = $f_title"}),
        Entity(
            "Notice",
            {
                "urgency": "{v}.urgency = $f_urgency",
                **_between("issuedAt", "issued_from", "issued_to"),
            },
        ),
    ]
}

# Filters every entity has: the subtree of an organisation, and archived nodes (only when asked
# for: without it every read shows active nodes only).
COMMON_FILTERS = ("under", "archived")


def filter_names(label: str) -> tuple[str, ...]:
    return (*ENTITIES[label].filters, *COMMON_FILTERS)


def filter_predicate(label: str, name: str, param: str, v: str = "v") -> str:
    """The predicate of one given filter of `label` over node `v`, its value in `$param`."""
    if name == "under":
        return in_subtree(label, v, param)
    if name == "archived":
        return f"{v}.archivedAt IS NOT NULL"
    if name.startswith("kind:"):  # the kind of an organisation is a label (from OrgKind)
        return f"{v}:{name.removeprefix('kind:')}"
    return ENTITIES[label].filters[name].replace("{v}", v).replace(f"$f_{name}", f"${param}")


def filters_where(label: str, given: tuple[str, ...], prefix: str, v: str = "v") -> str:
    """The predicates of the filters given (each value in `$<prefix>f_<name>`), and of active
    nodes unless archived ones were asked for."""
    parts = [filter_predicate(label, name, f"{prefix}f_{name}", v) for name in given]
    if "archived" not in given:
        parts.append(f"{v}.archivedAt IS NULL")
    return " AND ".join(parts)


def search_phrase(text: str) -> str:
    """The words of a `search` filter as one phrase of the full-text index (`$f_search_phrase`,
    graph/compiler.py)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


BY_IDS: dict[str, Query] = {
    label: Query(
        f"by_ids_{label}",
        f"""
        UNWIND $ids AS id
        MATCH (v:{label} {{id: id}})
        WHERE {visible(label)}
        RETURN {node("v")} AS node
        """,
    )
    for label in ENTITIES
}


@dataclass(frozen=True)
class Relation:
    """From a parent node `p` to nodes `v` (and the relationship's properties `e`).

    `body` is a subquery returning `v, e`; `labels` are the labels `v` may carry. A relation with
    one label takes that entity's filters."""

    parent: str
    labels: tuple[str, ...]
    body: str
    order: str = "v.id"


def _rel(parent: str, target: str, pattern: str, edge: str | None = None) -> Relation:
    e = f"{edge} {{.*}}" if edge else "null"
    return Relation(parent, (target,), f"MATCH {pattern} RETURN v, {e} AS e")


def _union(parent: str, labels: tuple[str, ...], *patterns: tuple[str, str | None]) -> Relation:
    body = " UNION ".join(
        f"MATCH {pattern} RETURN v, {f'{edge} {{.*}}' if edge else 'null'} AS e"
        for pattern, edge in patterns
    )
    return Relation(parent, labels, body)


RELATIONS: dict[str, Relation] = {
    "Organization.parent": _rel("Organization", "Organization", "(p)-[:UNDER]->(v:Organization)"),
    "Organization.children": _rel("Organization", "Organization", "(p)<-[:UNDER]-(v:Organization)"),
    "Organization.descendants": Relation(
        "Organization",
        ("Organization",),
        "MATCH (p)<-[:UNDER*1..3]-(v:Organization) RETURN DISTINCT v, null AS e",
        order="v.level, v.id",
    ),
    "Organization.ancestors": Relation(
        "Organization",
        ("Organization",),
        "MATCH (p)-[:UNDER*1..3]->(v:Organization) RETURN v, null AS e",
        order="v.level, v.id",
    ),
    "Organization.grids": _union(
        "Organization",
        ("Grid",),
        ("(v:Grid)-[:SERVED_BY]->(p)", None),
        ("(v:Grid)-[:WITHIN]->(p) WHERE NOT EXISTS { (v)-[:SERVED_BY]->() }", None),
    ),
    "Organization.cadres": _rel("Organization", "Cadre", "(v:Cadre)-[r:SERVES_IN]->(p)", "r"),
    "Organization.chatGroup": _rel("Organization", "ChatGroup", "(v:ChatGroup)-[:OF]->(p)"),
    "Organization.positions": _rel("Organization", "Position", "(v:Position)-[:HOSTED_BY]->(p)"),
    "Organization.partners": _union(
        "Organization",
        ("Organization",),
        ("(v:IndustryCommittee)-[r:CO_BUILDS]->(p)", "r"),
        ("(p)-[r:CO_BUILDS]->(v:GridBranch)", "r"),
    ),
    "Organization.socialOrganizations": _rel(
        "Organization", "SocialOrganization", "(v:SocialOrganization)-[r:LINKED_WITH]->(p)", "r"
    ),
    "Organization.projects": _rel(
        "Organization", "ServiceProject", "(v:ServiceProject)-[:RUN_BY]->(p)"
    ),
    "Organization.activities": _rel(
        "Organization", "Activity", "(v:Activity)-[:ORGANIZED_BY]->(p)"
    ),
    "Organization.assessments": _rel("Organization", "Assessment", "(v:Assessment)-[:OF]->(p)"),
    "Organization.awards": _rel("Organization", "Award", "(v:Award)-[:GRANTED_TO]->(p)"),
    "Grid.community": _rel("Grid", "Organization", "(p)-[:WITHIN]->(v:CommunityBranch)"),
    "Grid.branch": _rel("Grid", "Organization", "(p)-[:SERVED_BY]->(v:GridBranch)"),
    "Grid.servedBy": _union(
        "Grid",
        ("Organization",),
        ("(p)-[:SERVED_BY]->(v:GridBranch)", None),
        ("(p)-[:WITHIN]->(v:CommunityBranch) WHERE NOT EXISTS { (p)-[:SERVED_BY]->() }", None),
    ),
    "Grid.youth": _rel("Grid", "Youth", "(v:Youth)-[:RESIDES_IN]->(p)"),
    "Grid.enterprises": _rel("Grid", "Enterprise", "(v:Enterprise)-[:LOCATED_IN]->(p)"),
    "Grid.positions": _rel("Grid", "Position", "(v:Position)-[:LOCATED_IN]->(p)"),
    "Cadre.posts": _rel("Cadre", "Organization", "(p)-[r:SERVES_IN]->(v:Organization)", "r"),
    "Cadre.trainings": _rel("Cadre", "Training", "(p)-[:ATTENDED]->(v:Training)"),
    "Cadre.visits": _rel("Cadre", "Visit", "(v:Visit)-[:BY]->(p)"),
    "Cadre.appeals": _rel("Cadre", "Appeal", "(v:Appeal)-[:COLLECTED_BY]->(p)"),
    "Cadre.chatGroups": _union(
        "Cadre",
        ("ChatGroup",),
        ("(p)-[r:ADMINISTERS]->(v:ChatGroup)", None),
        ("(p)-[r:INSTRUCTS]->(v:ChatGroup)", None),
    ),
    "Cadre.assessments": _rel("Cadre", "Assessment", "(v:Assessment)-[:OF]->(p)"),
    "Cadre.awards": _rel("Cadre", "Award", "(v:Award)-[:GRANTED_TO]->(p)"),
    "Youth.grid": _rel("Youth", "Grid", "(p)-[:RESIDES_IN]->(v:Grid)"),
    "Youth.appeals": _rel("Youth", "Appeal", "(v:Appeal)-[:RAISED_BY]->(p)"),
    "Youth.visits": _rel("Youth", "Visit", "(v:Visit)-[:TO]->(p)"),
    "Appeal.raisedBy": _rel("Appeal", "Youth", "(p)-[:RAISED_BY]->(v:Youth)"),
    "Appeal.collectedBy": _rel("Appeal", "Cadre", "(p)-[:COLLECTED_BY]->(v:Cadre)"),
    "Appeal.referrals": Relation(
        "Appeal",
        ("SocialOrganization", "Organization"),
        "MATCH (p)-[r:REFERRED_TO]->(v) RETURN v, r {.*} AS e",
        order="e.at, v.id",
    ),
    "Appeal.visits": _rel("Appeal", "Visit", "(v:Visit)-[:PRODUCED]->(p)"),
    "SocialOrganization.workers": _rel(
        "SocialOrganization", "SocialWorker", "(v:SocialWorker)-[:MEMBER_OF]->(p)"
    ),
    "SocialOrganization.organizations": _rel(
        "SocialOrganization", "Organization", "(p)-[r:LINKED_WITH]->(v:Organization)", "r"
    ),
    "SocialOrganization.appeals": _rel(
        "SocialOrganization", "Appeal", "(v:Appeal)-[r:REFERRED_TO]->(p)", "r"
    ),
    "SocialWorker.socialOrganization": _rel(
        "SocialWorker", "SocialOrganization", "(p)-[:MEMBER_OF]->(v:SocialOrganization)"
    ),
    "ServiceProject.runBy": _rel(
        "ServiceProject", "Organization", "(p)-[:RUN_BY]->(v:Organization)"
    ),
    "ServiceProject.activities": _rel("ServiceProject", "Activity", "(v:Activity)-[:PART_OF]->(p)"),
    "ServiceProject.funds": _rel("ServiceProject", "Fund", "(v:Fund)-[r:ALLOCATED_TO]->(p)", "r"),
    "Activity.project": _rel("Activity", "ServiceProject", "(p)-[:PART_OF]->(v:ServiceProject)"),
    "Activity.organizedBy": _rel(
        "Activity", "Organization", "(p)-[:ORGANIZED_BY]->(v:Organization)"
    ),
    "Activity.heldAt": _rel("Activity", "Position", "(p)-[:HELD_AT]->(v:Position)"),
    "Activity.partners": Relation(
        "Activity",
        ("SocialOrganization", "Organization", "Enterprise"),
        "MATCH (p)-[:PARTNERED_WITH]->(v) RETURN v, null AS e",
    ),
    "Enterprise.grid": _rel("Enterprise", "Grid", "(p)-[:LOCATED_IN]->(v:Grid)"),
    "Visit.cadre": _rel("Visit", "Cadre", "(p)-[:BY]->(v:Cadre)"),
    "Visit.target": Relation(
        "Visit",
        ("Youth", "Enterprise", "SocialOrganization"),
        "MATCH (p)-[:TO]->(v) RETURN v, null AS e",
    ),
    "Visit.appeals": _rel("Visit", "Appeal", "(p)-[:PRODUCED]->(v:Appeal)"),
    "Fund.allocations": Relation(
        "Fund",
        ("ServiceProject", "Organization"),
        "MATCH (p)-[r:ALLOCATED_TO]->(v) RETURN v, r {.*} AS e",
    ),
    "Training.attendees": _rel("Training", "Cadre", "(v:Cadre)-[:ATTENDED]->(p)"),
    "ChatGroup.organization": _rel("ChatGroup", "Organization", "(p)-[:OF]->(v:Organization)"),
    "ChatGroup.relaysTo": _rel("ChatGroup", "ChatGroup", "(p)-[:RELAYS_TO]->(v:ChatGroup)"),
    "ChatGroup.relayedFrom": _rel("ChatGroup", "ChatGroup", "(v:ChatGroup)-[:RELAYS_TO]->(p)"),
    "ChatGroup.administrators": _rel("ChatGroup", "Cadre", "(v:Cadre)-[:ADMINISTERS]->(p)"),
    "ChatGroup.instructors": _rel("ChatGroup", "Cadre", "(v:Cadre)-[:INSTRUCTS]->(p)"),
    "Position.hostedBy": _rel("Position", "Organization", "(p)-[:HOSTED_BY]->(v:Organization)"),
    "Position.grid": _rel("Position", "Grid", "(p)-[:LOCATED_IN]->(v:Grid)"),
    "Position.activities": _rel("Position", "Activity", "(v:Activity)-[:HELD_AT]->(p)"),
    "Campaign.participants": Relation(
        "Campaign",
        ("SocialOrganization", "Organization"),
        "MATCH (v)-[:JOINED]->(p) RETURN v, null AS e",
    ),
    "Assessment.target": Relation(
        "Assessment", ("Organization", "Cadre"), "MATCH (p)-[:OF]->(v) RETURN v, null AS e"
    ),
    "Award.recipient": Relation(
        "Award", ("Organization", "Cadre"), "MATCH (p)-[:GRANTED_TO]->(v) RETURN v, null AS e"
    ),
    "Notice.issuedBy": _rel("Notice", "Organization", "(p)-[:ISSUED_BY]->(v:Organization)"),
    "Notice.acknowledgements": _rel(
        "Notice", "Organization", "(p)-[r:ACKNOWLEDGED_BY]->(v:Organization)", "r"
    ),
}


assert set(OWNERS) == set(ENTITIES), "every entity needs its owners in graph/scope.py"
