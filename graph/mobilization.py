"""Mobilization through the WeChat tower (微信塔群): how a notice reaches every grid branch and
grid of a subtree, and the notices themselves (issued, addressed, acknowledged).

The tower: every organisation of the hierarchy has a group `(:ChatGroup)-[:OF]->(org)`, a parent
group relays to its children's `(:ChatGroup)-[:RELAYS_TO]->(:ChatGroup)`, and a hop is carried by
a cadre who administers the upper group or instructs in the lower one. A unit is reached DIRECT
through its own group (a grid: the group of the branch that serves it, or of its community when
no branch does), by FALLBACK through its community's group, or not at all (UNREACHABLE).
"""

from __future__ import annotations

from graph.cypher import NOW, node
from graph.driver import Query
from graph.scope import visible

HIERARCHY = "(root:Center OR root:TownCommittee OR root:CommunityBranch OR root:GridBranch)"

# A path up from group `g` to the origin, none of whose groups was reached by an uncarried hop.
_UP = """
    MATCH (g:ChatGroup)-[:OF]->({org})
    MATCH p = (g)<-[:RELAYS_TO*0..{depth}]-(top:ChatGroup) WHERE top = origin
    WITH nodes(p) AS groups WHERE none(x IN groups WHERE x IN uncarried)
    RETURN reverse(groups)
"""

