"""The console and GraphiQL in a real browser: Debian's Chromium, driven headless by Playwright.

The app runs under uvicorn in the test session's event loop (on the session's database), and
every request the pages make to anything but that server is aborted and recorded: the pages
must work offline. Each test writes a screenshot of its page to tests/screenshots/ (git-ignored).
Timeouts are generous: the machine is small and shared.
"""

from __future__ import annotations

import asyncio
import csv
import io
import shutil
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import uvicorn
from openpyxl import load_workbook
from starlette.applications import Starlette

from app.asgi import create_app
from app.console import WEB_DIST
from core.settings import Settings
from graph.driver import Database
from resolvers.mobilization import acknowledgements
from tests.conftest import GraphQL, Store, data, gid, token

SHOTS = Path(__file__).resolve().parents[1] / "screenshots"
TOWN = ("TOWN_ADMIN", "RC-T01")
DISTRICT = ("DISTRICT_ADMIN", "RC")
TIMEOUT_MS = 90_000


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _number(text: str) -> float:
    return float(text.replace(",", "").replace("%", "").strip())


# -- without a browser -------------------------------------------------------------------------


async def test_graphql_get_is_the_bundled_graphiql(client: httpx.AsyncClient) -> None:
    if not (WEB_DIST / "graphiql.html").is_file():
        pytest.skip("web/dist is not built: run `make web`")
    for path in ("/graphql", "/graphiql"):
        response = await client.get(path, headers={"Accept": "text/html"})
        assert response.status_code == 200
        assert '<div id="graphiql">' in response.text
        # strawberry's page loads GraphiQL from a CDN; this one names only its own assets
        assert "unpkg" not in response.text and "jsdelivr" not in response.text
        assert 'src="/assets/' in response.text
    console = await client.get("/")
    assert console.status_code == 200 and '<div id="app">' in console.text


async def test_dev_token_mints_a_working_token(
    client: httpx.AsyncClient, rencheng: Database
) -> None:
    response = await client.post("/console/dev-token", json={"role": "TOWN_ADMIN", "org": "RC-T01"})
    assert response.status_code == 200
    bearer = response.json()["token"]
    viewer = await GraphQL(client)("{ viewer { role organizationKey } }", bearer=bearer)
    assert data(viewer)["viewer"] == {"role": "TOWN_ADMIN", "organizationKey": "RC-T01"}
    bad = await client.post("/console/dev-token", json={"role": "KING", "org": "RC"})
    assert bad.status_code == 400 and "TOWN_ADMIN" in bad.json()["error"]
    assert (await client.get("/console/config")).json() == {"dev": True, "graphiql": True}


async def test_without_dev_there_is_no_dev_sign_in_nor_graphiql(db: Database) -> None:
    app = create_app(db=db, settings=Settings(dev=False))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        minted = await http.post("/console/dev-token", json={"role": "DISTRICT_ADMIN", "org": "RC"})
        assert minted.status_code in (404, 405)
        assert (await http.get("/graphiql")).status_code == 404
        assert (await http.get("/console/config")).json() == {"dev": False, "graphiql": False}


# -- the browser -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _serve(app: Starlette) -> tuple[uvicorn.Server, asyncio.Task[None], str]:
    """The app on a real port, served in this event loop (the database's driver lives here)."""
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, access_log=False)
    )
    task = asyncio.create_task(server.serve())
    for _ in range(600):
        if server.started or task.done():
            break
        await asyncio.sleep(0.1)
    assert server.started, "uvicorn did not start"
    return server, task, f"http://127.0.0.1:{port}"


# module scope: the servers and the browser are gone before the rest of the suite runs
@pytest.fixture(scope="module")
async def live_urls(stores: dict[str, Store]) -> AsyncIterator[dict[str, str]]:
    """The app over each test database (rencheng's, mini's), each on a real port."""
    served = {name: await _serve(store.app) for name, store in stores.items()}
    yield {name: url for name, (_, _, url) in served.items()}
    for server, task, _ in served.values():
        server.should_exit = True
        await task


