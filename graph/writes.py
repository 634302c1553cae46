"""The write statements every feature's writes share, generated once from code tables (labels
and relationship types are constants here; every value travels as a parameter). A mutation runs
several of them inside one transaction (resolvers/shared.py `write`), so that it writes
everything or nothing."""

from __future__ import annotations

from graph.cypher import NOW, node
from graph.driver import Query
from graph.entities import ENTITIES
from graph.scope import visible

NODE = f"{node('v')} AS node"

# The core entities the API creates, changes and archives (the features' own nodes, such as
# visits or notices, have statements of their own).
EDITABLE = ("Organization", "Grid", "Cadre", "SocialOrganization", "SocialWorker", "Youth",
            "Appeal", "Position", "Activity")  # fmt: skip
# Labels a created node carries: the entity label plus, for organisations, the level label.
ORG_LEVEL_LABELS = ("TownCommittee", "CommunityBranch", "GridBranch", "IndustryCommittee")
CREATE_LABELS = [label for label in EDITABLE if label != "Organization"] + [
    f"Organization:{level}" for level in ORG_LEVEL_LABELS
]

CREATE: dict[str, Query] = {
    labels: Query(
        f"create_{labels.replace(':', '_')}",
        f"CREATE (v:{labels} {{id: $id}}) SET v += $props, v.createdAt = {NOW} RETURN {NODE}",
    )
    for labels in CREATE_LABELS
}

# A reference the caller gives must exist, be in scope and not be archived.
LOOKUP: dict[str, Query] = {
    label: Query(
        f"lookup_{label}",
        f"""
        MATCH (v:{label} {{id: $id}})
        WHERE v.archivedAt IS NULL AND {visible(label)}
        RETURN {NODE}
        """,
    )
    for label in ENTITIES
}

UPDATE: dict[str, Query] = {
    label: Query(
        f"update_{label}",
        f"MATCH (v:{label} {{id: $id}}) SET v += $props, v.updatedAt = {NOW} RETURN {NODE}",
    )
    for label in EDITABLE
}

ARCHIVE: dict[str, Query] = {
    label: Query(
        f"archive_{label}",
        f"MATCH (v:{label} {{id: $id}}) SET v.archivedAt = {NOW} RETURN {NODE}",
    )
    for label in EDITABLE
}

# (from label, relationship type, to label) of the links mutations make (links with a history
# have statements of their own, below).
LINKS = [
    ("Organization", "UNDER", "Organization"),
    ("Grid", "WITHIN", "Organization"),
    ("Grid", "SERVED_BY", "Organization"),
    ("SocialWorker", "MEMBER_OF", "SocialOrganization"),
    ("Youth", "RESIDES_IN", "Grid"),
    ("Appeal", "RAISED_BY", "Youth"),
    ("Appeal", "COLLECTED_BY", "Cadre"),
    ("Position", "HOSTED_BY", "Organization"),
    ("Position", "LOCATED_IN", "Grid"),
    ("Activity", "PART_OF", "ServiceProject"),
    ("Activity", "ORGANIZED_BY", "Organization"),
    ("Activity", "HELD_AT", "Position"),
    ("Activity", "PARTNERED_WITH", "SocialOrganization"),
    ("Activity", "PARTNERED_WITH", "Organization"),
    ("Activity", "PARTNERED_WITH", "Enterprise"),
]


def _link_key(source: str, rel: str, target: str) -> str:
    return f"{source}-{rel}-{target}"


LINK: dict[str, Query] = {
    _link_key(s, r, t): Query(
        f"link_{s}_{r}_{t}",
        f"""
        MATCH (a:{s} {{id: $source}}), (b:{t} {{id: $target}})
        MERGE (a)-[r:{r}]->(b)
        SET r += $props
        RETURN properties(r) AS rel
        """,
    )
    for s, r, t in LINKS
}

