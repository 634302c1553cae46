// The console: sign-in, then the dashboard, explorer, appeal desk, reports and notices of the
// caller's subtree, each page a hash route (#/dashboard …).
import { consoleConfig, devToken, gql, loadToken, saveToken } from './api.js';
import { renderAppeals } from './appeals.js';
import { renderDashboard } from './dashboard.js';
import { renderExplorer } from './explorer.js';
import { lang, roleLabel, t, toggleLang } from './i18n.js';
import { renderNotices } from './notices.js';
import { renderReports } from './reports.js';
import './style.css';
import { $, esc } from './util.js';

const PAGES = {
  dashboard: renderDashboard,
  explorer: renderExplorer,
  appeals: renderAppeals,
  reports: renderReports,
  notices: renderNotices,
};
const ROLES = ['DISTRICT_ADMIN', 'TOWN_ADMIN', 'COMMUNITY_CADRE', 'GRID_CADRE', 'SOCIAL_ORG', 'INSPECTOR'];

const app = document.getElementById('app');
let config = { dev: false, graphiql: false };
let viewer = null; // { account, role, organizationKey }
let cleanup = () => {};

async function fetchViewer() {
  if (!loadToken()) return null;
  try {
    return (await gql('{ viewer { account role organizationKey } }')).viewer;
  } catch {
    return null;
  }
}

function signInPage(message = '') {
  app.innerHTML = `
    <header class="top"><h1>${t('title')} <small>${t('subtitle')}</small></h1>
      <button id="lang">${t('language')}</button></header>
    <main class="signin">
      ${message ? `<p class="error">${esc(message)}</p>` : ''}
      <section class="card">
        <h2>${t('signIn')}</h2>
        <label>${t('pasteToken')}<textarea id="token" rows="4" spellcheck="false"></textarea></label>
        <button id="use-token" class="primary">${t('useToken')}</button>
      </section>
      ${config.dev ? `<section class="card" id="dev">
        <h2>${t('devSignIn')}</h2>
        <label>${t('role')}<select id="dev-role">${ROLES.map((r) => `<option value="${r}">${roleLabel(r)} (${r})</option>`).join('')}</select></label>
        <label>${t('orgSearch')}<input id="dev-search" placeholder="古槐" /></label>
        <select id="dev-found" size="5" class="found"></select>
        <label>${t('org')}<input id="dev-org" value="RC" /></label>
        <button id="dev-mint" class="primary">${t('mint')}</button>
      </section>` : ''}
    </main>`;
  $('#lang').onclick = () => { toggleLang(); signInPage(); };
  $('#use-token').onclick = () => signInWith($('#token').value.trim());
  if (!config.dev) return;
  const role = $('#dev-role');
  role.value = 'TOWN_ADMIN';
  $('#dev-org').value = 'RC-T01';
  let timer;
  $('#dev-search').oninput = (e) => {
    clearTimeout(timer);
    timer = setTimeout(() => findOrganizations(e.target.value.trim()), 300);
  };
  $('#dev-found').onchange = (e) => { $('#dev-org').value = e.target.value; };
  $('#dev-mint').onclick = async () => {
    try {
      signInWith(await devToken(role.value, $('#dev-org').value.trim()));
    } catch (error) {
      signInPage(error.message);
    }
  };
}

// The picker lists organisations through the API as the district (dev only: anyone may mint).
async function findOrganizations(search) {
  if (!search) return;
  const saved = loadToken();
  try {
    saveToken(await devToken('DISTRICT_ADMIN', 'RC'));
    const data = await gql(
      `query($s: String) { organizations(first: 30, filter: {search: $s}) { nodes { key name kindLabel } }
         socialOrganizations(first: 10, filter: {search: $s}) { nodes { key name } } }`,
      { s: search },
    );
    const options = [
      ...data.organizations.nodes.map((o) => [o.key, `${o.name} · ${o.kindLabel} · ${o.key}`]),
      ...data.socialOrganizations.nodes.map((o) => [o.key, `${o.name} · 社会组织 · ${o.key}`]),
    ];
    $('#dev-found').innerHTML = options.map(([k, l]) => `<option value="${esc(k)}">${esc(l)}</option>`).join('');
  } finally {
    saveToken(saved);
  }
}

async function signInWith(token) {
  saveToken(token);
  viewer = await fetchViewer();
  if (!viewer) {
    saveToken('');
    signInPage(lang === 'zh' ? '令牌无效或已过期' : 'The token is not valid or has expired');
    return;
  }
  if (!location.hash || location.hash === '#/') location.hash = '#/dashboard';
  route();
}

function shell(page) {
  app.innerHTML = `
    <header class="top">
      <h1>${t('title')} <small>${t('subtitle')}</small></h1>
      <nav>${Object.keys(PAGES).map((p) => `<a href="#/${p}" data-page="${p}" class="${p === page ? 'active' : ''}">${t(p)}</a>`).join('')}
        ${config.graphiql ? `<a href="/graphiql" target="_blank">${t('graphiql')}</a>` : ''}</nav>
      <span class="who" data-testid="viewer">${t('signedInAs')}: ${esc(roleLabel(viewer.role))} · ${esc(viewer.organizationKey)} · ${esc(viewer.account)}</span>
      <button id="lang">${t('language')}</button>
      <button id="sign-out">${t('signOut')}</button>
    </header>
    <main id="page" data-page="${page}"></main>`;
  $('#lang').onclick = () => { toggleLang(); route(); };
  $('#sign-out').onclick = () => { saveToken(''); viewer = null; location.hash = ''; signInPage(); };
}

function route() {
  cleanup();
  cleanup = () => {};
  if (!viewer) return signInPage();
  const page = (location.hash.replace(/^#\//, '').split('?')[0] || 'dashboard');
  const render = PAGES[page] || renderDashboard;
  shell(PAGES[page] ? page : 'dashboard');
  const done = render($('#page'), viewer);
  if (typeof done === 'function') cleanup = done;
}

window.addEventListener('hashchange', route);
(async () => {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  config = await consoleConfig();
  viewer = await fetchViewer();
  route();
})();
