// The appeal desk: pick an appeal, rank its match candidates (matchResources) with their score
// parts, draw the path that explains a match, and move the appeal on (refer, start, resolve,
// close, reject) where the caller's role may; the API decides, the buttons only follow its rules.
import { gql } from './api.js';
import { createGraphView } from './graphview.js';
import { t } from './i18n.js';
import { $, $$, esc, fmt, load, table } from './util.js';

const WRITERS = ['DISTRICT_ADMIN', 'TOWN_ADMIN', 'COMMUNITY_CADRE', 'GRID_CADRE'];
// Which moves each state allows (README: OPEN → MATCHED → IN_PROGRESS → RESOLVED → CLOSED).
const MOVES = { OPEN: ['reject'], MATCHED: ['start', 'reject'], IN_PROGRESS: ['resolve', 'reject'], RESOLVED: ['close'] };
const MUTATION = { start: 'startAppeal', resolve: 'resolveAppeal', close: 'closeAppeal' };
const APPEAL = `id key title description status statusLabel categoryLabel urgencyLabel createdAt
  raisedBy { name grid { name } } referrals { nodes { ... on SocialOrganization { name } ... on Organization { name } } }`;
const PATH = 'nodes { id key label labelName name distance } edges { id type typeLabel source target } truncated';

const allowed = (role, move) =>
  WRITERS.includes(role) || (role === 'SOCIAL_ORG' && ['start', 'resolve'].includes(move));

