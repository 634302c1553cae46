"""Co-building (联建共建): the pairs of industry committee and grid branch, their joint activities,
and the co-building network and coverage of a subtree."""

from __future__ import annotations

from graph.cypher import node
from graph.driver import Query
from graph.scope import visible

_ACTIVITY = node("a")

# The pairs that involve an organisation: a committee's branches, a branch's committees, or for
# a town, community or the district, every pair whose branch lies in its subtree. Each pair
# with its joint activities (those the caller may see): organised by one and partnered by the
# other, or partnered by both.
CO_BUILDING = Query(
    "co_building",
    f"""
    MATCH (o:Organization {{id: $org}}) WHERE {visible("Organization", "o")}
    CALL (o) {{
        MATCH (c:IndustryCommittee)-[r:CO_BUILDS]->(o) RETURN c, r, o AS b
        UNION
        MATCH (o)-[r:CO_BUILDS]->(b:GridBranch) RETURN o AS c, r, b
        UNION
        MATCH (b:GridBranch)-[:UNDER*1..3]->(o)
        MATCH (c:IndustryCommittee)-[r:CO_BUILDS]->(b) RETURN c, r, b
    }}
    WITH c, r, b
    WHERE ($includeEnded OR r.until IS NULL)
      AND {visible("Organization", "c")} AND {visible("Organization", "b")}
    WITH c, r, b ORDER BY b.id, c.id, r.since
    WITH collect({{c: c, r: r, b: b}}) AS rows
    WITH size(rows) AS total, rows[$offset..($offset + $limit)] AS page
    UNWIND CASE WHEN page = [] THEN [null] ELSE page END AS row  // keep the total of none
    WITH total, row.c AS c, row.r AS r, row.b AS b
    CALL (c, b, r) {{
        MATCH (b)<-[:ORGANIZED_BY|PARTNERED_WITH]-(a:Activity)
              -[:ORGANIZED_BY|PARTNERED_WITH]->(c)
        WHERE a.archivedAt IS NULL AND {visible("Activity", "a")}
        WITH DISTINCT a ORDER BY a.date, a.id
        RETURN collect({_ACTIVITY}) AS activities
    }}
    RETURN total,
           CASE WHEN c IS NULL THEN null ELSE {node("c")} END
               AS committee,
           CASE WHEN b IS NULL THEN null ELSE {node("b")} END
               AS branch,
           r.since AS since, r.until AS until, activities
    """,
)

# A subtree's co-building graph: its grid branches (with their unit one level below the root)
# and the committees co-building with them now.
NETWORK = Query(
    "co_building_network",
    f"""
    MATCH (root:Organization {{id: $org}}) WHERE {visible("Organization", "root")}
    MATCH (b:GridBranch)-[:UNDER*0..3]->(root)
    WHERE b.archivedAt IS NULL AND {visible("Organization", "b")}
    OPTIONAL MATCH (b)-[:UNDER*0..2]->(unit:Organization)-[:UNDER]->(root)
    WHERE {visible("Organization", "unit")}
    WITH b, unit, COLLECT {{
        MATCH (c:IndustryCommittee)-[r:CO_BUILDS]->(b)
        WHERE r.until IS NULL AND c.archivedAt IS NULL AND {visible("Organization", "c")}
        RETURN {{key: c.id, name: c.name, labels: labels(c), since: r.since}}
    }} AS partners
    ORDER BY b.id
    RETURN {{key: b.id, name: b.name, labels: labels(b)}} AS branch,
           CASE WHEN unit IS NULL THEN null ELSE {{key: unit.id, name: unit.name}} END AS unit,
           partners
    """,
)
