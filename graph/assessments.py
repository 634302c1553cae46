"""Cadre trainings, the 三位一体 assessments of the joint inspection team, their ranking, and the
awards (示范网格团组织, 最美网格团干部)."""

from __future__ import annotations

from graph.cypher import NOW, node
from graph.driver import Query
from graph.scope import visible

# The weighted total of assessment `a`, to one decimal: core/scores.py `weighted_total`, with
# its WEIGHTS as `$weights`.
TOTAL = (
    "round(a.dailyWork * $weights.dailyWork + a.keyWork * $weights.keyWork"
    " + a.problemSolving * $weights.problemSolving, 1)"
)


# -- trainings -----------------------------------------------------------------------------------

CREATE_TRAINING = Query(
    "create_training",
    f"CREATE (t:Training {{id: $id}}) SET t += $props, t.createdAt = {NOW} "
    f"RETURN {node('t')} AS node",
)

# Idempotent: a cadre attends a training once.
ATTEND = Query(
    "attend_training",
    f"""
    MATCH (t:Training {{id: $training}})
    CALL (t) {{
        UNWIND $cadres AS cadre
        MATCH (c:Cadre {{id: cadre}})
        MERGE (c)-[:ATTENDED]->(t)
        RETURN count(c) AS attended
    }}
    RETURN {node("t")} AS node, attended
    """,
)

# -- assessments ---------------------------------------------------------------------------------

ASSESSABLE = ("Organization", "Cadre")


def _create_about(
    name: str, new: str, rel: str, param: str, labels: tuple[str, ...]
) -> dict[str, Query]:
    """Per target label: create a `new` node about the node `$<param>` names, linked by `rel`."""
    return {
        label: Query(
            f"{name}_{label}",
            f"""
            MATCH (x:{label} {{id: ${param}}})
            CREATE (n:{new} {{id: $id}})
            SET n += $props, n.createdAt = {NOW}
            CREATE (n)-[:{rel}]->(x)
            RETURN {node("n")} AS node
            """,
        )
        for label in labels
    }


CREATE_ASSESSMENT: dict[str, Query] = _create_about(
    "create_assessment", "Assessment", "OF", "target", ASSESSABLE
)

# One assessment per subject and period.
ASSESSED = Query(
    "assessed",
    """
    MATCH (a:Assessment {period: $period})-[:OF]->(x {id: $target})
    WHERE (x:Organization OR x:Cadre) AND a.archivedAt IS NULL
    RETURN a.id AS id
    """,
)

# assessmentRanking: the subjects of one kind in the subtree assessed in the period, best
# weighted total first (ties share a rank: 1, 2, 2, 4), and how many totals reach each grade's
# floor (`$floors`). An assessment is in the caller's scope exactly when its subject is (scope.py
# OWNERS), so the subjects' scope is the assessments' too.
RANKING = Query(
    "assessment_ranking",
    f"""
    MATCH (root:Organization {{id: $org}})
    WHERE root.archivedAt IS NULL AND {visible("Organization", "root")}
    CALL (root) {{
        CALL (root) {{
            MATCH (x:Organization)-[:UNDER*0..3]->(root)
            WHERE $subject IN labels(x) AND {visible("Organization", "x")}
            RETURN x
            UNION
            MATCH (x:Cadre)-[:SERVES_IN]->(:Organization)-[:UNDER*0..3]->(root)
            WHERE $subject = 'Cadre' AND {visible("Cadre", "x")}
            RETURN x
        }}
        MATCH (a:Assessment {{period: $period}})-[:OF]->(x) WHERE a.archivedAt IS NULL
        WITH a, x, {TOTAL} AS total
        ORDER BY total DESC, x.id
        RETURN collect({{a: a, x: x, total: total}}) AS rows
    }}
    WITH root, rows, [r IN rows | r.total] AS totals
    RETURN {node("root")} AS organization,
           size(rows) AS assessed,
           CASE WHEN rows = [] THEN null
                ELSE round(reduce(s = 0.0, t IN totals | s + t) / size(totals), 1) END
               AS averageTotal,
           [floor IN $floors | size([t IN totals WHERE t >= floor])] AS atLeast,
           [i IN range($offset, $offset + size(rows[$offset..($offset + $limit)]) - 1) |
               {{assessment: {node("rows[i].a")}, target: {node("rows[i].x")},
                 total: rows[i].total,
                 rank: 1 + size([t IN totals WHERE t > rows[i].total])}}] AS page
    """,
)

# -- awards --------------------------------------------------------------------------------------

AWARDABLE = ("Organization", "Cadre")

GRANT_AWARD: dict[str, Query] = _create_about(
    "grant_award", "Award", "GRANTED_TO", "recipient", AWARDABLE
)

# One award of a title per recipient and year.
AWARDED = Query(
    "awarded",
    """
    MATCH (w:Award {title: $title, year: $year})-[:GRANTED_TO]->(x {id: $recipient})
    WHERE x:Organization OR x:Cadre
    RETURN w.id AS id
    """,
)
