// The relationship explorer: find a node by name, draw its neighbourhood (depth 1–3, type
// filters) or the shortest paths between two nodes; click a node to add its neighbours. Every
// node and edge drawn is one the API returned for the caller (its scope, its masking).
import { gql } from './api.js';
import { createGraphView, colour } from './graphview.js';
import { t } from './i18n.js';
import { $, $$, esc, table } from './util.js';

const LISTS = [
  ['organizations', 'Organization'], ['grids', 'Grid'], ['cadres', 'Cadre'],
  ['socialOrganizations', 'SocialOrganization'], ['socialWorkers', 'SocialWorker'],
  ['positions', 'Position'], ['enterprises', 'Enterprise'], ['serviceProjects', 'ServiceProject'],
  ['appeals', 'Appeal'],
];
const NAME = { appeals: 'name: title' };
const LABELS = ['CENTER', 'TOWN_COMMITTEE', 'COMMUNITY_BRANCH', 'GRID_BRANCH', 'INDUSTRY_COMMITTEE', 'GRID',
  'CADRE', 'CHAT_GROUP', 'POSITION', 'SOCIAL_ORGANIZATION', 'SOCIAL_WORKER', 'YOUTH', 'APPEAL',
  'SERVICE_PROJECT', 'ACTIVITY', 'ENTERPRISE', 'VISIT', 'FUND', 'NOTICE'];
const LABEL_ZH = { CENTER: '青春格格服务中心', TOWN_COMMITTEE: '镇街网格团委', COMMUNITY_BRANCH: '村社区网格团总支',
  GRID_BRANCH: '网格团支部', INDUSTRY_COMMITTEE: '行业团工委', GRID: '网格', CADRE: '网格团干部', CHAT_GROUP: '微信塔群',
  POSITION: '阵地', SOCIAL_ORGANIZATION: '社会组织', SOCIAL_WORKER: '社会化工作者', YOUTH: '青少年', APPEAL: '诉求',
  SERVICE_PROJECT: '服务项目', ACTIVITY: '活动', ENTERPRISE: '企业', VISIT: '走访', FUND: '资金', NOTICE: '通知' };
const RELS = ['UNDER', 'WITHIN', 'SERVED_BY', 'CO_BUILDS', 'SERVES_IN', 'ATTENDED', 'OF', 'RELAYS_TO', 'ADMINISTERS',
  'INSTRUCTS', 'HOSTED_BY', 'LOCATED_IN', 'LINKED_WITH', 'MEMBER_OF', 'RESIDES_IN', 'RAISED_BY', 'COLLECTED_BY',
  'REFERRED_TO', 'RUN_BY', 'PART_OF', 'ORGANIZED_BY', 'HELD_AT', 'PARTNERED_WITH', 'BY', 'TO', 'PRODUCED',
  'ALLOCATED_TO', 'JOINED', 'GRANTED_TO', 'ISSUED_BY', 'ACKNOWLEDGED_BY', 'ADDRESSED_TO'];
const VIEW = 'truncated nodes { id key label labelName name distance } edges { id type typeLabel source target }';

