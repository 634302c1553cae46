"""The figures of an organisation's subtree, counted from the graph in one round trip.

Public aggregates: the statement returns counts and sums, never a node, so it needs no scope."""

from graph.cypher import allocations, subtree
from graph.driver import Query

HIERARCHY = "(o:Center OR o:TownCommittee OR o:CommunityBranch OR o:GridBranch)"

OVERVIEW = Query(
    "overview",
    f"""
    MATCH (root:Organization)
    WHERE (root.id = $org OR ($org IS NULL AND root:Center)) AND root.archivedAt IS NULL
    CALL (root) {{
        MATCH {subtree("o", "root")} WHERE o.archivedAt IS NULL
        RETURN collect(DISTINCT o) AS orgs
    }}
    CALL (orgs) {{
        UNWIND orgs AS o
        RETURN count(CASE WHEN o:Center THEN 1 END) AS centers,
               count(CASE WHEN o:TownCommittee THEN 1 END) AS townCommittees,
               count(CASE WHEN o:CommunityBranch THEN 1 END) AS communityBranches,
               count(CASE WHEN o:GridBranch THEN 1 END) AS gridBranches,
               count(CASE WHEN o:IndustryCommittee THEN 1 END) AS industryCommittees,
               count(CASE WHEN {HIERARCHY} AND NOT EXISTS {{ (:ChatGroup)-[:OF]->(o) }}
                          THEN 1 END) AS organizationsWithoutChatGroup,
               count(CASE WHEN o:GridBranch AND EXISTS {{ (:IndustryCommittee)-[:CO_BUILDS]->(o) }}
                          THEN 1 END) AS gridBranchesCoBuilding
    }}
    CALL (orgs) {{
        UNWIND orgs AS o
        MATCH (c:Cadre)-[:SERVES_IN]->(o) WHERE c.archivedAt IS NULL
        RETURN count(DISTINCT c) AS cadres
    }}
    CALL (orgs) {{
        UNWIND orgs AS o
        MATCH (g:ChatGroup)-[:OF]->(o)
        RETURN count(DISTINCT g) AS chatGroups
    }}
    CALL (orgs) {{
        UNWIND orgs AS o
        MATCH (s:SocialOrganization)-[:LINKED_WITH]->(o) WHERE s.archivedAt IS NULL
        WITH DISTINCT s
        OPTIONAL MATCH (w:SocialWorker)-[:MEMBER_OF]->(s) WHERE w.archivedAt IS NULL
        RETURN count(DISTINCT s) AS socialOrganizations, count(DISTINCT w) AS socialWorkers
    }}
    CALL (orgs) {{
        UNWIND orgs AS o
        MATCH (p:Position)-[:HOSTED_BY]->(o) WHERE p.archivedAt IS NULL
        RETURN count(DISTINCT p) AS positions
    }}
    CALL (orgs) {{
        UNWIND orgs AS o
        MATCH (a:Activity)-[:ORGANIZED_BY]->(o)
        WHERE a.archivedAt IS NULL AND ($year IS NULL OR a.date.year = $year)
        MATCH (a)-[:PART_OF]->(p:ServiceProject)
        WITH DISTINCT a, p
        RETURN count(DISTINCT a) AS activities,
               count(CASE WHEN p.brand = 'TALENT_FESTIVAL' THEN 1 END) AS talentFestivalEvents,
               sum(CASE WHEN p.brand = 'TALENT_FESTIVAL' THEN a.participants ELSE 0 END)
                   AS talentFestivalApplicants,
               count(CASE WHEN p.brand = 'YOUTH_CREDIT' THEN 1 END) AS youthCreditActivities,
               sum(CASE WHEN p.brand = 'SUMMER_CARE' THEN a.served ELSE 0 END)
                   AS summerCareChildVisits,
               sum(a.served) AS youthServed
    }}
    CALL (orgs) {{
        UNWIND orgs AS o
        {allocations("o")}
        WITH DISTINCT f, r WHERE $year IS NULL OR f.year = $year
        RETURN coalesce(sum(r.amount), 0) AS funding
    }}
    CALL (orgs) {{
        UNWIND orgs AS o
        MATCH (g:Grid)-[:WITHIN|SERVED_BY]->(o) WHERE g.archivedAt IS NULL
        WITH DISTINCT g
        RETURN collect(g) AS grids
    }}
    CALL (grids) {{
        UNWIND grids AS g
        RETURN count(g) AS gridCount,
               count(CASE WHEN NOT EXISTS {{ (g)-[:SERVED_BY]->() }} THEN 1 END)
                   AS gridsWithoutBranch,
               coalesce(sum(g.youthCount), 0) AS youthCensus
    }}
    CALL (grids) {{
        UNWIND grids AS g
        MATCH (y:Youth)-[:RESIDES_IN]->(g) WHERE y.archivedAt IS NULL
        RETURN count(y) AS youthOnFile,
               count(CASE WHEN y.inDifficulty THEN 1 END) AS youthInDifficulty
    }}
    CALL (grids) {{
        UNWIND grids AS g
        MATCH (a:Appeal)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(g)
        WHERE a.archivedAt IS NULL AND ($year IS NULL OR a.createdAt.year = $year)
        RETURN count(a) AS appeals,
               count(CASE WHEN a.status = 'OPEN' THEN 1 END) AS appealsOpen,
               count(CASE WHEN a.status IN ['MATCHED', 'IN_PROGRESS'] THEN 1 END)
                   AS appealsInProgress,
               count(CASE WHEN a.status IN ['RESOLVED', 'CLOSED'] THEN 1 END) AS appealsResolved
    }}
    CALL (grids) {{
        UNWIND grids AS g
        MATCH (e:Enterprise)-[:LOCATED_IN]->(g)
        RETURN count(e) AS enterprises
    }}
    RETURN root.id AS org, centers, townCommittees, communityBranches, gridBranches,
           industryCommittees, organizationsWithoutChatGroup, gridBranchesCoBuilding, cadres,
           chatGroups, socialOrganizations, socialWorkers, positions, activities,
           talentFestivalEvents, talentFestivalApplicants, youthCreditActivities,
           summerCareChildVisits, youthServed, funding, gridCount AS grids, gridsWithoutBranch,
           youthCensus, youthOnFile, youthInDifficulty, appeals, appealsOpen, appealsInProgress,
           appealsResolved, enterprises
    """,
)
