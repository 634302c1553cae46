"""Resource linkage (资源整合): the candidates that can help with an appeal, the appeal's life,
the appeals nobody has taken, and where the money went."""

from __future__ import annotations

from graph.cypher import node
from graph.driver import Query
from graph.scope import under, visible, visible_any

# The kinds of resource that can help with an appeal.
RESOURCES = ("SocialOrganization", "SocialWorker", "Position", "ServiceProject")

# The candidates that fit an appeal, each with the organisation it hangs on (`anchor`) and how
# that organisation meets the appeal's chain (grid's server → community → town → district): the
# first common organisation (`meet`), and the organisations passed on the way for the path.
# The appeal's chain: the grid's server (its branch, or else its community) up to the district.
_CHAIN = f"""
    MATCH (ap:Appeal {{id: $appeal}}) WHERE {visible("Appeal", "ap")}
    MATCH (ap)-[:RAISED_BY]->(y:Youth)-[:RESIDES_IN]->(g:Grid)-[:WITHIN]->(cb:CommunityBranch)
    OPTIONAL MATCH (g)-[:SERVED_BY]->(gb:GridBranch)
    WITH ap, y, g, gb, COLLECT {{
        MATCH (cb)-[:UNDER*0..3]->(a:Organization) RETURN a ORDER BY a.level DESC
    }} AS up
    WITH ap, y, g, CASE WHEN gb IS NULL THEN up ELSE [gb] + up END AS chain
"""
_ANCESTORS = """COLLECT {
        MATCH (anchor)-[:UNDER*0..3]->(a:Organization) RETURN a ORDER BY coalesce(a.level, 4) DESC
    }"""

# Light rows for every candidate: what the score needs (resolvers/linkage.py), and element ids
# to describe the page's candidates afterwards (CANDIDATE_PATHS).
CANDIDATES = Query(
    "match_candidates",
    _CHAIN
    + f"""
    CALL (chain) {{
        MATCH (c:SocialOrganization)-[l:LINKED_WITH]->(x:Organization)
        WHERE l.until IS NULL AND c.archivedAt IS NULL
          AND any(s IN c.services WHERE s IN $services) AND {visible("SocialOrganization", "c")}
        RETURN 'SOCIAL_ORGANIZATION' AS kind, c, x AS anchor, c AS org, null AS via
        UNION
        MATCH (c:SocialWorker)-[:MEMBER_OF]->(s:SocialOrganization)
              -[l:LINKED_WITH]->(x:Organization)
        WHERE l.until IS NULL AND c.archivedAt IS NULL AND s.archivedAt IS NULL
          AND any(k IN c.skills WHERE k IN $skills) AND {visible("SocialWorker", "c")}
        RETURN 'SOCIAL_WORKER' AS kind, c, x AS anchor, s AS org, s AS via
        UNION
        MATCH (c:Position)-[:HOSTED_BY]->(x:Organization)
        WHERE c.archivedAt IS NULL AND c.type IN $positionTypes AND {visible("Position", "c")}
        RETURN 'POSITION' AS kind, c, x AS anchor, null AS org, null AS via
        UNION
        MATCH (c:ServiceProject)-[:RUN_BY]->(x:Organization)
        WHERE c.archivedAt IS NULL AND c.brand IN $brands AND {visible("ServiceProject", "c")}
        RETURN 'SERVICE_PROJECT' AS kind, c, x AS anchor, null AS org, null AS via
    }}
    WITH ap, y, g, chain, kind, c, anchor, org, via, {_ANCESTORS} AS ancestors
    WITH ap, y, g, chain, kind, c, anchor, org, via, ancestors,
         [a IN ancestors WHERE a IN chain][0] AS meet
    WITH ap, y, g, chain, kind, c, anchor, org, via, ancestors, meet,
         [i IN range(0, size(chain) - 1) WHERE chain[i] = meet][0] AS step
    ORDER BY kind, c.id, step
    WITH ap, y, g, chain, kind, c, collect({{anchor: anchor, org: org, via: via,
         ancestors: ancestors, meet: meet, step: step}})[0] AS best
    // an organisation's load once, however many of its workers are candidates
    WITH ap, chain, best.org AS org, collect({{kind: kind, c: c, best: best}}) AS group
    WITH ap, chain, group, CASE WHEN org IS NULL THEN null ELSE COUNT {{
        MATCH (a:Appeal)-[:REFERRED_TO]->(org) WHERE a.status IN $active
    }} END AS load
    UNWIND group AS x
    WITH ap, chain, x.kind AS kind, x.c AS c, x.best AS best, load
    RETURN kind, c.id AS key, elementId(c) AS c, c.services AS services, c.skills AS skills,
           c.type AS type, c.brand AS brand, best.step AS step, best.meet.level AS meetLevel,
           load, best.org.capacity AS capacity, best.anchor IN chain AS linked,
           elementId(best.anchor) AS anchor,
           CASE WHEN best.via IS NULL THEN null ELSE elementId(best.via) END AS via,
           ap.urgency AS urgency
    """,
)

