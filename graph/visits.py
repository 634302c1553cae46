"""9号议事日: cadres' visits (with the appeals they bring back) and the monthly coverage of the
9th-day visits per grid branch."""

from __future__ import annotations

from graph.cypher import NOW, node
from graph.driver import Query
from graph.scope import visible

VISIT_TARGETS = ("Youth", "Enterprise", "SocialOrganization")

# A visit by a cadre to a youth, an enterprise or a social organisation (one query per label).
CREATE_VISIT: dict[str, Query] = {
    label: Query(
        f"create_visit_{label}",
        f"""
        MATCH (c:Cadre {{id: $cadre}}), (t:{label} {{id: $target}})
        CREATE (v:Visit {{id: $id}})
        SET v += $props, v.createdAt = {NOW}
        CREATE (v)-[:BY]->(c), (v)-[:TO]->(t)
        RETURN {node("v")} AS node
        """,
    )
    for label in VISIT_TARGETS
}

# The appeals a visit produced: raised by a youth, collected by the visiting cadre, OPEN.
CREATE_VISIT_APPEALS = Query(
    "create_visit_appeals",
    f"""
    MATCH (v:Visit {{id: $visit}})-[:BY]->(c:Cadre)
    UNWIND $appeals AS given
    MATCH (y:Youth {{id: given.youth}})
    CREATE (a:Appeal {{id: given.id}})
    SET a += given.props, a.status = 'OPEN', a.createdAt = {NOW}
    CREATE (v)-[:PRODUCED]->(a), (a)-[:RAISED_BY]->(y), (a)-[:COLLECTED_BY]->(c)
    RETURN count(a) AS appeals
    """,
)

# visitCoverage: per grid branch of the subtree (that existed that month), the 9th-day visits of
# the month by cadres serving in it (a post not ended before the visit), whom they visited and
# the appeals produced.
# From the branches outwards: a cadre has a few dozen visits a year, so this stays small.
VISIT_COVERAGE = Query(
    "visit_coverage",
    f"""
    MATCH (root:Organization {{id: $org}})
    WHERE root.archivedAt IS NULL AND {visible("Organization", "root")}
      AND (root:Center OR root:TownCommittee OR root:CommunityBranch OR root:GridBranch)
    CALL (root) {{
        MATCH (b:GridBranch)-[:UNDER*0..3]->(root)
        WHERE b.archivedAt IS NULL AND {visible("Organization", "b")}
        CALL (b) {{
            OPTIONAL MATCH (c:Cadre)-[s:SERVES_IN]->(b)
            OPTIONAL MATCH (v:Visit)-[:BY]->(c)
            WHERE v.kind = 'NINTH_DAY' AND $from <= v.date <= $to AND v.archivedAt IS NULL
              AND (s.until IS NULL OR s.until >= v.date)
            WITH DISTINCT c, v
            OPTIONAL MATCH (v)-[:TO]->(t)
            OPTIONAL MATCH (v)-[:PRODUCED]->(a:Appeal)
            RETURN count(DISTINCT v) AS visits,
                   count(DISTINCT CASE WHEN v IS NOT NULL THEN c END) AS cadres,
                   count(DISTINCT CASE WHEN t:Youth THEN t END) AS youth,
                   count(DISTINCT CASE WHEN t:Enterprise THEN t END) AS enterprises,
                   count(DISTINCT CASE WHEN t:SocialOrganization THEN t END)
                       AS socialOrganizations,
                   count(DISTINCT a) AS appeals
        }}
        WITH b, visits, cadres, youth, enterprises, socialOrganizations, appeals
        // a branch established after the month is not blamed for it (unless it did visit)
        WHERE visits > 0 OR b.establishedAt IS NULL OR b.establishedAt <= $to
        ORDER BY b.id
        RETURN collect({{
            branch: b, held: visits > 0, visits: visits, cadres: cadres, youth: youth,
            enterprises: enterprises, socialOrganizations: socialOrganizations, appeals: appeals
        }}) AS rows
    }}
    WITH root, rows, [r IN rows WHERE $f_held IS NULL OR r.held = $f_held] AS matching
    RETURN {node("root")} AS organization,
           size(rows) AS branches,
           size([r IN rows WHERE r.held]) AS held,
           size([r IN rows WHERE NOT r.held]) AS without,
           reduce(n = 0, r IN rows | n + r.visits) AS visits,
           reduce(n = 0, r IN rows | n + r.youth) AS youth,
           reduce(n = 0, r IN rows | n + r.enterprises) AS enterprises,
           reduce(n = 0, r IN rows | n + r.socialOrganizations) AS socialOrganizations,
           reduce(n = 0, r IN rows | n + r.appeals) AS appeals,
           size(matching) AS total,
           [r IN matching[$offset..($offset + $limit)] | r {{.*, branch: {node("r.branch")}}}]
               AS page
    """,
)
