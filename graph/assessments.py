"""Cadre trainings, the 三位一体 assessments of the joint inspection team, their ranking, and the
awards (示范网格团组织, 最美网格团干部)."""

from __future__ import annotations

from graph.cypher import NOW, node
from graph.driver import Query
from graph.scope import visible

# The weighting of the three parts of an assessment (README): key work weighs most.
WEIGHTS = {"dailyWork": 0.3, "keyWork": 0.4, "problemSolving": 0.3}
# Grades of the weighted total: at least 90 excellent, 80 good, 60 pass, below fail.
GRADES = (("EXCELLENT", 90.0), ("GOOD", 80.0), ("PASS", 60.0), ("FAIL", 0.0))

# The weighted total of assessment `a`, to one decimal (the same as `weighted_total`).
TOTAL = (
    "round(a.dailyWork * $weights.dailyWork + a.keyWork * $weights.keyWork"
    " + a.problemSolving * $weights.problemSolving, 1)"
)


def weighted_total(daily_work: int, key_work: int, problem_solving: int) -> float:
    return round(
        daily_work * WEIGHTS["dailyWork"]
        + key_work * WEIGHTS["keyWork"]
        + problem_solving * WEIGHTS["problemSolving"],
        1,
    )


def grade(total: float) -> str:
    return next(code for code, floor in GRADES if total >= floor)


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
# weighted total first (ties share a rank: 1, 2, 2, 4), with the grade counts of them all.
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
