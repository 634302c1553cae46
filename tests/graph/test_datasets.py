"""The datasets: the report's figures counted in the loaded graph, the graph contract, valid
personal data, idempotent loading, and a deterministic generator.

Tests on `rencheng` come first and only read (the fixture loads it once); tests that load again
use `mini`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from core.personal import id_birth_date, is_valid_id_number, is_valid_mobile
from graph.datasets import DATA, load_dataset
from graph.datasets.rencheng import TOWNS, generate
from graph.driver import Database, Query

ROOT = Path(__file__).resolve().parents[2]


async def rows(db: Database, text: str, **params: Any) -> list[dict]:
    return await db.read(Query("test_datasets", text), **params)


async def value(db: Database, text: str, **params: Any) -> Any:
    """The single value of a single-row query."""
    result = await rows(db, text, **params)
    assert len(result) == 1, result
    return next(iter(result[0].values()))


# --- the report's figures, counted in the rencheng graph ------------------------------------


async def test_rencheng_has_one_center_and_the_15_towns_in_order(rencheng: Database) -> None:
    assert await value(rencheng, "MATCH (c:Center) RETURN count(c)") == 1
    assert await value(rencheng, "MATCH (c:Center) RETURN c.name") == "任城区青春格格服务管理中心"
    towns = await rows(
        rencheng,
        "MATCH (t:TownCommittee)-[:UNDER]->(:Center) RETURN t.id AS id, t.name AS name "
        "ORDER BY t.id",
    )
    assert [t["name"] for t in towns] == [f"{town}网格团委" for town in TOWNS]
    assert [t["id"] for t in towns] == [f"RC-T{i:02d}" for i in range(1, 16)]


async def test_rencheng_has_109_community_and_1034_grid_branches(rencheng: Database) -> None:
    assert await value(rencheng, "MATCH (c:CommunityBranch) RETURN count(c)") == 109
    assert await value(rencheng, "MATCH (b:GridBranch) RETURN count(b)") == 1034
    # Each hangs under the level above.
    assert (
        await value(rencheng, "MATCH (:CommunityBranch)-[:UNDER]->(:TownCommittee) RETURN count(*)")
        == 109
    )
    assert (
        await value(rencheng, "MATCH (:GridBranch)-[:UNDER]->(:CommunityBranch) RETURN count(*)")
        == 1034
    )
    levels = await rows(
        rencheng,
        "MATCH (o:Organization) WHERE NOT o:IndustryCommittee "
        "RETURN o.level AS level, count(*) AS n ORDER BY level",
    )
    assert [(r["level"], r["n"]) for r in levels] == [(0, 1), (1, 15), (2, 109), (3, 1034)]


async def test_rencheng_has_1188_cadres_one_secretary_per_organisation(
    rencheng: Database,
) -> None:
    assert await value(rencheng, "MATCH (c:Cadre) RETURN count(c)") == 1188
    per_org = await rows(
        rencheng,
        "MATCH (o:Organization) WHERE NOT o:IndustryCommittee "
        "RETURN count { (:Cadre)-[:SERVES_IN {post: 'SECRETARY'}]->(o) } AS secretaries, "
        "count(*) AS n",
    )
    assert per_org == [{"secretaries": 1, "n": 1159}]
    assert (
        await value(
            rencheng,
            "MATCH (:Cadre)-[:SERVES_IN {post: 'DEPUTY_SECRETARY'}]->(:GridBranch) RETURN count(*)",
        )
        == 29
    )
    sources = await value(rencheng, "MATCH (c:Cadre) RETURN collect(DISTINCT c.source)")
    assert sorted(sources) == [
        "CIVIC_SECRETARY",
        "ENTERPRISE_STAFF",
        "GRID_WORKER",
        "POLICE",
        "VILLAGE_CADRE",
    ]


async def test_rencheng_has_1154_tower_groups_and_5_branches_without_one(
    rencheng: Database,
) -> None:
    assert await value(rencheng, "MATCH (g:ChatGroup) RETURN count(g)") == 1154
    assert (
        await value(
            rencheng,
            "MATCH (b:GridBranch) WHERE NOT EXISTS { (:ChatGroup)-[:OF]->(b) } RETURN count(b)",
        )
        == 5
    )
    # Each group belongs to one organisation and has that organisation's level.
    assert (
        await value(
            rencheng,
            "MATCH (g:ChatGroup)-[:OF]->(o:Organization) WHERE g.level = o.level "
            "AND g.id = 'CG-' + o.id RETURN count(g)",
        )
        == 1154
    )


async def test_rencheng_tower_relays_down_and_secretaries_administer_and_instruct(
    rencheng: Database,
) -> None:
    # Every group but the Center's receives from its parent organisation's group.
    assert (
        await value(
            rencheng,
            "MATCH (p:ChatGroup)-[:RELAYS_TO]->(c:ChatGroup), (p)-[:OF]->(po), (c)-[:OF]->(co) "
            "WHERE (co)-[:UNDER]->(po) AND p.level = c.level - 1 RETURN count(*)",
        )
        == 1153
    )
    assert await value(rencheng, "MATCH ()-[r:RELAYS_TO]->() RETURN count(r)") == 1153
    assert (
        await value(
            rencheng,
            "MATCH (c:Cadre)-[:ADMINISTERS]->(g:ChatGroup)-[:OF]->(o), "
            "(c)-[:SERVES_IN {post: 'SECRETARY'}]->(o) RETURN count(*)",
        )
        == 1154
    )
    assert (
        await value(
            rencheng,
            "MATCH (c:Cadre)-[:INSTRUCTS]->(g:ChatGroup)-[:OF]->(o)-[:UNDER]->(parent), "
            "(c)-[:SERVES_IN {post: 'SECRETARY'}]->(parent) RETURN count(*)",
        )
        == 1153
    )
    assert await value(rencheng, "MATCH ()-[r:ADMINISTERS]->() RETURN count(r)") == 1154
    assert await value(rencheng, "MATCH ()-[r:INSTRUCTS]->() RETURN count(r)") == 1153


async def test_rencheng_has_63_social_orgs_and_500_plus_workers(rencheng: Database) -> None:
    assert await value(rencheng, "MATCH (s:SocialOrganization) RETURN count(s)") == 63
    names = await value(rencheng, "MATCH (s:SocialOrganization) RETURN collect(s.name)")
    assert "任城区青年志愿者协会" in names
    assert "任城区书法家协会" in names
    workers = await value(
        rencheng, "MATCH (w:SocialWorker)-[:MEMBER_OF]->(:SocialOrganization) RETURN count(w)"
    )
    assert workers >= 500
    assert await value(rencheng, "MATCH (w:SocialWorker) RETURN count(w)") == workers
    assert (
        await value(
            rencheng,
            "MATCH (s:SocialOrganization) WHERE count { (:SocialWorker)-[:MEMBER_OF]->(s) } < 2 "
            "RETURN count(s)",
        )
        == 0
    )


async def test_rencheng_talent_festival_29_events_over_10000_applicants(
    rencheng: Database,
) -> None:
    result = await rows(
        rencheng,
        "MATCH (a:Activity)-[:PART_OF]->(:ServiceProject {brand: 'TALENT_FESTIVAL', year: 2021}) "
        "RETURN count(a) AS events, sum(a.participants) AS applicants",
    )
    assert result[0]["events"] == 29
    assert result[0]["applicants"] >= 10000
    # 依托网格团支部: the festival's events are organised by grid branches.
    assert (
        await value(
            rencheng,
            "MATCH (:ServiceProject {brand: 'TALENT_FESTIVAL'})<-[:PART_OF]-(a:Activity)"
            "-[:ORGANIZED_BY]->(:GridBranch) RETURN count(a)",
        )
        == 29
    )


async def test_rencheng_youth_credit_200_plus_activities(rencheng: Database) -> None:
    assert (
        await value(
            rencheng,
            "MATCH (a:Activity)-[:PART_OF]->(:ServiceProject {brand: 'YOUTH_CREDIT', year: 2021}) "
            "RETURN count(a)",
        )
        >= 200
    )


async def test_rencheng_summer_care_serves_26000_plus(rencheng: Database) -> None:
    served = await value(
        rencheng,
        "MATCH (a:Activity)-[:PART_OF]->(:ServiceProject {brand: 'SUMMER_CARE', year: 2021}) "
        "RETURN sum(a.served)",
    )
    assert served >= 26000
    assert (
        await value(
            rencheng,
            "MATCH (p:ServiceProject {brand: 'SUMMER_CARE'})-[:RUN_BY]->(:TownCommittee) "
            "RETURN count(p)",
        )
        == 15
    )


async def test_rencheng_2021_funds_sum_to_200000_and_allocations_to_each_amount(
    rencheng: Database,
) -> None:
    assert await value(rencheng, "MATCH (f:Fund {year: 2021}) RETURN sum(f.amount)") == 200000
    sources = await value(rencheng, "MATCH (f:Fund {year: 2021}) RETURN collect(DISTINCT f.source)")
    assert sorted(sources) == ["DISTRICT_FINANCE", "TOWN_FINANCE"]
    mismatched = await rows(
        rencheng,
        "MATCH (f:Fund) OPTIONAL MATCH (f)-[r:ALLOCATED_TO]->() "
        "WITH f, sum(r.amount) AS allocated WHERE allocated <> f.amount RETURN f.id",
    )
    assert mismatched == []


# --- the rest of the contract, on rencheng -------------------------------------------------------


async def test_rencheng_grids_each_branch_serves_one_grid_and_150_have_none(
    rencheng: Database,
) -> None:
    assert (
        await value(
            rencheng,
            "MATCH (b:GridBranch) WHERE count { (:Grid)-[:SERVED_BY]->(b) } <> 1 RETURN count(b)",
        )
        == 0
    )
    # Grid Gnn is served by branch Bnn of the same community.
    assert (
        await value(
            rencheng,
            "MATCH (g:Grid)-[:SERVED_BY]->(b:GridBranch) "
            "WHERE replace(g.id, '-G', '-B') <> b.id RETURN count(g)",
        )
        == 0
    )
    assert (
        await value(
            rencheng,
            "MATCH (g:Grid)-[:WITHIN]->(:CommunityBranch) WHERE NOT (g)-[:SERVED_BY]->() "
            "RETURN count(g)",
        )
        == 150
    )
    assert (
        await value(
            rencheng, "MATCH (g:Grid) WHERE NOT (g)-[:WITHIN]->(:CommunityBranch) RETURN count(g)"
        )
        == 0
    )


async def test_rencheng_co_building_covers_80_to_90_percent_of_branches(
    rencheng: Database,
) -> None:
    covered = await value(
        rencheng,
        "MATCH (b:GridBranch) WHERE EXISTS { (:IndustryCommittee)-[:CO_BUILDS]->(b) } "
        "RETURN count(b)",
    )
    assert 0.80 * 1034 <= covered <= 0.90 * 1034
    # A town's committee co-builds only inside its town.
    assert (
        await value(
            rencheng,
            "MATCH (t:TownCommittee)<-[:UNDER]-(i:IndustryCommittee)-[:CO_BUILDS]->(b) "
            "WHERE NOT (b)-[:UNDER]->(:CommunityBranch)-[:UNDER]->(t) RETURN count(*)",
        )
        == 0
    )
    committees = await value(rencheng, "MATCH (i:IndustryCommittee) RETURN count(i)")
    assert 20 <= committees <= 30
    assert (
        await value(
            rencheng,
            "MATCH (i:IndustryCommittee) WHERE i.level IS NOT NULL OR NOT i.sector IN "
            "['TWO_NEW', 'COURIER', 'ECOMMERCE', 'BUSINESS_DISTRICT'] RETURN count(i)",
        )
        == 0
    )
    # Joint activities: a grid branch's activity partnered with a committee co-building with it.
    assert (
        await value(
            rencheng,
            "MATCH (i:IndustryCommittee)<-[:PARTNERED_WITH]-(a:Activity)-[:ORGANIZED_BY]->(b) "
            "WHERE (i)-[:CO_BUILDS]->(b) RETURN count(a)",
        )
        >= 100
    )


async def test_rencheng_personal_data_is_valid(rencheng: Database) -> None:
    youth = await rows(
        rencheng,
        "MATCH (y:Youth) RETURN y.idNumber AS idNumber, y.birthDate AS born, y.phone AS phone, "
        "y.gender AS gender, y.inDifficulty AS inDifficulty, y.difficulties AS difficulties",
    )
    assert 9000 <= len(youth) <= 11000
    for y in youth:
        assert is_valid_id_number(y["idNumber"]), y["idNumber"]
        assert y["idNumber"].startswith("370811")
        assert id_birth_date(y["idNumber"]) == y["born"].to_native()
        assert (int(y["idNumber"][16]) % 2 == 1) == (y["gender"] == "MALE")
        assert is_valid_mobile(y["phone"]), y["phone"]
        assert bool(y["difficulties"]) == y["inDifficulty"]
    assert len({y["idNumber"] for y in youth}) == len(youth)
    ages = [(date(2021, 7, 1) - y["born"].to_native()).days / 365.25 for y in youth]
    assert min(ages) >= 6 and max(ages) < 36
    assert sum(age < 18 for age in ages) > 0.3 * len(youth)  # many minors
    in_difficulty = sum(y["inDifficulty"] for y in youth) / len(youth)
    assert 0.30 <= in_difficulty <= 0.40
    phones = await value(rencheng, "MATCH (c:Cadre) RETURN collect(c.phone)")
    assert len(phones) == 1188 and all(is_valid_mobile(p) for p in phones)


async def test_rencheng_appeals_follow_their_life_cycle(rencheng: Database) -> None:
    appeals = await rows(
        rencheng,
        "MATCH (a:Appeal)-[:RAISED_BY]->(y:Youth) "
        "OPTIONAL MATCH (a)-[r:REFERRED_TO]->() "
        "RETURN a.status AS status, a.createdAt AS created, a.matchedAt AS matched, "
        "a.startedAt AS started, a.resolvedAt AS resolved, a.closedAt AS closed, "
        "a.rejectedAt AS rejected, a.rejectionReason AS reason, r.at AS referred, "
        "y.inDifficulty AS difficult, count { (a)-[:COLLECTED_BY]->(:Cadre) } AS collectors",
    )
    assert 2500 <= len(appeals) <= 3500
    order = ["matched", "started", "resolved", "closed"]
    reached = {"OPEN": 0, "MATCHED": 1, "IN_PROGRESS": 2, "RESOLVED": 3, "CLOSED": 4}
    for a in appeals:
        assert a["collectors"] == 1
        assert a["created"].year == 2021
        if a["status"] == "REJECTED":
            assert a["rejected"] > a["created"] and a["reason"]
            assert all(a[k] is None for k in order) and a["referred"] is None
            continue
        assert a["rejected"] is None and a["reason"] is None
        stamps = [a[k] for k in order]
        n = reached[a["status"]]
        assert all(s is not None for s in stamps[:n]) and all(s is None for s in stamps[n:])
        times = [a["created"], *stamps[:n]]
        assert times == sorted(times) and times[-1].year == 2021
        assert a["referred"] == a["matched"]  # referred when matched, and only then
    statuses = {a["status"] for a in appeals}
    assert statuses == {"OPEN", "MATCHED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REJECTED"}
    assert sum(a["difficult"] for a in appeals) > 0.75 * len(appeals)
    assert sum(a["status"] in ("RESOLVED", "CLOSED") for a in appeals) > 0.5 * len(appeals)


async def test_rencheng_ninth_day_visits_on_the_9th_with_gaps(rencheng: Database) -> None:
    assert (
        await value(
            rencheng, "MATCH (v:Visit {kind: 'NINTH_DAY'}) WHERE v.date.day <> 9 RETURN count(v)"
        )
        == 0
    )
    assert 13000 <= await value(rencheng, "MATCH (v:Visit) RETURN count(v)") <= 17000
    months = await rows(
        rencheng,
        "MATCH (b:GridBranch) CALL (b) { "
        "OPTIONAL MATCH (b)<-[:SERVES_IN]-(:Cadre)<-[:BY]-(v:Visit) WHERE v.kind = 'NINTH_DAY' "
        "RETURN count(DISTINCT v.date.month) AS months } "
        "RETURN months = 12 AS every, count(b) AS n ORDER BY every",
    )
    gaps, full = months[0]["n"], months[1]["n"]
    assert full > gaps > 50  # most branches hold every month; the coverage report finds the rest
    # A visit that produced an appeal: same cadre, same day.
    assert (
        await value(
            rencheng,
            "MATCH (c:Cadre)<-[:BY]-(v:Visit)-[:PRODUCED]->(a:Appeal) "
            "WHERE NOT (a)-[:COLLECTED_BY]->(c) OR date(a.createdAt) <> v.date RETURN count(a)",
        )
        == 0
    )


async def test_rencheng_dates_of_events_lie_in_2021(rencheng: Database) -> None:
    checks = {
        "Activity": "n.date",
        "Visit": "n.date",
        "Training": "n.date",
        "Appeal": "n.createdAt",
        "Notice": "n.issuedAt",
        "Assessment": "n.assessedAt",
    }
    for label, prop in checks.items():
        outside = await value(
            rencheng, f"MATCH (n:{label}) WHERE {prop}.year <> 2021 RETURN count(n)"
        )
        assert outside == 0, label
    assert (
        await value(
            rencheng, "MATCH ()-[r:ACKNOWLEDGED_BY]->() WHERE r.at.year <> 2021 RETURN count(r)"
        )
        == 0
    )


async def test_rencheng_graph_holds_exactly_what_the_generator_made(rencheng: Database) -> None:
    dataset = generate("rencheng")
    labels = await rows(
        rencheng,
        f"MATCH (n) WHERE {DATA} UNWIND labels(n) AS label RETURN label, count(*) AS n",
    )
    in_graph = {r["label"]: r["n"] for r in labels}
    expected = dataset.node_counts()
    expected["Organization"] = sum(
        expected[k]
        for k in ("Center", "TownCommittee", "CommunityBranch", "GridBranch", "IndustryCommittee")
    )
    assert in_graph == expected
    types = await rows(rencheng, "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
    assert {r["type"]: r["n"] for r in types} == dataset.rel_counts()


async def test_rencheng_reload_is_idempotent(rencheng: Database) -> None:
    before = await rows(
        rencheng,
        f"MATCH (n) WHERE {DATA} WITH count(n) AS nodes "
        "MATCH ()-[r]->() RETURN nodes, count(r) AS rels",
    )
    counts = await load_dataset(rencheng, "rencheng")
    after = await rows(
        rencheng,
        f"MATCH (n) WHERE {DATA} WITH count(n) AS nodes "
        "MATCH ()-[r]->() RETURN nodes, count(r) AS rels",
    )
    assert after == before
    assert counts["relationships"] == before[0]["rels"]


# --- mini ------------------------------------------------------------------------------------


async def test_mini_has_the_documented_shape(mini: Database) -> None:
    towns = await value(mini, "MATCH (t:TownCommittee) RETURN collect(t.name)")
    assert sorted(towns) == ["古槐街道网格团委", "济阳街道网格团委"]
    assert await value(mini, "MATCH (c:CommunityBranch) RETURN count(c)") == 4
    per_community = await rows(
        mini,
        "MATCH (c:CommunityBranch) RETURN count { (:Grid)-[:WITHIN]->(c) } AS grids, "
        "count { (:GridBranch)-[:UNDER]->(c) } AS branches",
    )
    assert per_community == [{"grids": 3, "branches": 2}] * 4
    assert (
        await value(
            mini,
            "MATCH (b:GridBranch) WHERE NOT EXISTS { (:ChatGroup)-[:OF]->(b) } RETURN count(b)",
        )
        == 1
    )
    committees = await rows(
        mini,
        "MATCH (i:IndustryCommittee)-[:UNDER]->(p) RETURN labels(p) AS parent, "
        "count { (i)-[:CO_BUILDS]->() } AS partners ORDER BY i.id",
    )
    assert [sorted(c["parent"]) for c in committees] == [
        ["Center", "Organization"],
        ["Organization", "TownCommittee"],
    ]
    assert all(c["partners"] >= 1 for c in committees)
    uncovered = await value(
        mini,
        "MATCH (b:GridBranch) WHERE NOT EXISTS { (:IndustryCommittee)-[:CO_BUILDS]->(b) } "
        "RETURN count(b)",
    )
    assert 0 < uncovered < 8
    sources = await value(mini, "MATCH (c:Cadre) RETURN collect(DISTINCT c.source)")
    assert len(sources) == 5
    statuses = await value(mini, "MATCH (a:Appeal) RETURN collect(DISTINCT a.status)")
    assert "OPEN" in statuses and len(statuses) >= 3
    assert await value(mini, "MATCH (y:Youth {inDifficulty: true}) RETURN count(y)") > 0
    assert await value(mini, "MATCH (s:SocialOrganization) RETURN count(s)") == 2
    assert (
        await value(mini, "MATCH (:SocialWorker)-[:MEMBER_OF]->(s) RETURN count(DISTINCT s)") == 2
    )
    brands = await value(
        mini,
        "MATCH (p:ServiceProject)<-[:PART_OF]-(:Activity) RETURN collect(DISTINCT p.brand)",
    )
    assert sorted(brands) == [
        "RIGHTS_PROTECTION",
        "SUMMER_CARE",
        "TALENT_FESTIVAL",
        "TUTORING",
        "YOUTH_CREDIT",
    ]
    for label in ("Position", "Enterprise", "Visit", "Fund", "Campaign", "Assessment", "Award"):
        assert await value(mini, f"MATCH (n:{label}) RETURN count(n)") > 0, label
    assert await value(mini, "MATCH (:Notice)-[r:ACKNOWLEDGED_BY]->() RETURN count(r)") > 0
    assert await value(mini, f"MATCH (n) WHERE {DATA} RETURN count(n)") < 300


async def test_mini_reload_gives_the_same_graph(mini: Database) -> None:
    count_query = (
        f"MATCH (n) WHERE {DATA} WITH count(n) AS nodes "
        "MATCH ()-[r]->() RETURN nodes, count(r) AS rels"
    )
    before = await rows(mini, count_query)
    counts = await load_dataset(mini, "mini")
    after = await rows(mini, count_query)
    assert after == before
    assert before == [{"nodes": counts["nodes"], "rels": counts["relationships"]}]
    # Properties, not only counts: a reloaded node keeps its values.
    assert await value(mini, "MATCH (c:Center) RETURN c.name") == "任城区青春格格服务管理中心"


# --- the generator ----------------------------------------------------------------------------


def test_generator_is_deterministic() -> None:
    for name in ("mini", "rencheng"):
        first, second = generate(name), generate(name)
        assert first == second
        assert first.fingerprint() == second.fingerprint()
    assert generate("mini").fingerprint() != generate("mini", 2).fingerprint()


def test_generator_does_not_depend_on_the_hash_seed() -> None:
    """Set and str-hash order vary with PYTHONHASHSEED; the data must not."""
    code = "from graph.datasets.rencheng import generate; print(generate('rencheng').fingerprint())"
    prints = set()
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        prints.add(done.stdout.strip())
    assert prints == {generate("rencheng").fingerprint()}


def test_scale_multiplies_volumes_below_the_towns() -> None:
    one, two = generate("rencheng", 1).node_counts(), generate("rencheng", 2).node_counts()
    assert two["Center"] == 1 and two["TownCommittee"] == 15
    for label in ("CommunityBranch", "GridBranch", "SocialOrganization", "Appeal", "Activity"):
        assert two[label] == 2 * one[label], label
    assert two["Cadre"] == 2 * one["Cadre"] - 16  # the secretaries of Center and towns once
    assert two["ChatGroup"] == 2 * (1 + 15 + 109 + 1034 - 5) - 16  # Center and towns once