@pytest.fixture
def live_url(request: pytest.FixtureRequest, live_urls: dict[str, str]) -> str:
    """The app over the database of the test's dataset fixture (as `gql`)."""
    return live_urls["write" if {"mini", "empty"} & set(request.fixturenames) else "read"]


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Any]:
    if not (WEB_DIST / "index.html").is_file():
        pytest.skip("web/dist is not built: run `make web` (make test builds it)")
    executable = _chromium()
    if executable is None:
        pytest.skip(
            "no Chromium: `make test` installs Debian's chromium with apt-get, which failed here; "
            "the browser tests are skipped"
        )
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        chromium = await pw.chromium.launch(
            executable_path=executable,
            args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        )
        yield chromium
        await chromium.close()


@pytest.fixture
async def page(browser: Any, live_url: str) -> AsyncIterator[Any]:
    """A fresh page whose requests to anything but the app are aborted and recorded."""
    context = await browser.new_context(
        viewport={"width": 1440, "height": 1000}, accept_downloads=True, locale="zh-CN"
    )
    outside: list[str] = []
    errors: list[str] = []
    local = urlsplit(live_url).netloc

    async def only_the_app(route: Any) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != local:
            outside.append(route.request.url)
            await route.abort()
        else:
            await route.continue_()

    await context.route("**/*", only_the_app)
    tab = await context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    await context.close()
    assert outside == [], f"the page fetched from outside the app: {outside}"
    assert errors == [], f"uncaught errors in the page: {errors}"


async def sign_in(page: Any, live_url: str, role: str, org: str, at: str = "dashboard") -> None:
    """The development sign-in: pick a role and an organisation, the server mints the token;
    then the console opens the page `at`."""
    await page.goto(f"{live_url}/#/{at}")
    await page.select_option("#dev-role", role)
    await page.fill("#dev-org", org)
    await page.click("#dev-mint")
    await page.wait_for_selector(f'[data-testid="viewer"]:has-text("{org}")')


async def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


async def test_sign_in_with_a_pasted_token(page: Any, live_url: str, rencheng: Database) -> None:
    await page.goto(f"{live_url}/")
    await shot(page, "signin")
    await page.fill("#token", token(*TOWN))
    await page.click("#use-token")
    viewer = await page.text_content('[data-testid="viewer"]')
    assert "RC-T01" in viewer and "镇街网格团委" in viewer
    await page.click("#lang")  # English labels
    await page.wait_for_selector('nav a[data-page="explorer"]:has-text("Explorer")')


async def test_dashboard_shows_the_town_figures_of_graphql(
    page: Any, live_url: str, gql: GraphQL, rencheng: Database
) -> None:
    await sign_in(page, live_url, *TOWN)
    await page.wait_for_selector("[data-fig=gridBranches]")
    await page.wait_for_selector("#coverage-chart canvas")
    await page.wait_for_selector("[data-reach=urgent]")
    await page.wait_for_selector('[data-testid="visits-share"]')
    await page.wait_for_selector('[data-testid="open-count"]')
    await shot(page, "dashboard")

    town = gid("Organization", "RC-T01")
    fields = await page.eval_on_selector_all(
        "[data-fig]", "els => els.map(e => [e.dataset.fig, e.textContent])"
    )
    names = " ".join(field for field, _ in fields)
    expected = data(
        await gql(
            f"query($o: ID!) {{ overview(orgId: $o, year: 2021) {{ {names} }} "
            "coBuildingNetwork(orgId: $o) { coBuilding share } "
            "reach(urgency: URGENT, orgId: $o, first: 1) { summary { withinPromise } } "
            'visitCoverage(month: "2021-06", orgId: $o, first: 1) { summary { shareHeld } } '
            "appeals(first: 1, filter: {under: $o, status: [OPEN]}) { totalCount } }",
            {"o": town},
            as_=TOWN,
        )
    )
    assert len(fields) >= 15
    for field, text in fields:
        assert _number(text) == expected["overview"][field], field
    assert expected["overview"]["townCommittees"] == 1  # a town's own subtree, not the district
    assert expected["overview"]["gridBranches"] < 1034
    coverage = await page.text_content('[data-testid="coverage-count"]')
    assert _number(coverage) == expected["coBuildingNetwork"]["coBuilding"]
    share = await page.text_content('[data-testid="coverage-share"]')
    assert _number(share) == round(expected["coBuildingNetwork"]["share"] * 100, 1)
    urgent = await page.text_content("[data-reach=urgent]")
    assert _number(urgent) == expected["reach"]["summary"]["withinPromise"]
    visits = await page.text_content('[data-testid="visits-share"]')
    assert _number(visits) == round(expected["visitCoverage"]["summary"]["shareHeld"] * 100, 1)
    open_count = await page.text_content('[data-testid="open-count"]')
    assert _number(open_count) == expected["appeals"]["totalCount"]


