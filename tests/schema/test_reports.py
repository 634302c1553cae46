"""Partnership reports: the report's figures, breakdowns that add up, periods, co-building history,
the CSV and XLSX downloads (the same numbers as GraphQL), and scoping of both."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any
from urllib.parse import unquote

import httpx
from openpyxl import load_workbook

from graph.driver import Database, Query
from resolvers.validate import today
from tests.conftest import GraphQL, data, error, gid, token

DISTRICT = ("DISTRICT_ADMIN", "RC")
TOWN_1 = ("TOWN_ADMIN", "RC-T01")


def _period(first: str, last: str) -> dict[str, Any]:
    """The variables (or query parameters) `from` and `to`."""
    return {"from": first, "to": last}


YEAR = _period("2021-01-01", "2021-12-31")

ROW = """organization { key name kindLabel } direct pairsActive pairsNew pairsEnded
    socialOrganizations activities jointActivities participants youthServed appealsRaised
    appealsResolved medianResolutionHours funding"""
REPORT = f"""query($org: ID, $from: Date, $to: Date, $top: Int! = 10) {{
  partnershipReport(orgId: $org, from: $from, to: $to, top: $top) {{
    organization {{ key name kindLabel }} from to
    coBuilding {{ pairsActive pairsNew pairsEnded committees gridBranches }}
    linkage {{ socialOrganizations socialOrganizationsNew socialWorkers }}
    activities {{ activities participants youthServed jointActivities jointParticipants
                  jointYouthServed }}
    brands {{ brand brandLabel activities jointActivities participants youthServed }}
    appeals {{ raised resolved open inProgress rejected referred medianResolutionHours }}
    funding {{ amount funds bySource {{ source sourceLabel funds amount }} }}
    breakdown {{ {ROW} }}
    topPartners {{ kind kindLabel jointActivities participants youthServed appealsHandled
      gridBranches partner {{ __typename ... on SocialOrganization {{ id key name }}
                              ... on Organization {{ id key name }} }} }}
  }} }}"""

# Breakdown figures that add up to the report's totals (the rest are distinct counts or medians).
ADDITIVE = {
    "pairsActive": ("coBuilding", "pairsActive"),
    "pairsNew": ("coBuilding", "pairsNew"),
    "pairsEnded": ("coBuilding", "pairsEnded"),
    "activities": ("activities", "activities"),
    "jointActivities": ("activities", "jointActivities"),
    "participants": ("activities", "participants"),
    "youthServed": ("activities", "youthServed"),
    "appealsRaised": ("appeals", "raised"),
    "appealsResolved": ("appeals", "resolved"),
    "funding": ("funding", "amount"),
}


async def _report(
    gql: GraphQL, org: str | None = "RC", as_: tuple[str, str] = DISTRICT, **variables: Any
) -> dict[str, Any]:
    org_id = gid("Organization", org) if org else None
    result = await gql(REPORT, {"org": org_id, **YEAR, **variables}, as_=as_)
    return data(result)["partnershipReport"]


def _brand(report: dict[str, Any], code: str) -> dict[str, Any]:
    return next(b for b in report["brands"] if b["brand"] == code)


# -- the report on the demo district -------------------------------------------------------------


async def test_the_district_report_for_2021_reproduces_the_figures(
    rencheng: Database, gql: GraphQL
) -> None:
    report = await _report(gql)
    assert report["organization"]["key"] == "RC"
    assert (report["from"], report["to"]) == ("2021-01-01", "2021-12-31")
    assert _brand(report, "TALENT_FESTIVAL")["activities"] == 29
    assert _brand(report, "TALENT_FESTIVAL")["brandLabel"] == "青年人才节"
    assert _brand(report, "TALENT_FESTIVAL")["participants"] >= 10_000
    assert _brand(report, "YOUTH_CREDIT")["activities"] >= 200
    assert _brand(report, "SUMMER_CARE")["youthServed"] >= 26_000
    assert report["funding"]["amount"] == 200_000
    assert report["linkage"]["socialOrganizations"] == 63
    assert report["linkage"]["socialWorkers"] >= 500
    assert [b["brand"] for b in report["brands"]] == [
        "SUMMER_CARE", "TALENT_FESTIVAL", "YOUTH_CREDIT", "TUTORING", "RIGHTS_PROTECTION",
    ]  # fmt: skip
    # the same numbers as the overview, which counts them by its own query
    overview = data(
        await gql(
            "{ overview(year: 2021) { talentFestivalEvents talentFestivalApplicants "
            "youthCreditActivities summerCareChildVisits funding socialOrganizations "
            "socialWorkers activities youthServed gridBranchesCoBuilding appeals "
            "appealsResolved } }"
        )
    )["overview"]
    assert overview == {
        "talentFestivalEvents": _brand(report, "TALENT_FESTIVAL")["activities"],
        "talentFestivalApplicants": _brand(report, "TALENT_FESTIVAL")["participants"],
        "youthCreditActivities": _brand(report, "YOUTH_CREDIT")["activities"],
        "summerCareChildVisits": _brand(report, "SUMMER_CARE")["youthServed"],
        "funding": report["funding"]["amount"],
        "socialOrganizations": report["linkage"]["socialOrganizations"],
        "socialWorkers": report["linkage"]["socialWorkers"],
        "activities": report["activities"]["activities"],
        "youthServed": report["activities"]["youthServed"],
        "gridBranchesCoBuilding": report["coBuilding"]["gridBranches"],
        "appeals": report["appeals"]["raised"],
        "appealsResolved": report["appeals"]["resolved"],
    }
    activities = report["activities"]
    assert 0 < activities["jointActivities"] < activities["activities"]
    assert sum(b["activities"] for b in report["brands"]) == activities["activities"]
    assert sum(b["jointActivities"] for b in report["brands"]) == activities["jointActivities"]
    assert report["coBuilding"]["pairsActive"] >= report["coBuilding"]["gridBranches"] > 0
    assert report["coBuilding"]["pairsEnded"] == 0  # the demo data ends no pair
    appeals = report["appeals"]
    assert appeals["raised"] == sum(
        appeals[k] for k in ("resolved", "open", "inProgress", "rejected")
    )
    assert appeals["medianResolutionHours"] > 24  # the generator takes a day at least
    funding = report["funding"]
    assert sum(s["amount"] for s in funding["bySource"]) == funding["amount"]
    assert {s["sourceLabel"] for s in funding["bySource"]} == {"区财政", "镇街财政"}


async def test_breakdown_rows_add_up_to_the_totals(rencheng: Database, gql: GraphQL) -> None:
    for org, kind in (("RC", "镇街网格团委"), ("RC-T01", "村社区网格团总支"),
                      ("RC-T01-C01", "网格团支部")):  # fmt: skip
        report = await _report(gql, org)
        rows = report["breakdown"]
        assert rows[0]["direct"] and rows[0]["organization"]["key"] == org
        assert rows[1:] and all(not r["direct"] for r in rows[1:])
        assert {r["organization"]["kindLabel"] for r in rows[1:]} == {kind}
        keys = [r["organization"]["key"] for r in rows[1:]]
        assert keys == sorted(keys) and all(k.startswith(f"{org}-") for k in keys)
        for field, (section, total) in ADDITIVE.items():
            assert sum(r[field] for r in rows) == report[section][total], (org, field)
        distinct = report["linkage"]["socialOrganizations"]
        assert sum(r["socialOrganizations"] for r in rows) >= distinct
    district = await _report(gql)
    assert len(district["breakdown"]) == 1 + 15
    # the district's own share: projects it runs, no activity or appeal of its own
    own = district["breakdown"][0]
    assert own["funding"] > 0 and own["activities"] == own["appealsRaised"] == 0


async def test_a_town_report_is_its_row_of_the_district_report(
    rencheng: Database, gql: GraphQL
) -> None:
    district = await _report(gql)
    row = next(r for r in district["breakdown"] if r["organization"]["key"] == "RC-T01")
    town = await _report(gql, "RC-T01")
    for field, (section, total) in ADDITIVE.items():
        assert town[section][total] == row[field], field
        assert town[section][total] <= district[section][total]
    assert town["linkage"]["socialOrganizations"] == row["socialOrganizations"]
    assert town["appeals"]["medianResolutionHours"] == row["medianResolutionHours"]
    assert 0 < town["activities"]["activities"] < district["activities"]["activities"]
    assert town["linkage"]["socialWorkers"] <= district["linkage"]["socialWorkers"]
    # the same figures whoever asks, the town's admin or the district's; the partners listed
    # are those the caller may see (a district social organisation not linked with the town is
    # seen by the district admin only)
    wide = await _report(gql, "RC-T01", top=100)
    narrow = await _report(gql, "RC-T01", as_=TOWN_1, top=100)
    assert {**narrow, "topPartners": None} == {**wide, "topPartners": None}
    assert [p for p in wide["topPartners"] if p in narrow["topPartners"]] == narrow["topPartners"]
    assert 0 < len(narrow["topPartners"]) < len(wide["topPartners"])
    assert {p["partner"]["key"] for p in wide["topPartners"]} >= {"SO-003", "RC-IC-01"}
    assert "SO-003" not in {p["partner"]["key"] for p in narrow["topPartners"]}


async def test_top_partners_are_ranked_and_capped(rencheng: Database, gql: GraphQL) -> None:
    report = await _report(gql, top=100)
    partners = report["topPartners"]
    assert 10 < len(partners) <= 100
    ranks = [(-p["jointActivities"], -p["appealsHandled"], -p["youthServed"]) for p in partners]
    assert ranks == sorted(ranks)
    kinds = {p["kind"]: p["kindLabel"] for p in partners}
    assert kinds == {"SOCIAL_ORGANIZATION": "社会组织", "INDUSTRY_COMMITTEE": "行业团工委"}
    for p in partners:
        typename = p["partner"]["__typename"]
        assert typename == ("SocialOrganization" if p["kind"] == "SOCIAL_ORGANIZATION"
                            else "Organization")  # fmt: skip
    assert sum(p["jointActivities"] for p in partners) >= report["activities"]["jointActivities"]
    top3 = await _report(gql, top=3)
    assert top3["topPartners"] == partners[:3]
    for bad in (0, 101):
        assert error(
            await gql(REPORT, {"org": gid("Organization", "RC"), "top": bad}, as_=DISTRICT)
        ) == {"message": "top must be from 1 to 100", "code": "BAD_USER_INPUT", "field": "top"}


async def test_periods(rencheng: Database, gql: GraphQL) -> None:
    year = await _report(gql, "RC-T02")
    halves = [
        await _report(gql, "RC-T02", **_period("2021-01-01", "2021-06-30")),
        await _report(gql, "RC-T02", **_period("2021-07-01", "2021-12-31")),
    ]
    for section, field in (("activities", "activities"), ("activities", "youthServed"),
                           ("appeals", "raised"), ("coBuilding", "pairsNew")):  # fmt: skip
        assert sum(h[section][field] for h in halves) == year[section][field], field
    assert halves[0]["funding"] == year["funding"]  # funds are by year
    # before the data begins: no activity, appeal or money; pairs and links not yet made
    before = await _report(gql, "RC-T02", **_period("2019-01-01", "2019-12-31"))
    assert before["activities"]["activities"] == before["appeals"]["raised"] == 0
    assert before["funding"]["amount"] == 0 and before["funding"]["bySource"] == []
    assert before["appeals"]["medianResolutionHours"] is None
    # default: this calendar year to date
    current = data(await gql(REPORT, {"org": gid("Organization", "RC-T02")}, as_=DISTRICT))
    period = current["partnershipReport"]
    assert (period["from"], period["to"]) == (f"{today().year}-01-01", today().isoformat())
    wrong = await gql(REPORT, {"org": gid("Organization", "RC"), "from": "2021-12-31",
                               "to": "2021-01-01"}, as_=DISTRICT)  # fmt: skip
    assert error(wrong)["code"] == "BAD_USER_INPUT" and error(wrong)["field"] == "from"


async def test_one_round_trip_and_no_personal_data(rencheng: Database, gql: GraphQL) -> None:
    result = await gql(REPORT, {"org": gid("Organization", "RC"), **YEAR}, as_=DISTRICT)
    assert result["extensions"]["cypherRoundTrips"] == 1
    names = data(
        await gql("{ youth(first: 5) { nodes { name } } }", as_=("COMMUNITY_CADRE", "RC-T01-C01"))
    )["youth"]["nodes"]
    text = str(result)
    assert names and not any(n["name"] in text for n in names)


# -- downloads -----------------------------------------------------------------------------------


async def _download(
    client: httpx.AsyncClient, ext: str, as_: tuple[str, str] | None = DISTRICT, **params: Any
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token(*as_)}"} if as_ else {}
    return await client.get(f"/reports/partnership.{ext}", params=params, headers=headers)


def _expected_sheets(report: dict[str, Any]) -> dict[str, list[list[Any]]]:
    """The GraphQL report laid out as the XLSX should be (computed here, not by the app)."""
    cb, ln, ac, ap, fu = (report[k] for k in ("coBuilding", "linkage", "activities", "appeals",
                                              "funding"))  # fmt: skip
    org = report["organization"]
    return {
        "报告信息": [["项目", "内容"], ["组织名称", org["name"]], ["组织编号", org["key"]],
                     ["组织类型", org["kindLabel"]], ["起始日期", report["from"]],
                     ["截止日期", report["to"]]],
        "联建共建": [["指标", "数值"], ["在建结对数", cb["pairsActive"]],
                     ["新建结对数", cb["pairsNew"]], ["解除结对数", cb["pairsEnded"]],
                     ["参与结对的行业团工委", cb["committees"]],
                     ["参与结对的网格团支部", cb["gridBranches"]]],
        "资源链接": [["指标", "数值"], ["链接社会组织", ln["socialOrganizations"]],
                     ["新链接社会组织", ln["socialOrganizationsNew"]],
                     ["社会化工作者", ln["socialWorkers"]]],
        "联合活动": [["指标", "数值"], ["活动总数", ac["activities"]],
                     ["参与人次", ac["participants"]], ["服务青少年人次", ac["youthServed"]],
                     ["联合活动数", ac["jointActivities"]],
                     ["联合活动参与人次", ac["jointParticipants"]],
                     ["联合活动服务青少年人次", ac["jointYouthServed"]]],
        "项目品牌": [["项目品牌", "活动数", "联合活动数", "参与人次", "服务人次"]]
        + [[b["brandLabel"], b["activities"], b["jointActivities"], b["participants"],
            b["youthServed"]] for b in report["brands"]],
        "诉求办理": [["指标", "数值"], ["提出诉求", ap["raised"]],
                     ["已解决（含已办结）", ap["resolved"]], ["待处理", ap["open"]],
                     ["办理中（含已转介）", ap["inProgress"]], ["已驳回", ap["rejected"]],
                     ["转介社会组织", ap["referred"]],
                     ["解决用时中位数（小时）", ap["medianResolutionHours"]]],
        "资金": [["资金来源", "资金笔数", "金额（元）"]]
        + [[s["sourceLabel"], s["funds"], s["amount"]] for s in fu["bySource"]]
        + [["合计", fu["funds"], fu["amount"]]],
        "下级分布": [["组织编号", "组织名称", "类型", "在建结对", "新建结对", "解除结对",
                      "链接社会组织", "活动数", "联合活动数", "参与人次", "服务青少年人次",
                      "提出诉求", "已解决", "解决用时中位数（小时）", "资金（元）"]]
        + [[r["organization"]["key"], r["organization"]["name"],
            "本级" if r["direct"] else r["organization"]["kindLabel"], r["pairsActive"],
            r["pairsNew"], r["pairsEnded"], r["socialOrganizations"], r["activities"],
            r["jointActivities"], r["participants"], r["youthServed"], r["appealsRaised"],
            r["appealsResolved"], r["medianResolutionHours"], r["funding"]]
           for r in report["breakdown"]],
        "主要合作伙伴": [["排名", "编号", "名称", "类型", "联合活动数", "参与人次",
                          "服务青少年人次", "承接诉求", "共建网格团支部"]]
        + [[i, p["partner"]["key"], p["partner"]["name"], p["kindLabel"],
            p["jointActivities"], p["participants"], p["youthServed"], p["appealsHandled"],
            p["gridBranches"]] for i, p in enumerate(report["topPartners"], 1)],
    }  # fmt: skip


def _plain(value: Any) -> Any:
    return value.date().isoformat() if isinstance(value, dt.datetime) else value


async def test_the_xlsx_download_is_the_graphql_report(
    rencheng: Database, gql: GraphQL, client: httpx.AsyncClient
) -> None:
    report = await _report(gql, "RC-T01", top=20)
    response = await _download(client, "xlsx", orgId=gid("Organization", "RC-T01"), top=20,
                               **YEAR)  # fmt: skip
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    disposition = response.headers["content-disposition"]
    ascii_name = "partnership-RC-T01-2021-01-01-2021-12-31.xlsx"
    assert disposition.startswith(f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''")
    assert unquote(disposition.split("UTF-8''")[1]) == (
        f"{report['organization']['name']}合作共建报告-2021-01-01-2021-12-31.xlsx"
    )
    book = load_workbook(io.BytesIO(response.content))
    expected = _expected_sheets(report)
    names = list(expected)
    # the cover first, the breakdown's chart after the breakdown (app/downloads.py)
    assert book.sheetnames == ["封面", *names[:8], "下级分布图", *names[8:]]
    cover = {r[1]: r[2] for r in book["封面"].iter_rows(values_only=True) if r[1] and r[2]}
    assert cover["组织名称"] == report["organization"]["name"]
    assert cover["报告期间"] == "2021-01-01 至 2021-12-31"
    assert cover["活动总数"] == report["activities"]["activities"]
    # the 合计 rows: the breakdown's additive columns add up to the report's totals
    breakdown = list(book["下级分布"].iter_rows(values_only=True))
    totals = breakdown[-1]
    assert totals[0] == "合计" and totals[6] is None and totals[13] is None
    assert (totals[3], totals[7], totals[8], totals[9], totals[10], totals[11], totals[14]) == (
        report["coBuilding"]["pairsActive"], report["activities"]["activities"],
        report["activities"]["jointActivities"], report["activities"]["participants"],
        report["activities"]["youthServed"], report["appeals"]["raised"],
        report["funding"]["amount"],
    )  # fmt: skip
    brands = list(book["项目品牌"].iter_rows(values_only=True))
    assert brands[-1] == ("合计", *(sum(r[i] for r in brands[1:-1]) for i in range(1, 5)))
    for name, rows in expected.items():
        sheet = book[name]
        got = [[_plain(c) for c in row] for row in sheet.iter_rows(values_only=True)]
        if name in ("下级分布", "项目品牌"):
            got = got[:-1]  # the 合计 row (above)
        assert got == rows, name
        assert all(cell.font.bold for cell in sheet[1]), name
        for column, header in zip("ABCDEFGHIJKLMNO", rows[0], strict=False):
            # wide enough for the header (CJK characters count twice)
            assert sheet.column_dimensions[column].width >= 2 * len(header), (name, header)


async def test_the_csv_download_is_the_graphql_report(
    rencheng: Database, gql: GraphQL, client: httpx.AsyncClient
) -> None:
    report = await _report(gql)
    response = await _download(client, "csv", orgId=gid("Organization", "RC"), **YEAR)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    disposition = response.headers["content-disposition"]
    assert 'filename="partnership-RC-2021-01-01-2021-12-31.csv"' in disposition
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] = []
    for row in rows:
        if len(row) == 1 and row[0].startswith("【"):
            current = sections.setdefault(row[0].strip("【】"), [])
        elif row:
            current.append(row)
    expected = _expected_sheets(report)
    assert list(sections) == list(expected)
    for name, table in expected.items():
        as_text = [["" if v is None else str(v) for v in row] for row in table]
        assert sections[name] == as_text, name


async def test_download_defaults_and_bad_input(
    rencheng: Database, client: httpx.AsyncClient
) -> None:
    # no orgId: the caller's own organisation; no period: this year to date
    response = await _download(client, "csv", as_=TOWN_1)
    assert response.status_code == 200
    name = f"partnership-RC-T01-{today().year}-01-01-{today().isoformat()}.csv"
    assert f'filename="{name}"' in response.headers["content-disposition"]
    bad_input: list[tuple[dict[str, Any], str]] = [
        ({"from": "2021-13-01"}, "from"), ({"top": "many"}, "top"), ({"top": "0"}, "top"),
        ({"orgId": "RC"}, "orgId"), ({"from": "2021-12-31", "to": "2021-01-01"}, "from"),
    ]  # fmt: skip
    for params, field in bad_input:
        bad = await _download(client, "xlsx", **params)
        assert bad.status_code == 400, params
        extensions = bad.json()["errors"][0]["extensions"]
        assert extensions == {"code": "BAD_USER_INPUT", "field": field}


# -- scoping -------------------------------------------------------------------------------------


async def test_reports_are_scoped(rencheng: Database, gql: GraphQL) -> None:
    for org in ("RC-T02", "RC", "RC-T02-C01", "RC-IC-01"):  # RC-IC-01 co-builds in RC-T01
        result = await gql(REPORT, {"org": gid("Organization", org), **YEAR}, as_=TOWN_1)
        assert error(result)["code"] == "NOT_FOUND", org
        assert result["data"] is None
    unknown = await gql(REPORT, {"org": gid("Organization", "RC-T99")}, as_=DISTRICT)
    assert error(unknown)["code"] == "NOT_FOUND"
    assert error(await gql(REPORT, {"org": gid("Organization", "RC")}))["code"] == (
        "UNAUTHENTICATED"
    )
    assert error(await gql(REPORT, bearer="not-a-token"))["code"] == "UNAUTHENTICATED"
    social = await gql(REPORT, as_=("SOCIAL_ORG", "SO-001"))
    assert error(social)["code"] == "FORBIDDEN"
    # an inspector reads its subtree; a grid cadre its branch
    inspected = await _report(gql, "RC-T01-C01", as_=("INSPECTOR", "RC-T01"))
    assert inspected == await _report(gql, "RC-T01-C01", as_=TOWN_1)
    branch = await _report(gql, None, as_=("GRID_CADRE", "RC-T01-C01-B01"))
    assert branch["organization"]["key"] == "RC-T01-C01-B01"
    assert [r["direct"] for r in branch["breakdown"]] == [True]
    # every partner named in a town's report is one the town's admin can see
    town = await _report(gql, "RC-T01", as_=TOWN_1, top=100)
    ids = [p["partner"]["id"] for p in town["topPartners"]]
    assert ids
    seen = data(await gql("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": ids},
                          as_=TOWN_1))["nodes"]  # fmt: skip
    assert all(n is not None for n in seen)


async def test_downloads_are_scoped(rencheng: Database, client: httpx.AsyncClient) -> None:
    other = {"orgId": gid("Organization", "RC-T02"), **YEAR}
    for ext in ("csv", "xlsx"):
        response = await _download(client, ext, as_=TOWN_1, **other)
        assert response.status_code == 404
        assert response.json()["errors"][0]["extensions"] == {
            "code": "NOT_FOUND", "field": "orgId",
        }  # fmt: skip
        anonymous = await _download(client, ext, as_=None, **other)
        assert anonymous.status_code == 401
        assert anonymous.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert anonymous.headers["www-authenticate"] == "Bearer"
        forged = await client.get(f"/reports/partnership.{ext}",
                                  headers={"Authorization": "Bearer nope"})  # fmt: skip
        assert forged.status_code == 401
        social = await _download(client, ext, as_=("SOCIAL_ORG", "SO-001"))
        assert social.status_code == 403
        assert social.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        mine = await _download(client, ext, as_=TOWN_1, orgId=gid("Organization", "RC-T01"))
        assert mine.status_code == 200


# -- co-building history (writes: the small district) -------------------------------------------

PAIR = Query(
    "test_report_pair",
    """
    MATCH (c:IndustryCommittee), (b:GridBranch) WHERE NOT EXISTS { (c)-[:CO_BUILDS]->(b) }
    RETURN c.id AS committee, b.id AS branch ORDER BY committee, branch LIMIT 1
    """,
)

PERIODS = {
    "year": ("2021-01-01", "2021-12-31", (1, 1, 0)),  # (active, new, ended) of the new pair
    "spring-summer": ("2021-04-01", "2021-07-31", (1, 0, 1)),
    "gap": ("2021-07-01", "2021-08-31", (0, 0, 0)),
    "september": ("2021-09-01", "2021-09-30", (1, 1, 0)),
    "last-day": ("2021-06-30", "2021-06-30", (1, 0, 1)),
}


async def test_co_building_pairs_follow_their_history(mini: Database, gql: GraphQL) -> None:
    pair = (await mini.read(PAIR))[0]
    ids = {"c": gid("Organization", pair["committee"]), "b": gid("Organization", pair["branch"])}

    async def counts() -> dict[str, tuple[int, int, int]]:
        out = {}
        for name, (first, last, _) in PERIODS.items():
            report = await _report(gql, pair["branch"], **_period(first, last))
            cb = report["coBuilding"]
            out[name] = (cb["pairsActive"], cb["pairsNew"], cb["pairsEnded"])
        return out

    before = await counts()
    # co-building from March to June, then again from September
    for mutation in (
        'establishCoBuilding(committeeId: $c, gridBranchId: $b, since: "2021-03-01")',
        'endCoBuilding(committeeId: $c, gridBranchId: $b, until: "2021-06-30")',
        'establishCoBuilding(committeeId: $c, gridBranchId: $b, since: "2021-09-01")',
    ):
        data(await gql(f"mutation($c: ID!, $b: ID!) {{ {mutation} {{ key }} }}", ids,
                       as_=DISTRICT))  # fmt: skip
    after = await counts()
    for name, (_, _, delta) in PERIODS.items():
        change = tuple(a - b for a, b in zip(after[name], before[name], strict=True))
        assert change == delta, name
