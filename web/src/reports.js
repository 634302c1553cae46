// The partnership report of the caller's subtree for a period, on screen and as CSV/XLSX (the
// existing download endpoints, fetched with the token).
import { download, globalId, gql } from './api.js';
import { bar } from './charts.js';
import { t } from './i18n.js';
import { $, esc, fmt, load, table } from './util.js';

const REPORT = `organization { key name } from to
  coBuilding { pairsActive pairsNew pairsEnded committees gridBranches }
  linkage { socialOrganizations socialOrganizationsNew socialWorkers }
  activities { activities participants youthServed jointActivities jointParticipants jointYouthServed }
  brands { brandLabel activities jointActivities participants youthServed }
  appeals { raised resolved open inProgress rejected referred medianResolutionHours }
  funding { amount funds bySource { sourceLabel amount funds } }
  breakdown { direct organization { key name } activities jointActivities youthServed appealsRaised appealsResolved funding }
  topPartners { kindLabel jointActivities appealsHandled gridBranches
    partner { ... on SocialOrganization { name } ... on Organization { name } } }`;

const figures = (pairs) => `<dl class="pairs">${pairs.map(([k, v, id]) => `<dt>${esc(k)}</dt><dd ${id ? `data-report="${id}"` : ''}>${fmt(v)}</dd>`).join('')}</dl>`;

export function renderReports(root, viewer) {
  const orgKey = viewer.role === 'SOCIAL_ORG' ? '' : viewer.organizationKey;
  root.innerHTML = `
    <div class="toolbar card">
      <label>${t('org')} <input id="report-org" value="${esc(orgKey)}" size="18" /></label>
      <label>${t('from')} <input id="report-from" type="date" value="2021-01-01" /></label>
      <label>${t('to')} <input id="report-to" type="date" value="2021-12-31" /></label>
      <button id="report-run" class="primary">${t('report')}</button>
      <button id="report-csv">${t('csv')}</button>
      <button id="report-xlsx">${t('xlsx')}</button>
      <span id="report-downloaded" class="muted"></span>
    </div>
    <div id="report"></div>`;
  const params = () => {
    const key = $('#report-org').value.trim();
    return { ...(key ? { orgId: globalId('Organization', key) } : {}), from: $('#report-from').value, to: $('#report-to').value };
  };
  const run = () => load($('#report'), async (box) => {
    const p = params();
    const data = await gql(`query($org: ID, $from: Date, $to: Date) { partnershipReport(orgId: $org, from: $from, to: $to, top: 10) { ${REPORT} } }`,
      { org: p.orgId || null, from: p.from, to: p.to });
    const r = data.partnershipReport;
    box.innerHTML = `
      <h2 data-testid="report-title">${esc(r.organization.name)} · ${esc(r.from)} — ${esc(r.to)}</h2>
      <div class="grid3">
        <section class="card"><h3>${t('coBuilding')}</h3>${figures([['在建结对 active', r.coBuilding.pairsActive, 'pairsActive'], ['新建 new', r.coBuilding.pairsNew, 'pairsNew'], ['解除 ended', r.coBuilding.pairsEnded], ['行业团工委 committees', r.coBuilding.committees], ['网格团支部 branches', r.coBuilding.gridBranches]])}</section>
        <section class="card"><h3>${t('resourceLinkage')}</h3>${figures([['社会组织 organisations', r.linkage.socialOrganizations, 'socialOrganizations'], ['新链接 new', r.linkage.socialOrganizationsNew], ['社会化工作者 workers', r.linkage.socialWorkers, 'socialWorkers']])}</section>
        <section class="card"><h3>${t('activities')}</h3>${figures([['活动 activities', r.activities.activities, 'activities'], ['参与人次 participants', r.activities.participants, 'participants'], ['服务青少年 youth served', r.activities.youthServed, 'youthServed'], ['联合活动 joint', r.activities.jointActivities, 'jointActivities']])}</section>
        <section class="card"><h3>${t('appealsHandling')}</h3>${figures([['提出 raised', r.appeals.raised, 'raised'], ['已解决 resolved', r.appeals.resolved, 'resolved'], ['待处理 open', r.appeals.open], ['办理中 in progress', r.appeals.inProgress], ['转介 referred', r.appeals.referred], ['用时中位数（小时）median hours', r.appeals.medianResolutionHours]])}</section>
        <section class="card"><h3>${t('funding')}</h3>${figures([['金额（元）yuan', r.funding.amount, 'funding'], ['笔数 funds', r.funding.funds]])}
          ${table(['来源 source', '元 yuan'], r.funding.bySource.map((s) => [esc(s.sourceLabel), fmt(s.amount)]))}</section>
        <section class="card"><h3>${t('brands')}</h3><div class="chart" id="brand-chart"></div></section>
      </div>
      <section class="card"><h3>${t('breakdown')}</h3>${table(['编号 key', '名称 name', '活动 activities', '联合 joint', '服务 served', '诉求 raised', '解决 resolved', '资金 funding'],
        r.breakdown.map((b) => [esc(b.organization.key), esc(b.direct ? `${b.organization.name}（本级）` : b.organization.name), fmt(b.activities), fmt(b.jointActivities), fmt(b.youthServed), fmt(b.appealsRaised), fmt(b.appealsResolved), fmt(b.funding)]))}</section>
      <section class="card"><h3>${t('topPartners')}</h3>${table(['名称 name', '类型 kind', '联合活动 joint', '承接诉求 appeals', '共建支部 branches'],
        r.topPartners.map((p) => [esc(p.partner?.name), esc(p.kindLabel), fmt(p.jointActivities), fmt(p.appealsHandled), fmt(p.gridBranches)]))}</section>`;
    bar($('#brand-chart'), r.brands.map((b) => b.brandLabel), [{ name: t('activities'), data: r.brands.map((b) => b.activities), itemStyle: { color: '#c62828' } }]);
  });
  const file = async (path) => {
    try {
      const name = await download(path, params());
      $('#report-downloaded').textContent = `${t('downloaded')}: ${name}`;
    } catch (error) {
      $('#report-downloaded').innerHTML = `<span class="error">${esc(error.message)}</span>`;
    }
  };
  $('#report-run').onclick = run;
  $('#report-csv').onclick = () => file('/reports/partnership.csv');
  $('#report-xlsx').onclick = () => file('/reports/partnership.xlsx');
  run();
}