# reach: one round trip for any subtree. The groups reached through a hop nobody carries are
# found once from the origin (usually none); then each unit walks up from its group (one parent
# per group, at most three hops), which is cheaper than walking down once per unit.
REACH = Query(
    "reach",
    f"""
    MATCH (root:Organization {{id: $org}})
    WHERE root.archivedAt IS NULL AND {HIERARCHY} AND {visible("Organization", "root")}
    OPTIONAL MATCH (origin:ChatGroup)-[:OF]->(root)
    WITH root, origin, COLLECT {{
        MATCH (origin)-[:RELAYS_TO]->{{0,2}}(upper:ChatGroup)-[:RELAYS_TO]->(lower:ChatGroup)
        WHERE NOT EXISTS {{ (c:Cadre)-[:ADMINISTERS]->(upper) WHERE c.archivedAt IS NULL }}
          AND NOT EXISTS {{ (c:Cadre)-[:INSTRUCTS]->(lower) WHERE c.archivedAt IS NULL }}
        RETURN DISTINCT lower
    }} AS uncarried
    CALL (root, origin, uncarried) {{
        CALL (root) {{
            MATCH (b:GridBranch)-[:UNDER*0..3]->(root)
            WHERE b.archivedAt IS NULL AND {visible("Organization", "b")}
            MATCH (b)-[:UNDER]->(c:CommunityBranch)
            RETURN b AS unit, 'GRID_BRANCH' AS kind, b AS server, c AS community
            UNION
            MATCH (b:GridBranch)-[:UNDER*0..3]->(root) WHERE b.archivedAt IS NULL
            MATCH (g:Grid)-[:SERVED_BY]->(b)
            WHERE g.archivedAt IS NULL AND {visible("Grid", "g")}
            MATCH (g)-[:WITHIN]->(c:CommunityBranch)
            RETURN g AS unit, 'GRID' AS kind, b AS server, c AS community
            UNION
            MATCH (c:CommunityBranch)-[:UNDER*0..2]->(root) WHERE c.archivedAt IS NULL
            MATCH (g:Grid)-[:WITHIN]->(c)
            WHERE g.archivedAt IS NULL AND {visible("Grid", "g")}
              AND NOT EXISTS {{ (g)-[:SERVED_BY]->(b:GridBranch) WHERE b.archivedAt IS NULL }}
            RETURN g AS unit, 'GRID' AS kind, c AS server, c AS community
        }}
        WITH unit, kind, server, community,
             head(COLLECT {{ {_UP.format(org="server", depth=3)} }}) AS own
        WITH unit, kind, server, own, CASE WHEN own IS NULL
             THEN head(COLLECT {{ {_UP.format(org="community", depth=2)} }}) END AS fallback
        WITH unit, kind, server,
             CASE WHEN own IS NOT NULL THEN 'DIRECT'
                  WHEN fallback IS NOT NULL THEN 'FALLBACK'
                  ELSE 'UNREACHABLE' END AS status,
             coalesce(own, fallback, []) AS groups
        WITH unit, kind, server, status, groups,
             reduce(m = 0.0, g IN tail(groups) | m + $hopMinutes[g.level])
             + CASE status WHEN 'FALLBACK' THEN $fallbackMinutes ELSE 0.0 END AS minutes
        ORDER BY unit.id
        RETURN collect({{
            unit: unit, kind: kind, server: server, status: status, groups: groups,
            minutes: minutes, inTime: status <> 'UNREACHABLE' AND minutes <= $promise
        }}) AS rows
    }}
    WITH root, origin, rows, [r IN rows WHERE
        ($f_status IS NULL OR r.status IN $f_status)
        AND ($f_kind IS NULL OR r.kind = $f_kind)
        AND ($f_withinPromise IS NULL OR r.inTime = $f_withinPromise)] AS matching
    // The page: units with their hops by id; each group, server and carrier once (`nodes`).
    CALL (matching) {{
        UNWIND matching[$offset..($offset + $limit)] AS r
        CALL (r) {{
            UNWIND range(1, size(r.groups) - 1) AS i
            WITH i, r.groups[i - 1] AS upper, r.groups[i] AS lower
            WHERE {visible("ChatGroup", "upper")} AND {visible("ChatGroup", "lower")}
            CALL (upper, lower) {{
                CALL (upper, lower) {{
                    MATCH (c:Cadre)-[:ADMINISTERS]->(upper) RETURN c
                    UNION
                    MATCH (c:Cadre)-[:INSTRUCTS]->(lower) RETURN c
                }}
                WITH c WHERE c.archivedAt IS NULL AND {visible("Cadre", "c")}
                WITH c ORDER BY c.id
                RETURN collect(c) AS carriers
            }}
            WITH i, upper, lower, carriers ORDER BY i
            RETURN collect({{
                from: upper.id, to: lower.id, level: lower.level,
                minutes: toFloat($hopMinutes[lower.level]), carriers: [c IN carriers | c.id]
            }}) AS hops,
            reduce(all = [], cs IN collect(carriers) | all + cs) AS carriers
        }}
        RETURN collect({{
            unit: {node("r.unit")}, kind: r.kind, servedBy: r.server.id, status: r.status,
            minutes: r.minutes, withinPromise: r.inTime, hops: hops, group: last(r.groups).id
        }}) AS page,
        reduce(all = [], gs IN collect(r.groups) | all + gs) AS groups,
        collect(r.server) AS servers,
        reduce(all = [], cs IN collect(carriers) | all + cs) AS carriers
    }}
    CALL (groups, servers, carriers) {{
        UNWIND groups AS x WITH DISTINCT x RETURN collect({node("x")}) AS groupNodes
    }}
    CALL (groups, servers, carriers) {{
        UNWIND servers AS x WITH DISTINCT x RETURN collect({node("x")}) AS serverNodes
    }}
    CALL (groups, servers, carriers) {{
        UNWIND carriers AS x WITH DISTINCT x RETURN collect({node("x")}) AS carrierNodes
    }}
    RETURN {node("root")} AS organization,
           CASE WHEN origin IS NULL THEN null ELSE {node("origin")} END AS origin,
           size(rows) AS units,
           size([r IN rows WHERE r.kind = 'GRID_BRANCH']) AS gridBranches,
           size([r IN rows WHERE r.kind = 'GRID']) AS grids,
           size([r IN rows WHERE r.status = 'DIRECT']) AS direct,
           size([r IN rows WHERE r.status = 'FALLBACK']) AS fallback,
           size([r IN rows WHERE r.status = 'UNREACHABLE']) AS unreachable,
           size([r IN rows WHERE r.inTime]) AS withinPromise,
           size([r IN rows WHERE r.status <> 'UNREACHABLE' AND NOT r.inTime]) AS late,
           reduce(m = null, r IN [x IN rows WHERE x.status <> 'UNREACHABLE'] |
                  CASE WHEN m IS NULL OR r.minutes > m THEN r.minutes ELSE m END) AS maxMinutes,
           size(matching) AS total, page,
           {{groups: groupNodes, servers: serverNodes, carriers: carrierNodes}} AS nodes
    """,
)

# -- notices -------------------------------------------------------------------------------------

# The grid branches a notice asks to acknowledge. A notice issued through the API records them
# (ADDRESSED_TO); for one issued before (the datasets' notices) they are the issuer's active grid
# branches. Organisations that acknowledged it count too.
_ADDRESSEES = """
    MATCH (n)-[:ADDRESSED_TO]->(b:Organization) RETURN b
    UNION
    MATCH (b:GridBranch)-[:UNDER*0..3]->(issuer)
    WHERE NOT EXISTS { (n)-[:ADDRESSED_TO]->() } AND b.archivedAt IS NULL
    RETURN b
    UNION
    MATCH (n)-[:ACKNOWLEDGED_BY]->(b:Organization) RETURN b
"""

# The active grid branches of the issuer's subtree, at the moment of issue.
SUBTREE_BRANCHES = Query(
    "notice_subtree_branches",
    """
    MATCH (b:GridBranch)-[:UNDER*0..3]->(:Organization {id: $org})
    WHERE b.archivedAt IS NULL
    RETURN b.id AS id ORDER BY id
    """,
)