export function renderAppeals(root, viewer) {
  root.innerHTML = `
    <div class="desk">
      <section class="card">
        <h2>${t('appealList')}</h2>
        <div class="toolbar">
          <input id="appeal-q" placeholder="${t('search')}" />
          <select id="appeal-status">
            <option value="OPEN">OPEN · 待处理</option><option value="MATCHED">MATCHED · 已匹配</option>
            <option value="IN_PROGRESS">IN_PROGRESS · 办理中</option><option value="RESOLVED">RESOLVED · 已解决</option>
            <option value="">${t('all')}</option>
          </select>
          <button id="appeal-find">${t('search')}</button>
        </div>
        <div id="appeal-list"></div>
      </section>
      <section class="card">
        <div id="appeal-detail"><p class="muted">${t('selectAppeal')}</p></div>
        <div id="candidates"></div>
        <h3>${t('path')}</h3>
        <div id="match-graph" class="graph small"></div>
      </section>
    </div>`;
  const view = createGraphView($('#match-graph'));

  const list = () => load($('#appeal-list'), async (box) => {
    const status = $('#appeal-status').value;
    const data = await gql(`query($s: String, $st: [AppealStatus!]) { appeals(first: 30, filter: {search: $s, status: $st}) {
      totalCount nodes { id key title statusLabel categoryLabel urgencyLabel createdAt } } }`,
    { s: $('#appeal-q').value.trim() || null, st: status ? [status] : null });
    const nodes = data.appeals.nodes;
    box.innerHTML = `<p class="muted">${t('total')} ${fmt(data.appeals.totalCount)}</p>` +
      table([t('key'), t('name'), t('status'), t('category'), t('urgency')],
        nodes.map((a) => [esc(a.key), `<a href="javascript:void 0" class="open-appeal">${esc(a.title)}</a>`, esc(a.statusLabel), esc(a.categoryLabel), esc(a.urgencyLabel)]),
        (i) => `data-appeal-key="${esc(nodes[i].key)}"`);
    $$('tr[data-appeal-key]', box).forEach((tr, i) => { $('.open-appeal', tr).onclick = () => open(nodes[i].id); });
  });

  const open = (id) => load($('#appeal-detail'), async (box) => {
    const data = await gql(`query($id: ID!) { node(id: $id) { ... on Appeal { ${APPEAL} } } }`, { id });
    const a = data.node;
    const moves = (MOVES[a.status] || []).filter((m) => allowed(viewer.role, m));
    box.innerHTML = `<h2 data-testid="appeal-title">${esc(a.title)} <small>${esc(a.key)}</small></h2>
      <p><span class="badge" data-testid="appeal-status" data-status="${esc(a.status)}">${esc(a.statusLabel)}</span>
        ${esc(a.categoryLabel)} · ${esc(a.urgencyLabel)} · ${esc(a.createdAt?.slice(0, 16).replace('T', ' '))}</p>
      <p>${esc(a.description || '')}</p>
      <p>${t('raisedBy')}: ${esc(a.raisedBy?.name)} · ${esc(a.raisedBy?.grid?.name)}</p>
      <p>${a.referrals.nodes.length ? `→ ${a.referrals.nodes.map((r) => esc(r.name)).join('、')}` : ''}</p>
      <div class="toolbar">
        <button id="match" class="primary">${t('match')}</button>
        ${moves.map((m) => `<button class="move" data-move="${m}">${t(m)}</button>`).join('')}
        ${moves.includes('reject') ? `<input id="reason" placeholder="${t('reason')}" />` : ''}
      </div>
      <p id="move-result"></p>`;
    $('#match').onclick = () => match(a);
    $$('.move', box).forEach((b) => { b.onclick = () => move(a, b.dataset.move); });
    $('#candidates').innerHTML = '';
    view.show({ nodes: [], edges: [] });
  });

  const move = async (a, what) => {
    try {
      if (what === 'reject') {
        await gql('mutation($id: ID!, $r: String!) { rejectAppeal(appealId: $id, reason: $r) { status } }', { id: a.id, r: $('#reason').value || '—' });
      } else {
        await gql(`mutation($id: ID!) { ${MUTATION[what]}(appealId: $id) { status } }`, { id: a.id });
      }
      await open(a.id);
      list();
    } catch (error) {
      $('#move-result').innerHTML = `<span class="error">${esc(error.message)}</span>`;
    }
  };

  const match = (a) => load($('#candidates'), async (box) => {
    const data = await gql(`query($id: ID!) { matchResources(appealId: $id, first: 10) { totalCount nodes {
      kind kindLabel score overCapacity load capacity components { fit nearness linkage capacity urgency }
      resource { id ... on SocialOrganization { key name } ... on SocialWorker { key name } ... on Position { key name } ... on ServiceProject { key name } }
      path { ${PATH} } } } }`, { id: a.id });
    const nodes = data.matchResources.nodes;
    const canRefer = a.status === 'OPEN' && WRITERS.includes(viewer.role);
    const c = (x) => x.toFixed(2);
    box.innerHTML = `<h3>${t('candidates')} (${fmt(data.matchResources.totalCount)})</h3>` + table(
      ['#', t('type'), t('name'), t('score'), t('fit'), t('nearness'), t('linkage'), t('capacity'), t('urgency'), t('load'), t('actions')],
      nodes.map((m, i) => [i + 1, esc(m.kindLabel), `<a href="javascript:void 0" class="show-path">${esc(m.resource.name)}</a>`,
        `<b data-score>${m.score.toFixed(3)}</b>${m.overCapacity ? ` <span class="badge warn">${t('overCapacity')}</span>` : ''}`,
        c(m.components.fit), c(m.components.nearness), c(m.components.linkage), c(m.components.capacity), c(m.components.urgency),
        `${fmt(m.load)} / ${fmt(m.capacity)}`,
        canRefer && m.kind === 'SOCIAL_ORGANIZATION' ? `<button class="refer">${t('refer')}</button>` : '']),
      (i) => `data-candidate-key="${esc(nodes[i].resource.key)}" data-kind="${nodes[i].kind}"`);
    $$('tr[data-candidate-key]', box).forEach((tr, i) => {
      $('.show-path', tr).onclick = () => view.show(nodes[i].path, { highlight: new Set([a.id, nodes[i].resource.id]) });
      const refer = $('.refer', tr);
      if (refer) refer.onclick = async () => {
        try {
          await gql('mutation($id: ID!, $to: ID!) { referAppeal(appealId: $id, toId: $to, note: "console") { status } }', { id: a.id, to: nodes[i].resource.id });
          await open(a.id);
          list();
        } catch (error) {
          $('#move-result').innerHTML = `<span class="error">${esc(error.message)}</span>`;
        }
      };
    });
    if (nodes.length) view.show(nodes[0].path, { highlight: new Set([a.id, nodes[0].resource.id]) });
  });

  $('#appeal-find').onclick = list;
  $('#appeal-q').onkeydown = (e) => { if (e.key === 'Enter') list(); };
  list();
  const key = new URLSearchParams(location.hash.split('?')[1] || '').get('key');
  if (key) open(btoa(`Appeal:${key}`));
  return () => view.destroy();
}
