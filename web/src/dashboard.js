// The dashboard of the caller's subtree: overview figures, co-building coverage by unit, reach
// against the 3/10-minute promises, 9th-day visit coverage of a month, open and unmatched appeals.
import { globalId, gql } from './api.js';
import { bar, pie } from './charts.js';
import { t } from './i18n.js';
import { $, esc, fmt, load, pct, table } from './util.js';

const FIGURES = [
  ['townCommittees', '镇街网格团委', 'Town committees'],
  ['communityBranches', '村社区网格团总支', 'Community branches'],
  ['gridBranches', '网格团支部', 'Grid branches'],
  ['cadres', '网格团干部', 'Cadres'],
  ['chatGroups', '微信塔群', 'Tower groups'],
  ['gridBranchesCoBuilding', '联建共建网格团支部', 'Branches co-building'],
  ['socialOrganizations', '社会组织', 'Social organisations'],
  ['socialWorkers', '社会化工作者', 'Social workers'],
  ['talentFestivalEvents', '青年人才节活动', 'Talent festival events'],
  ['talentFestivalApplicants', '人才节吸引报名', 'Festival applicants'],
  ['youthCreditActivities', '青少年信用+活动', 'Credit+ activities'],
  ['summerCareChildVisits', '七彩暑托班服务人次', 'Summer-care child-visits'],
  ['funding', '争取资金（元）', 'Funding (yuan)'],
  ['youthOnFile', '在册青少年', 'Youth on file'],
  ['youthInDifficulty', '困境青少年', 'Youth in difficulty'],
  ['appealsOpen', '待处理诉求', 'Open appeals'],
  ['appealsInProgress', '办理中诉求', 'Appeals in progress'],
  ['appealsResolved', '已解决诉求', 'Appeals resolved'],
];

