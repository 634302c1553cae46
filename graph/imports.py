"""Imports and exports: the statements that resolve a file's references in the caller's scope,
read what the file's keys hold now, write the changed rows (UNWIND batches of MERGE by key) and
read a list for export. Labels and relationship types come from the tables below (code); every
value travels as a parameter."""

from __future__ import annotations

from dataclasses import dataclass

from core.personal import PERSONAL
from graph.cypher import CASE_OPEN, NOW
from graph.driver import Query
from graph.entities import filters_where
from graph.scope import visible


@dataclass(frozen=True)
class Link:
    """A reference column of a kind: (v)-[rel]->(t:target {id: row.<field>})."""

    field: str
    rel: str
    target: str
    # Exclusive: a node has one such link (its grid, its parent); a new one replaces the old.
    # Otherwise the link has a history (posts, linkage): ended links (`until`) are kept.
    exclusive: bool = True
    props: tuple[str, ...] = ()  # row fields stored on the relationship


LINKS: dict[str, tuple[Link, ...]] = {
    "organizations": (Link("parent", "UNDER", "Organization"),),
    "grids": (
        Link("community", "WITHIN", "Organization"),
        Link("branch", "SERVED_BY", "Organization"),
    ),
    "cadres": (Link("org", "SERVES_IN", "Organization", exclusive=False, props=("post", "since")),),
    "chat-groups": (Link("org", "OF", "Organization"),),
    "social-organizations": (
        Link("org", "LINKED_WITH", "Organization", exclusive=False, props=("since",)),
    ),
    "social-workers": (Link("socialOrganization", "MEMBER_OF", "SocialOrganization"),),
    "positions": (
        Link("hostedBy", "HOSTED_BY", "Organization"),
        Link("grid", "LOCATED_IN", "Grid"),
    ),
    "enterprises": (Link("grid", "LOCATED_IN", "Grid"),),
    "youth": (Link("grid", "RESIDES_IN", "Grid"),),
    "appeals": (Link("youth", "RAISED_BY", "Youth"),),
}
LABELS = {
    "organizations": "Organization",
    "grids": "Grid",
    "cadres": "Cadre",
    "chat-groups": "ChatGroup",
    "social-organizations": "SocialOrganization",
    "social-workers": "SocialWorker",
    "positions": "Position",
    "enterprises": "Enterprise",
    "youth": "Youth",
    "appeals": "Appeal",
}
ORG_LEVEL_LABELS = ("Center", "TownCommittee", "CommunityBranch", "GridBranch", "IndustryCommittee")

# -- references --------------------------------------------------------------------------------

# Records a file may name by key or by name, among those the caller sees (visible()).
REFERENCE_LABELS = ("Organization", "Grid", "SocialOrganization", "Youth")
RESOLVE: dict[str, Query] = {
    label: Query(
        f"import_resolve_{label}",
        f"""
        UNWIND $refs AS ref
        MATCH (v:{label})
        WHERE (v.id = ref OR v.name = ref) AND v.archivedAt IS NULL AND {visible(label)}
        RETURN ref, v.id AS id, labels(v) AS labels
        """,
    )
    for label in REFERENCE_LABELS
}
# Youth are named by key only (names are personal and not unique).
RESOLVE["Youth"] = Query(
    "import_resolve_Youth",
    f"""
    UNWIND $refs AS ref
    MATCH (v:Youth {{id: ref}}) WHERE v.archivedAt IS NULL AND {visible("Youth")}
    RETURN ref, v.id AS id, labels(v) AS labels
    """,
)

# Which community a grid branch belongs to (a grid's branch must be of its community).
BRANCH_COMMUNITY = Query(
    "import_branch_community",
    """
    UNWIND $branches AS branch
    MATCH (:GridBranch {id: branch})-[:UNDER]->(c:CommunityBranch)
    RETURN branch, c.id AS community
    """,
)

# -- what the file's keys hold now ---------------------------------------------------------------


def _links_now(kind: str) -> str:
    parts = []
    for link in LINKS[kind]:
        active = "" if link.exclusive else " WHERE r.until IS NULL"
        parts.append(
            f"{link.field}: [(v)-[r:{link.rel}]->(t:{link.target}){active} | "
            "{id: t.id, props: properties(r)}]"
        )
    return "{" + ", ".join(parts) + "}"