NEIGHBOURHOOD = """query($id: ID!) { neighborhood(id: $id, depth: 3, limit: 150,
  relationshipTypes: [UNDER, SERVED_BY, CO_BUILDS]) { nodes { id key label } } }"""


async def test_explorer_draws_only_the_town(
    page: Any, live_url: str, gql: GraphQL, rencheng: Database
) -> None:
    town = gid("Organization", "RC-T01")
    branch = data(
        await gql(
            "query($t: ID) { organizations(first: 1, filter: {under: $t, kind: GRID_BRANCH}) "
            "{ nodes { id key name } } }",
            {"t": town},
            as_=TOWN,
        )
    )["organizations"]["nodes"][0]
    await sign_in(page, live_url, *TOWN, at="explorer")
    await page.fill("#q", branch["name"])
    await page.click("#search")
    await page.select_option("#rels", ["UNDER", "SERVED_BY", "CO_BUILDS"])
    await page.select_option("#depth", "3")
    await page.click(f'#results li[data-key="{branch["key"]}"] .pick')
    await page.wait_for_selector(f'#node-table tr[data-node-key="{branch["key"]}"]')
    await page.wait_for_function("() => window.ymGraphs['explorer-graph'].getNodeData().length > 1")
    await page.wait_for_timeout(1500)  # let the force layout settle for the screenshot
    await shot(page, "explorer")

    drawn = set(
        await page.evaluate("() => window.ymGraphs['explorer-graph'].getNodeData().map(n => n.id)")
    )
    rows = "#node-table tr[data-node-id]"
    listed = set(await page.eval_on_selector_all(rows, "els => els.map(e => e.dataset.nodeId)"))
    as_town = data(await gql(NEIGHBOURHOOD, {"id": branch["id"]}, as_=TOWN))["neighborhood"]
    as_district = data(await gql(NEIGHBOURHOOD, {"id": branch["id"]}, as_=DISTRICT))
    assert drawn == listed == {n["id"] for n in as_town["nodes"]}
    # the district sees beyond the town (the centre, three hops up): none of that is drawn
    outside = {n["id"] for n in as_district["neighborhood"]["nodes"]} - drawn
    assert gid("Organization", "RC") in outside
    levels = {"Center", "TownCommittee", "CommunityBranch", "GridBranch"}
    for node in as_town["nodes"]:
        if node["label"] in levels:
            assert node["key"].startswith("RC-T01"), node

    # a click on a drawn node asks the API for its neighbours and adds them
    community = next(n for n in as_town["nodes"] if n["label"] == "CommunityBranch")
    point = await page.evaluate(
        """async (id) => { const g = window.ymGraphs['explorer-graph'];
             const [x, y] = g.getElementPosition(id); const [cx, cy] = g.getClientByCanvas([x, y]);
             return [cx, cy]; }""",
        community["id"],
    )
    await page.mouse.click(point[0], point[1])
    await page.wait_for_function(
        "(n) => document.querySelectorAll('#node-table tr[data-node-id]').length > n", arg=0
    )
    after = set(
        await page.evaluate("() => window.ymGraphs['explorer-graph'].getNodeData().map(n => n.id)")
    )
    assert drawn <= after
    assert gid("Organization", "RC") not in after