ISSUE_NOTICE = Query(
    "issue_notice",
    f"""
    MATCH (o:Organization {{id: $org}})
    CREATE (n:Notice {{id: $id}})
    SET n += $props, n.issuedAt = {NOW}, n.createdAt = n.issuedAt
    CREATE (n)-[:ISSUED_BY]->(o)
    WITH n
    CALL (n) {{
        UNWIND $addressees AS addressee
        MATCH (b:GridBranch {{id: addressee}})
        CREATE (n)-[:ADDRESSED_TO]->(b)
        RETURN count(b) AS addressed
    }}
    RETURN {node("n")} AS node, addressed
    """,
)

# The notice (if the caller sees it), and whether organisation $org must acknowledge it.
NOTICE_FOR = Query(
    "notice_for",
    f"""
    MATCH (n:Notice {{id: $notice}}) WHERE n.archivedAt IS NULL AND {visible("Notice", "n")}
    OPTIONAL MATCH (n)-[:ISSUED_BY]->(issuer:Organization)
    RETURN {node("n")} AS node, EXISTS {{
        CALL (n, issuer) {{ {_ADDRESSEES} }}
        WITH b WHERE b.id = $org
        RETURN b
    }} AS addressed
    """,
)

# Idempotent: a second acknowledgement keeps the first (its time, its lateness).
ACKNOWLEDGE = Query(
    "acknowledge_notice",
    f"""
    MATCH (n:Notice {{id: $notice}}), (b:Organization {{id: $org}})
    OPTIONAL MATCH (n)-[before:ACKNOWLEDGED_BY]->(b)
    WITH n, b, before IS NULL AS created, {NOW} AS now
    MERGE (n)-[r:ACKNOWLEDGED_BY]->(b)
    ON CREATE SET r.at = now, r.by = $account,
                  r.late = now > n.issuedAt + duration({{minutes: $promise[n.urgency]}})
    RETURN {node("n")} AS notice, {node("b")} AS organization, created, r.at AS at, r.by AS by,
           r.at > n.issuedAt + duration({{minutes: $promise[n.urgency]}}) AS late,
           duration.inSeconds(n.issuedAt, r.at).seconds / 60.0 AS minutes
    """,
)

# noticeStatus: every addressee the caller sees, acknowledged on time, late, or pending.
NOTICE_STATUS = Query(
    "notice_status",
    f"""
    MATCH (n:Notice {{id: $notice}}) WHERE {visible("Notice", "n")}
    OPTIONAL MATCH (n)-[:ISSUED_BY]->(issuer:Organization)
    WITH n, issuer, n.issuedAt + duration({{minutes: $promise[n.urgency]}}) AS deadline
    CALL (n, issuer, deadline) {{
        CALL (n, issuer) {{ {_ADDRESSEES} }}
        WITH DISTINCT b WHERE {visible("Organization", "b")}
        OPTIONAL MATCH (n)-[r:ACKNOWLEDGED_BY]->(b)
        WITH b, r, CASE WHEN r IS NULL THEN 'PENDING'
                        WHEN r.at > deadline THEN 'LATE' ELSE 'ON_TIME' END AS state,
             CASE WHEN r IS NULL THEN null
                  ELSE duration.inSeconds(n.issuedAt, r.at).seconds / 60.0 END AS minutes
        ORDER BY b.id
        RETURN collect({{org: b, state: state, at: r.at, by: r.by, minutes: minutes}}) AS rows,
               avg(minutes) AS averageMinutes,
               percentileCont(minutes, 0.5) AS medianMinutes,
               max(minutes) AS maxMinutes
    }}
    WITH n, deadline, rows, averageMinutes, medianMinutes, maxMinutes,
         [r IN rows WHERE $f_state IS NULL OR r.state IN $f_state] AS matching
    RETURN {node("n")} AS notice, deadline,
           size(rows) AS addressees,
           size([r IN rows WHERE r.state <> 'PENDING']) AS acknowledged,
           size([r IN rows WHERE r.state = 'ON_TIME']) AS onTime,
           size([r IN rows WHERE r.state = 'LATE']) AS late,
           size([r IN rows WHERE r.state = 'PENDING']) AS pending,
           CASE WHEN {NOW} > deadline THEN size([r IN rows WHERE r.state = 'PENDING'])
                ELSE 0 END AS overdue,
           averageMinutes, medianMinutes, maxMinutes,
           size(matching) AS total,
           [r IN matching[$offset..($offset + $limit)] |
               {{organization: {node("r.org")}, state: r.state, at: r.at, by: r.by,
                 minutes: r.minutes}}] AS page
    """,
)