# The single-valued links a change re-points: every relationship of the type is removed first.
REPOINTED = [
    ("Organization", "UNDER", "Organization"),
    ("Grid", "SERVED_BY", "Organization"),
    ("SocialWorker", "MEMBER_OF", "SocialOrganization"),
    ("Youth", "RESIDES_IN", "Grid"),
    ("Position", "LOCATED_IN", "Grid"),
    ("Activity", "HELD_AT", "Position"),
]
UNLINK_ALL: dict[str, Query] = {
    _link_key(s, r, t): Query(
        f"unlink_all_{s}_{r}_{t}",
        f"MATCH (a:{s} {{id: $source}})-[r:{r}]->(:{t}) DELETE r",
    )
    for s, r, t in REPOINTED
}

# Links with a history (co-building, linkage, posts): a new period is a new relationship, and
# ending one sets `until` on the active one instead of deleting it.
HISTORIC = [
    ("Organization", "CO_BUILDS", "Organization"),
    ("SocialOrganization", "LINKED_WITH", "Organization"),
    ("Cadre", "SERVES_IN", "Organization"),
]

ACTIVE_LINK: dict[str, Query] = {
    _link_key(s, r, t): Query(
        f"active_link_{s}_{r}_{t}",
        f"MATCH (a:{s} {{id: $source}})-[r:{r}]->(b:{t} {{id: $target}}) WHERE r.until IS NULL "
        "RETURN properties(r) AS rel",
    )
    for s, r, t in HISTORIC
}

START_LINK: dict[str, Query] = {
    _link_key(s, r, t): Query(
        f"start_link_{s}_{r}_{t}",
        f"MATCH (a:{s} {{id: $source}}), (b:{t} {{id: $target}}) "
        f"CREATE (a)-[r:{r}]->(b) SET r += $props RETURN properties(r) AS rel",
    )
    for s, r, t in HISTORIC
}

END_LINK: dict[str, Query] = {
    _link_key(s, r, t): Query(
        f"end_link_{s}_{r}_{t}",
        f"MATCH (a:{s} {{id: $source}})-[r:{r}]->(b:{t} {{id: $target}}) WHERE r.until IS NULL "
        "SET r.until = $until RETURN properties(r) AS rel",
    )
    for s, r, t in HISTORIC
}


def link_key(source: str, rel: str, target: str) -> str:
    key = _link_key(source, rel, target)
    if key not in LINK and key not in ACTIVE_LINK:
        raise KeyError(f"no link {key} in graph/writes.py LINKS or HISTORIC")
    return key


ACTIVE_CHILDREN = Query(
    "active_children",
    """
    MATCH (v:Organization {id: $id})
    RETURN COUNT { (c:Organization)-[:UNDER]->(v) WHERE c.archivedAt IS NULL } AS organizations,
           COUNT { (g:Grid)-[:WITHIN|SERVED_BY]->(v) WHERE g.archivedAt IS NULL } AS grids
    """,
)

BRANCH_GRIDS = Query(
    "branch_grids",
    """
    MATCH (g:Grid)-[:SERVED_BY]->(b:GridBranch {id: $branch})
    WHERE g.archivedAt IS NULL AND g.id <> $grid
    RETURN g.id AS grid
    """,
)

IS_DESCENDANT = Query(
    "is_descendant",
    "RETURN EXISTS { MATCH (:Organization {id: $candidate})-[:UNDER*1..]->"
    "(:Organization {id: $ancestor}) } AS below",
)

GRID_COMMUNITY = Query(
    "grid_community",
    "MATCH (:Grid {id: $grid})-[:WITHIN]->(c:CommunityBranch) RETURN c.id AS community",
)


# The organisations a shared node is linked with now: a social organisation's LINKED_WITH, a
# cadre's SERVES_IN. Only a caller whose scope holds all of them may change the node.
SHARED_LINKS = {"SocialOrganization": "LINKED_WITH", "Cadre": "SERVES_IN"}
LINKED_ORGANIZATIONS: dict[str, Query] = {
    label: Query(
        f"linked_organizations_{label}",
        f"MATCH (:{label} {{id: $id}})-[r:{rel}]->(o:Organization) WHERE r.until IS NULL "
        "RETURN collect(DISTINCT o.id) AS orgs",
    )
    for label, rel in SHARED_LINKS.items()
}