async def test_appeal_desk_matches_and_refers(
    page: Any, live_url: str, gql: GraphQL, mini: Database
) -> None:
    # mini's one open appeal is in the other town: the town's youth raises a new one
    town = gid("Organization", "RC-T01")
    youth = data(
        await gql(
            "query($t: ID) { youth(first: 1, filter: {under: $t}) { nodes { id } } }",
            {"t": town},
            as_=TOWN,
        )
    )["youth"]["nodes"][0]
    created = await gql(
        "mutation($y: ID!) { createAppeal(input: {youthId: $y, title: '寻求心理疏导', "
        "category: PSYCHOLOGICAL, urgency: URGENT}) { id key status } }".replace("'", '"'),
        {"y": youth["id"]},
        as_=TOWN,
    )
    chosen = data(created)["createAppeal"]
    assert chosen["status"] == "OPEN"
    match_query = """query($id: ID!) { matchResources(appealId: $id, first: 10) { nodes { kind score
        resource { id ... on SocialOrganization { key } ... on SocialWorker { key }
                   ... on Position { key } ... on ServiceProject { key } } } } }"""
    candidates = data(await gql(match_query, {"id": chosen["id"]}, as_=TOWN))
    candidates = candidates["matchResources"]["nodes"]
    assert any(c["kind"] == "SOCIAL_ORGANIZATION" for c in candidates)

    await sign_in(page, live_url, *TOWN, at=f"appeals?key={chosen['key']}")
    await page.wait_for_selector('[data-testid="appeal-status"][data-status="OPEN"]')
    await page.click("#match")
    await page.wait_for_selector("tr[data-candidate-key]")
    await page.wait_for_function("() => window.ymGraphs['match-graph'].getNodeData().length > 1")
    await page.wait_for_timeout(1000)
    await shot(page, "appeals")

    rows = await page.eval_on_selector_all(
        "tr[data-candidate-key]",
        "els => els.map(e => [e.dataset.candidateKey,"
        " e.querySelector('[data-score]').textContent])",
    )
    assert [key for key, _ in rows] == [c["resource"]["key"] for c in candidates]
    for (_, shown), candidate in zip(rows, candidates, strict=True):
        assert abs(float(shown) - candidate["score"]) <= 0.0005 + 1e-9  # three decimals
    # the path drawn is the API's path of the first candidate
    first_path = data(
        await gql(
            "query($id: ID!) { matchResources(appealId: $id, first: 1) "
            "{ nodes { path { nodes { id } } } } }",
            {"id": chosen["id"]},
            as_=TOWN,
        )
    )["matchResources"]["nodes"][0]["path"]["nodes"]
    drawn = await page.evaluate("() => window.ymGraphs['match-graph'].getNodeData().map(n => n.id)")
    assert set(drawn) == {n["id"] for n in first_path}

    target = next(c for c in candidates if c["kind"] == "SOCIAL_ORGANIZATION")["resource"]
    await page.click(f'tr[data-candidate-key="{target["key"]}"] button.refer')
    await page.wait_for_selector('[data-testid="appeal-status"][data-status="MATCHED"]')
    after = data(
        await gql(
            "query($id: ID!) { node(id: $id) { ... on Appeal { status "
            "referrals { nodes { ... on SocialOrganization { key } } } } } }",
            {"id": chosen["id"]},
            as_=TOWN,
        )
    )["node"]
    assert after["status"] == "MATCHED"
    assert {"key": target["key"]} in after["referrals"]["nodes"]