# The page's candidates in full, each with the path that explains it: up the appeal's chain to
# where it meets the candidate's organisation (`step`), then down to that organisation.
CANDIDATE_PATHS = Query(
    "match_candidate_paths",
    _CHAIN
    + f"""
    UNWIND $picked AS pick
    MATCH (c) WHERE elementId(c) = pick.c AND {visible_any(RESOURCES, "c")}
    MATCH (anchor) WHERE elementId(anchor) = pick.anchor
    OPTIONAL MATCH (via) WHERE elementId(via) = pick.via
    WITH ap, y, g, chain, pick, c, via, {_ANCESTORS} AS ancestors
    RETURN pick.c AS c, {node("c")} AS candidate,
           [n IN [ap, y, g] + chain[0..coalesce(pick.step, size(chain) - 1) + 1]
               | {{key: n.id, labels: labels(n), name: coalesce(n.name, n.title)}}] AS up,
           [n IN reverse([a IN ancestors WHERE NOT a IN chain])
               | {{key: n.id, labels: labels(n), name: n.name}}] AS down,
           CASE WHEN via IS NULL THEN null
                ELSE {{key: via.id, labels: labels(via), name: via.name}} END AS via
    """,
)

APPEAL_FOR_MATCHING = Query(
    "appeal_for_matching",
    f"""
    MATCH (ap:Appeal {{id: $appeal}}) WHERE {visible("Appeal", "ap")}
    RETURN ap.category AS category, ap.urgency AS urgency, ap.status AS status
    """,
)

# Appeals in the subtree still OPEN (nobody has taken them), created before the cut-off.
UNMATCHED = Query(
    "unmatched_appeals",
    f"""
    MATCH (v:Appeal {{status: 'OPEN'}})
    WHERE v.archivedAt IS NULL AND v.createdAt < $before
      AND {visible("Appeal")} AND {under("Appeal", "v", "org")}
    WITH v ORDER BY v.createdAt, v.id
    WITH collect(v) AS rows
    RETURN size(rows) AS total, [x IN rows[$offset..($offset + $limit)] | {node("x")}] AS page
    """,
)

# The appeal's life: the states, and the moves between them.
TRANSITION = Query(
    "appeal_transition",
    f"""
    MATCH (ap:Appeal {{id: $appeal}})
    WHERE ap.archivedAt IS NULL AND {visible("Appeal", "ap")}
    RETURN ap.status AS status
    """,
)

# After TRANSITION in the same transaction; the scope holds here too, as in every statement
# that returns a node.
SET_STATUS = Query(
    "appeal_set_status",
    f"""
    MATCH (ap:Appeal {{id: $appeal}}) WHERE {visible("Appeal", "ap")}
    SET ap.status = $status, ap += $stamps
    RETURN {node("ap")} AS node
    """,
)

# A referral goes to a social organisation, or to an organisation (the community, say).
REFER: dict[str, Query] = {
    label: Query(
        f"appeal_refer_{label}",
        f"""
        MATCH (ap:Appeal {{id: $appeal}}), (to:{label} {{id: $to}})
        CREATE (ap)-[r:REFERRED_TO {{at: $at}}]->(to)
        SET r.note = $note
        RETURN type(r) AS type
        """,
    )
    for label in ("SocialOrganization", "Organization")
}

# Funds → allocations (projects and organisations of the subtree) → activities → people.
RESOURCE_FLOW = Query(
    "resource_flow",
    f"""
    MATCH (root:Organization {{id: $org}}) WHERE {visible("Organization", "root")}
    CALL (root) {{
        MATCH (o:Organization)-[:UNDER*0..3]->(root) RETURN collect(o) AS orgs
    }}
    CALL (orgs) {{
        UNWIND orgs AS o
        CALL (o) {{
            MATCH (f:Fund)-[r:ALLOCATED_TO]->(o) RETURN f, r, o AS target
            UNION
            MATCH (f:Fund)-[r:ALLOCATED_TO]->(p:ServiceProject)-[:RUN_BY]->(o)
            RETURN f, r, p AS target
        }}
        WITH DISTINCT f, r, target
        WHERE ($year IS NULL OR f.year = $year)
          AND {visible_any(("Organization", "ServiceProject"), "target")}
        CALL (target) {{
            OPTIONAL MATCH (a:Activity)-[:PART_OF]->(target)
            WHERE a.archivedAt IS NULL AND ($year IS NULL OR a.date.year = $year)
            RETURN count(a) AS activities, coalesce(sum(a.participants), 0) AS participants,
                   coalesce(sum(a.served), 0) AS served
        }}
        RETURN f, r, target, activities, participants, served
        ORDER BY f.id, target.id
    }}
    RETURN f.id AS fund, f.name AS fundName, f.source AS source, f.year AS year,
           f.amount AS fundAmount, r.amount AS amount,
           {node("target")} AS target,
           activities, participants, served
    """,
)