export function renderDashboard(root, viewer) {
  const isOrg = viewer.role !== 'SOCIAL_ORG';
  const orgId = isOrg ? globalId('Organization', viewer.organizationKey) : null;
  root.innerHTML = `
    <div class="toolbar">
      <label>${t('year')} <input id="year" type="number" value="2021" min="2015" max="2030" /></label>
      <label>${t('month')} <input id="month" type="month" value="2021-06" /></label>
      <button id="refresh">${t('refresh')}</button>
    </div>
    <section class="card wide"><h2>${t('figures')} <small id="org-name"></small></h2><div id="figures"></div></section>
    <div class="grid2">
      <section class="card"><h2>${t('coverage')}</h2><div id="coverage"></div></section>
      <section class="card"><h2>${t('reach')}</h2><div id="reach"></div></section>
      <section class="card"><h2>${t('visits')}</h2><div id="visits"></div></section>
      <section class="card"><h2>${t('openAppeals')}</h2><div id="appeals"></div></section>
    </div>`;
  const en = document.documentElement.lang === 'en';

  const refresh = () => {
    const year = Number($('#year').value) || null;
    const month = $('#month').value;
    load($('#figures'), async (box) => {
      const fields = FIGURES.map((f) => f[0]).join(' ');
      const data = await gql(`query($org: ID, $year: Int) { overview(orgId: $org, year: $year) { ${fields} } }`, { org: orgId, year });
      box.innerHTML = `<div class="figures">${FIGURES.map(([k, zh, e]) =>
        `<div class="figure"><b data-fig="${k}">${fmt(data.overview[k])}</b><span>${en ? e : zh}</span></div>`).join('')}</div>
        <div class="chart" id="appeal-chart"></div>`;
      const o = data.overview;
      bar($('#appeal-chart'), en ? ['Open', 'In progress', 'Resolved'] : ['待处理', '办理中', '已解决'],
        [{ data: [o.appealsOpen, o.appealsInProgress, o.appealsResolved], itemStyle: { color: '#c62828' } }]);
    });
    load($('#coverage'), async (box) => {
      if (!isOrg) throw new Error(t('notAllowed'));
      const data = await gql(`query($org: ID!) { organization: node(id: $org) { ... on Organization { name } }
        coBuildingNetwork(orgId: $org) { gridBranches coBuilding share byUnit { key name gridBranches coBuilding share rank } } }`, { org: orgId });
      const n = data.coBuildingNetwork;
      $('#org-name').textContent = data.organization?.name || '';
      box.innerHTML = `<p class="kpi"><b data-testid="coverage-share">${pct(n.share)}</b> · ${t('covered')} <b data-testid="coverage-count">${fmt(n.coBuilding)}</b> / ${fmt(n.gridBranches)} ${t('branches')}</p>
        <div class="chart tall" id="coverage-chart"></div>`;
      const units = n.byUnit.slice(0, 20);
      bar($('#coverage-chart'), units.map((u) => u.name), [{ name: t('share'), data: units.map((u) => u.share), itemStyle: { color: '#2e7d32' } }], { horizontal: true, percent: true });
    });
    load($('#reach'), async (box) => {
      const q = `summary { units direct fallback unreachable withinPromise late maxMinutes }`;
      const data = await gql(`query($org: ID) { urgent: reach(urgency: URGENT, orgId: $org, first: 1) { promiseMinutes ${q} }
        general: reach(urgency: GENERAL, orgId: $org, first: 1) { promiseMinutes ${q} } }`, { org: orgId });
      const row = (name, r) => [name, `<span data-reach="${name === t('urgent') ? 'urgent' : 'general'}">${fmt(r.summary.withinPromise)}</span> / ${fmt(r.summary.units)}`,
        fmt(r.summary.direct), fmt(r.summary.fallback), fmt(r.summary.unreachable), fmt(r.summary.maxMinutes)];
      box.innerHTML = table([t('type'), t('withinPromise'), t('direct'), t('fallback'), t('unreachable'), 'max ' + t('minutes')],
        [row(t('urgent'), data.urgent), row(t('general'), data.general)]) + '<div class="chart" id="reach-chart"></div>';
      bar($('#reach-chart'), [t('urgent'), t('general')], [
        { name: t('withinPromise'), stack: 'r', data: [data.urgent.summary.withinPromise, data.general.summary.withinPromise], itemStyle: { color: '#2e7d32' } },
        { name: t('late'), stack: 'r', data: [data.urgent.summary.late, data.general.summary.late], itemStyle: { color: '#ef6c00' } },
      ]);
    });
    load($('#visits'), async (box) => {
      const data = await gql(`query($org: ID, $month: String!) { visitCoverage(month: $month, orgId: $org, first: 1) {
        month summary { branches held without shareHeld visits youth enterprises socialOrganizations appeals } } }`, { org: orgId, month });
      const s = data.visitCoverage.summary;
      box.innerHTML = `<p class="kpi">${esc(data.visitCoverage.month)} · <b data-testid="visits-share">${pct(s.shareHeld)}</b> · ${t('held')} ${fmt(s.held)} / ${fmt(s.branches)}</p>
        <div class="chart" id="visits-chart"></div>`;
      pie($('#visits-chart'), [{ name: t('held'), value: s.held, itemStyle: { color: '#1565c0' } }, { name: t('without'), value: s.without, itemStyle: { color: '#bdbdbd' } }]);
    });
    load($('#appeals'), async (box) => {
      const list = `totalCount nodes { key title categoryLabel urgencyLabel statusLabel createdAt }`;
      const data = await gql(`query($org: ID) { open: appeals(first: 8, filter: {under: $org, status: [OPEN]}) { ${list} }
        unmatched: unmatchedAppeals(orgId: $org, olderThanDays: 7, first: 8) { ${list} } }`, { org: orgId });
      const rows = (c) => c.nodes.map((a) => [esc(a.key), `<a href="#/appeals?key=${encodeURIComponent(a.key)}">${esc(a.title)}</a>`, esc(a.categoryLabel), esc(a.urgencyLabel), esc(a.createdAt?.slice(0, 10))]);
      const head = [t('key'), t('name'), t('category'), t('urgency'), t('createdAt')];
      box.innerHTML = `<p class="kpi">${t('openAppeals')} <b data-testid="open-count">${fmt(data.open.totalCount)}</b> · ${t('unmatched')} <b data-testid="unmatched-count">${fmt(data.unmatched.totalCount)}</b></p>
        ${table(head, rows(data.open))}<h3>${t('unmatched')}</h3>${table(head, rows(data.unmatched))}`;
    });
  };
  $('#refresh').onclick = refresh;
  refresh();
}