async def test_report_on_screen_and_downloads(
    page: Any, live_url: str, gql: GraphQL, rencheng: Database, tmp_path: Path
) -> None:
    await sign_in(page, live_url, *TOWN, at="reports")
    await page.wait_for_selector("[data-report=activities]")
    await page.wait_for_selector("#brand-chart canvas")
    await shot(page, "reports")
    report = data(
        await gql(
            'query { partnershipReport(from: "2021-01-01", to: "2021-12-31") '
            "{ organization { name } "
            "coBuilding { pairsActive } linkage { socialOrganizations socialWorkers } "
            "activities { activities participants youthServed jointActivities } "
            "appeals { raised resolved } funding { amount } } }",
            as_=TOWN,
        )
    )["partnershipReport"]
    expected = {
        "pairsActive": report["coBuilding"]["pairsActive"],
        "socialOrganizations": report["linkage"]["socialOrganizations"],
        "activities": report["activities"]["activities"],
        "participants": report["activities"]["participants"],
        "youthServed": report["activities"]["youthServed"],
        "raised": report["appeals"]["raised"],
        "resolved": report["appeals"]["resolved"],
        "funding": report["funding"]["amount"],
    }
    for field, value in expected.items():
        assert _number(await page.text_content(f"[data-report={field}]")) == value, field
    assert report["organization"]["name"] in await page.text_content('[data-testid="report-title"]')

    async with page.expect_download() as pending:
        await page.click("#report-xlsx")
    xlsx = await pending.value
    assert xlsx.suggested_filename.endswith("-2021-01-01-2021-12-31.xlsx")
    path = tmp_path / "report.xlsx"
    await xlsx.save_as(path)
    sheet = load_workbook(path)["联合活动"]
    figures = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert figures["活动总数"] == expected["activities"]
    assert figures["服务青少年人次"] == expected["youthServed"]

    async with page.expect_download() as pending:
        await page.click("#report-csv")
    csv_download = await pending.value
    path = tmp_path / "report.csv"
    await csv_download.save_as(path)
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert ["【联建共建】"] in rows
    assert ["在建结对数", str(expected["pairsActive"])] in rows


async def test_graphiql_offline_with_token_and_readme_tabs(
    page: Any, live_url: str, rencheng: Database
) -> None:
    await page.goto(f"{live_url}/graphiql")
    await page.fill("#ym-token", token(*TOWN))
    await page.wait_for_selector(".graphiql-tab")
    tabs = await page.eval_on_selector_all(".graphiql-tab", "els => els.length")
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert tabs >= readme.count("```graphql")  # each block holds one operation or more
    # the first tab is the README's first example: a town's tree, which the town admin sees
    # GraphiQL re-creates its fetcher when the token changes and then re-reads the schema; a
    # click during that can be dropped, so click again if no result came
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    for attempt in range(3):
        await page.wait_for_timeout(2000)
        await page.click(".graphiql-execute-button")
        try:
            await page.wait_for_selector('.result-window:has-text("古槐街道")', timeout=45_000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    await shot(page, "graphiql")


async def test_live_acknowledgements(
    page: Any, live_url: str, gql: GraphQL, mini: Database
) -> None:
    # a new notice of the town: every grid branch of it is asked and none has acknowledged yet
    notice = data(
        await gql(
            "mutation($o: ID) { issueNotice(title: '关于参与防汛值守的紧急通知', urgency: URGENT, "
            "body: '请立即到岗。', orgId: $o) { id key } }".replace("'", '"'),
            {"o": gid("Organization", "RC-T01")},
            as_=TOWN,
        )
    )["issueNotice"]
    branch = data(
        await gql(
            "query($id: ID!) { noticeStatus(noticeId: $id, first: 1, filter: {state: [PENDING]}) "
            "{ organizations { nodes { organization { key } } } } }",
            {"id": notice["id"]},
            as_=TOWN,
        )
    )["noticeStatus"]["organizations"]["nodes"][0]["organization"]

    await sign_in(page, live_url, *TOWN, at="notices")
    await page.click(f'tr[data-notice-key="{notice["key"]}"] .open-notice')
    await page.wait_for_selector('[data-testid="acknowledged"]')
    before = _number(await page.text_content('[data-testid="acknowledged"]'))
    for _ in range(600):  # the page's subscription is registered before the cadre acts
        if acknowledgements.subscribers.get(notice["key"]):
            break
        await asyncio.sleep(0.1)
    state = await page.text_content("#live-state")
    assert acknowledgements.subscribers.get(notice["key"]), f"the page did not subscribe: {state}"
    ack = await gql(
        "mutation($id: ID!) { acknowledgeNotice(noticeId: $id) "
        "{ recorded organization { name } } }",
        {"id": notice["id"]},
        as_=("GRID_CADRE", branch["key"]),
    )
    name = data(ack)["acknowledgeNotice"]["organization"]["name"]
    await page.wait_for_selector(f'#live li:has-text("{name}")')
    await page.wait_for_function(
        "(n) => { const e = document.querySelector('[data-testid=acknowledged]');"
        " return e !== null && Number(e.textContent.replace(/,/g, '')) === n; }",
        arg=before + 1,
    )
    await shot(page, "notices")