export function renderExplorer(root) {
  const en = document.documentElement.lang === 'en';
  root.innerHTML = `
    <div class="explorer">
      <aside class="card">
        <label>${t('search')}<input id="q" placeholder="${t('searchPlaceholder')}" /></label>
        <button id="search" class="primary">${t('search')}</button>
        <ul id="results" class="results"></ul>
        <label>${t('depth')} <select id="depth"><option>1</option><option selected>2</option><option>3</option></select></label>
        <label>${t('labels')}<select id="labels" multiple size="6">${LABELS.map((l) => `<option value="${l}">${en ? l : LABEL_ZH[l]}</option>`).join('')}</select></label>
        <label>${t('relTypes')}<select id="rels" multiple size="6">${RELS.map((r) => `<option value="${r}">${r}</option>`).join('')}</select></label>
        <p class="muted">${t('all')}: ${en ? 'no selection' : '不选即全部'}</p>
        <button id="draw" class="primary" disabled>${t('draw')}</button>
        <hr/>
        <p>${t('from')}: <b id="from-name">—</b><br/>${t('to')}: <b id="to-name">—</b></p>
        <label>${t('maxLength')} <select id="max"><option>2</option><option>3</option><option selected>4</option><option>5</option><option>6</option></select></label>
        <button id="paths" disabled>${t('findPaths')}</button>
      </aside>
      <section class="card canvas-card">
        <p class="muted" id="status">${t('clickToExpand')}</p>
        <div id="explorer-graph" class="graph"></div>
        <div id="legend" class="legend"></div>
        <div id="node-table"></div>
      </section>
    </div>`;
  const state = { center: null, from: null, to: null };
  const view = createGraphView($('#explorer-graph'), { onNodeClick: (node) => expand(node) });
  const selected = (id) => $$(`#${id} option:checked`).map((o) => o.value);
  const filters = () => ({ labels: selected('labels').length ? selected('labels') : null,
    relationshipTypes: selected('rels').length ? selected('rels') : null });

  const showTable = (records, truncated) => {
    $('#status').textContent = `${t('nodes')} ${records.length}${truncated ? ` · ${t('truncated')}` : ''} · ${t('clickToExpand')}`;
    const labels = [...new Map(records.map((n) => [n.label, n.labelName])).entries()];
    $('#legend').innerHTML = labels.map(([l, name]) => `<span><i style="background:${colour(l)}"></i>${esc(name)}</span>`).join('');
    $('#node-table').innerHTML = table([t('type'), t('name'), t('key'), t('distance')],
      records.map((n) => [esc(n.labelName), esc(n.name), esc(n.key), n.distance]),
      (i) => `data-node-id="${esc(records[i].id)}" data-node-key="${esc(records[i].key)}" data-node-label="${esc(records[i].label)}"`);
  };

  const neighbourhood = async (id, depth, merge) => {
    $('#status').textContent = t('loading');
    try {
      const data = await gql(`query($id: ID!, $depth: Int!, $labels: [NodeLabel!], $rels: [RelationshipType!]) {
        neighborhood(id: $id, depth: $depth, labels: $labels, relationshipTypes: $rels, limit: 150) { ${VIEW} } }`,
      { id, depth, labels: filters().labels, rels: filters().relationshipTypes });
      const records = await view.show(data.neighborhood, { merge, highlight: new Set([id]) });
      showTable(records, data.neighborhood.truncated);
    } catch (error) {
      $('#status').innerHTML = `<span class="error">${esc(error.message)}</span>`;
    }
  };
  const expand = (node) => neighbourhood(node.id, 1, true);

  const search = async () => {
    const q = $('#q').value.trim();
    if (!q) return;
    $('#results').innerHTML = `<li class="muted">${t('loading')}</li>`;
    try {
      const data = await gql(`query($q: String) { ${LISTS.map(([list]) =>
        `${list}(first: 8, filter: {search: $q}) { nodes { id key ${NAME[list] || 'name'} } }`).join(' ')} }`, { q });
      const hits = LISTS.flatMap(([list, label]) => data[list].nodes.map((n) => ({ ...n, label })));
      $('#results').innerHTML = hits.length ? hits.map((n, i) => `<li data-hit="${i}" data-key="${esc(n.key)}">
        <i style="background:${colour(n.label)}"></i><a href="javascript:void 0" class="pick">${esc(n.name)}</a> <small>${esc(n.key)}</small>
        <button class="mini set-from">${t('from')}</button><button class="mini set-to">${t('to')}</button></li>`).join('')
        : `<li class="muted">${t('none')}</li>`;
      $$('#results li[data-hit]').forEach((li) => {
        const hit = hits[Number(li.dataset.hit)];
        $('.pick', li).onclick = () => { state.center = hit; $$('#results li').forEach((x) => x.classList.remove('chosen')); li.classList.add('chosen'); $('#draw').disabled = false; neighbourhood(hit.id, Number($('#depth').value), false); };
        $('.set-from', li).onclick = () => { state.from = hit; $('#from-name').textContent = hit.name; $('#paths').disabled = !(state.from && state.to); };
        $('.set-to', li).onclick = () => { state.to = hit; $('#to-name').textContent = hit.name; $('#paths').disabled = !(state.from && state.to); };
      });
    } catch (error) {
      $('#results').innerHTML = `<li class="error">${esc(error.message)}</li>`;
    }
  };
  $('#search').onclick = search;
  $('#q').onkeydown = (e) => { if (e.key === 'Enter') search(); };
  $('#draw').onclick = () => state.center && neighbourhood(state.center.id, Number($('#depth').value), false);
  $('#paths').onclick = async () => {
    $('#status').textContent = t('loading');
    try {
      const data = await gql(`query($a: ID!, $b: ID!, $max: Int!, $rels: [RelationshipType!]) {
        paths(fromId: $a, toId: $b, maxLength: $max, relationshipTypes: $rels, limit: 10) { ${VIEW} paths { length nodeIds } } }`,
      { a: state.from.id, b: state.to.id, max: Number($('#max').value), rels: filters().relationshipTypes });
      const records = await view.show(data.paths, { highlight: new Set([state.from.id, state.to.id]) });
      showTable(records, data.paths.truncated);
      $('#status').textContent += ` · ${data.paths.paths.length} paths`;
    } catch (error) {
      $('#status').innerHTML = `<span class="error">${esc(error.message)}</span>`;
    }
  };
  return () => view.destroy();
}
