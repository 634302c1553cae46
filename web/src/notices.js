// Notices and their acknowledgements: the status from noticeStatus, then the live feed of the
// noticeAcknowledged subscription (graphql-transport-ws); a grid cadre can acknowledge here.
import { gql, subscribe } from './api.js';
import { t } from './i18n.js';
import { $, $$, esc, fmt, load, pct, table } from './util.js';

export function renderNotices(root, viewer) {
  root.innerHTML = `
    <div class="desk">
      <section class="card"><h2>${t('noticeList')}</h2><div id="notice-list"></div></section>
      <section class="card"><div id="notice-status"><p class="muted">—</p></div>
        <h3>${t('liveFeed')}</h3><p id="live-state" class="muted"></p><ul id="live" class="feed"></ul></section>
    </div>`;
  let stop = () => {};
  load($('#notice-list'), async (box) => {
    const data = await gql('{ notices(first: 30) { nodes { id key title urgencyLabel issuedAt issuedBy { name } } } }');
    const nodes = data.notices.nodes;
    box.innerHTML = table([t('key'), t('name'), t('urgency'), t('at')],
      nodes.map((n) => [esc(n.key), `<a href="javascript:void 0" class="open-notice">${esc(n.title)}</a>`, esc(n.urgencyLabel), esc(n.issuedAt?.slice(0, 16).replace('T', ' '))]),
      (i) => `data-notice-key="${esc(nodes[i].key)}"`);
    $$('tr[data-notice-key]', box).forEach((tr, i) => { $('.open-notice', tr).onclick = () => open(nodes[i]); });
  });

  const status = (notice) => load($('#notice-status'), async (box) => {
    const data = await gql(`query($id: ID!) { noticeStatus(noticeId: $id, first: 15, filter: {state: [PENDING, LATE]}) { deadline
      summary { addressees acknowledged onTime late pending overdue shareOnTime medianMinutes }
      organizations { nodes { organization { name } stateLabel at minutes } } } }`, { id: notice.id });
    const s = data.noticeStatus.summary;
    box.innerHTML = `<h2>${esc(notice.title)}</h2>
      <p class="kpi">${t('acknowledged')} <b data-testid="acknowledged">${fmt(s.acknowledged)}</b> / ${fmt(s.addressees)} ·
        ${t('onTime')} ${fmt(s.onTime)} (${pct(s.shareOnTime)}) · ${t('late')} ${fmt(s.late)} · ${t('pending')} ${fmt(s.pending)} · ${t('overdue')} ${fmt(s.overdue)}</p>
      ${viewer.role === 'GRID_CADRE' ? `<button id="ack" class="primary">${t('acknowledge')}</button>` : ''}
      ${table([t('organization'), t('status'), t('at'), t('minutes')], data.noticeStatus.organizations.nodes.map((o) =>
        [esc(o.organization.name), esc(o.stateLabel), esc(o.at?.slice(0, 16).replace('T', ' ')), fmt(o.minutes)]))}`;
    const ack = $('#ack');
    if (ack) ack.onclick = async () => {
      try {
        await gql('mutation($id: ID!) { acknowledgeNotice(noticeId: $id) { recorded } }', { id: notice.id });
        status(notice);
      } catch (error) {
        ack.insertAdjacentHTML('afterend', `<span class="error">${esc(error.message)}</span>`);
      }
    };
  });

  const open = (notice) => {
    stop();
    $('#live').innerHTML = '';
    status(notice);
    $('#live-state').textContent = t('listening');
    stop = subscribe(`subscription($id: ID!) { noticeAcknowledged(noticeId: $id) { organization { name } at minutes late recorded } }`,
      { id: notice.id },
      (data) => {
        const a = data.noticeAcknowledged;
        $('#live').insertAdjacentHTML('afterbegin', `<li class="${a.late ? 'late' : ''}"><b>${esc(a.organization.name)}</b>
          ${esc(a.at?.slice(11, 19))} · ${fmt(a.minutes)} ${t('minutes')} ${a.late ? `· ${t('late')}` : ''}</li>`);
        status(notice);
      },
      (error) => { $('#live-state').innerHTML = `<span class="error">${esc(error.message)}</span>`; });
  };
  return () => stop();
}