CURRENT: dict[str, Query] = {
    kind: Query(
        f"import_current_{kind.replace('-', '_')}",
        f"""
        UNWIND $ids AS key
        MATCH (v:{label} {{id: key}})
        RETURN v.id AS id, properties(v) AS props, labels(v) AS labels,
               {visible(label)} AS visible, {_links_now(kind)} AS links
        """,
    )
    for kind, label in LABELS.items()
}

# -- writing -----------------------------------------------------------------------------------


def _set_level_labels() -> str:
    return " ".join(
        f"FOREACH (_ IN CASE WHEN row.kind = '{level}' THEN [1] ELSE [] END | SET v:{level})"
        for level in ORG_LEVEL_LABELS
    )


def _upsert(kind: str, label: str) -> Query:
    extra = _set_level_labels() if kind == "organizations" else ""
    return Query(
        f"import_upsert_{kind.replace('-', '_')}",
        f"""
        UNWIND $rows AS row
        MERGE (v:{label} {{id: row.id}})
        ON CREATE SET v.createdAt = {NOW}, v.importId = $importId
        SET v += row.props, v.updatedAt = {NOW}
        {extra}
        """,
    )


UPSERT: dict[str, Query] = {kind: _upsert(kind, label) for kind, label in LABELS.items()}


def _link_statement(kind: str, label: str, link: Link) -> Query:
    f, rel, target = link.field, link.rel, link.target
    if link.exclusive:
        body = f"""
        CALL (v, t) {{
            OPTIONAL MATCH (v)-[old:{rel}]->(x:{target}) WHERE x <> t
            DELETE old
        }}
        MERGE (v)-[r:{rel}]->(t)
        SET r += row.rel.{f}
        """
    else:  # a link with a history: the active one is updated, else a new one begins
        body = f"""
        CALL (v, t) {{
            OPTIONAL MATCH (v)-[a:{rel}]->(t) WHERE a.until IS NULL
            WITH a WHERE a IS NULL
            CREATE (v)-[:{rel}]->(t)
        }}
        WITH v, t, row
        MATCH (v)-[r:{rel}]->(t) WHERE r.until IS NULL
        SET r += row.rel.{f}
        """
    level = "SET v.level = t.level" if kind == "chat-groups" else ""
    return Query(
        f"import_link_{kind.replace('-', '_')}_{f}",
        f"""
        UNWIND $rows AS row
        WITH row WHERE row.links.{f} IS NOT NULL
        MATCH (v:{label} {{id: row.id}}), (t:{target} {{id: row.links.{f}}})
        {body}
        {level}
        """,
    )


LINK: dict[tuple[str, str], Query] = {
    (kind, link.field): _link_statement(kind, LABELS[kind], link)
    for kind in LABELS
    for link in LINKS[kind]
}

# -- exports -----------------------------------------------------------------------------------


def _export_links(kind: str) -> str:
    parts = []
    for link in LINKS[kind]:
        if link.exclusive:
            parts.append(f"{link.field}: head([(v)-[:{link.rel}]->(t:{link.target}) | t.id])")
    return ", ".join(parts)


def export_statement(kind: str, given: tuple[str, ...]) -> Query:
    """The rows of one list for export: the caller's scope and the filters given (each value in
    `$f_<name>`), in the lists' order (by key). A link with a history gives one row per active
    link (a cadre with two posts: two rows)."""
    label = LABELS[kind]
    where = filters_where(label, given, "")
    links = _export_links(kind)
    historic = [link for link in LINKS[kind] if not link.exclusive]
    if historic:
        link = historic[0]
        unwind = (
            f"UNWIND [(v)-[r:{link.rel}]->(t:{link.target}) "
            f"WHERE r.until IS NULL AND {visible(link.target, 't')} | "
            f"{{id: t.id, props: properties(r)}}] AS h"
        )
        ret = f"{{{link.field}: h.id}} AS links, h.props AS rel"
    else:
        unwind, ret = "", "null AS rel"
        ret = f"{{{links}}} AS links, null AS rel"
    suffix = "_".join(given) or "all"
    # a social organisation sees the personal data of the youth whose case it holds (as GraphQL)
    case_open = CASE_OPEN.replace("{v}", "v") if label in PERSONAL else "null"
    return Query(
        f"import_export_{kind.replace('-', '_')}_{suffix}",
        f"""
        MATCH (v:{label})
        WHERE {visible(label)} AND {where}
        {unwind}
        RETURN v.id AS id, properties(v) AS props, labels(v) AS labels, {ret},
               {case_open} AS caseOpen
        ORDER BY v.id
        """,
    )
