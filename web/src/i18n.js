// Chinese first; English labels on demand (the switch in the top bar, kept in localStorage).
const LANG_KEY = 'ym.lang';

const zh = {
  title: '青春矩阵', subtitle: '任城区网格团组织工作台',
  dashboard: '仪表盘', explorer: '关系探索', appeals: '诉求工作台', reports: '合作共建报告',
  notices: '通知签收', graphiql: 'GraphiQL 调试', signOut: '退出', language: 'English',
  signIn: '登录', pasteToken: '粘贴令牌（Bearer token）', useToken: '使用令牌登录',
  devSignIn: '开发登录（本地服务器）', role: '角色', org: '组织编号', orgSearch: '按名称查找组织',
  mint: '生成令牌并登录', signedInAs: '当前身份', loading: '加载中…', error: '出错',
  none: '无', year: '年度', month: '月份', refresh: '刷新',
  figures: '报告数字（overview）', coverage: '联建共建覆盖（按下级单位）',
  reach: '通知可达（3/10 分钟承诺）', visits: '9号议事日走访覆盖', openAppeals: '待处理诉求',
  unmatched: '超过 7 天无人承接的诉求', share: '覆盖率', covered: '已结对', branches: '网格团支部',
  urgent: '紧急（3 分钟）', general: '一般（10 分钟）', direct: '本级群直达', fallback: '经社区群转达',
  unreachable: '无法送达', withinPromise: '承诺时限内', late: '超时', held: '已开展',
  without: '未开展', total: '合计', search: '搜索', searchPlaceholder: '输入名称（组织、网格、团干部、社会组织…）',
  depth: '深度', labels: '节点类型', relTypes: '关系类型', all: '全部', draw: '绘制邻域',
  setFrom: '设为起点', setTo: '设为终点', from: '起点', to: '终点', findPaths: '查找最短路径',
  maxLength: '最大跳数', nodes: '节点', edges: '关系', truncated: '结果已截断',
  clickToExpand: '点击节点展开其一度邻域', name: '名称', key: '编号', type: '类型', distance: '距离',
  appealList: '诉求列表', status: '状态', category: '类别', urgency: '紧急程度', createdAt: '提出时间',
  raisedBy: '提出人', match: '匹配资源', candidates: '匹配候选', score: '得分', fit: '契合',
  nearness: '就近', linkage: '已链接', capacity: '承载', load: '负荷', overCapacity: '超负荷',
  refer: '转介', start: '开始办理', resolve: '办结', close: '关闭', reject: '驳回', reason: '理由',
  path: '匹配路径', selectAppeal: '选择一条诉求', actions: '操作', done: '已完成',
  period: '期间', report: '生成报告', csv: '下载 CSV', xlsx: '下载 XLSX', downloaded: '已下载',
  coBuilding: '联建共建', resourceLinkage: '资源链接', activities: '活动', brands: '项目品牌',
  appealsHandling: '诉求办理', funding: '资金', breakdown: '下级分布', topPartners: '主要合作伙伴',
  noticeList: '通知', subscribe: '实时签收', acknowledge: '签收', liveFeed: '实时签收动态',
  acknowledged: '已签收', onTime: '按时', pending: '未签收', overdue: '逾期', minutes: '分钟',
  listening: '正在接收实时签收…', organization: '组织', at: '时间', notAllowed: '当前角色无权操作',
};

const en = {
  title: 'Youth Matrix', subtitle: 'Rencheng grid league console',
  dashboard: 'Dashboard', explorer: 'Explorer', appeals: 'Appeal desk', reports: 'Partnership report',
  notices: 'Notices', graphiql: 'GraphiQL', signOut: 'Sign out', language: '中文',
  signIn: 'Sign in', pasteToken: 'Paste a bearer token', useToken: 'Sign in with token',
  devSignIn: 'Development sign-in (local server)', role: 'Role', org: 'Organisation id',
  orgSearch: 'Find an organisation by name', mint: 'Mint a token and sign in', signedInAs: 'Signed in as',
  loading: 'Loading…', error: 'Error', none: 'None', year: 'Year', month: 'Month', refresh: 'Refresh',
  figures: 'Figures (overview)', coverage: 'Co-building coverage by unit',
  reach: 'Reach (3/10-minute promises)', visits: '9th-day visit coverage', openAppeals: 'Open appeals',
  unmatched: 'Appeals nobody took for 7 days', share: 'Share', covered: 'Co-building', branches: 'Grid branches',
  urgent: 'Urgent (3 min)', general: 'General (10 min)', direct: 'Direct', fallback: 'Fallback',
  unreachable: 'Unreachable', withinPromise: 'Within promise', late: 'Late', held: 'Held',
  without: 'None held', total: 'Total', search: 'Search', searchPlaceholder: 'A name (organisation, grid, cadre, social organisation…)',
  depth: 'Depth', labels: 'Node types', relTypes: 'Relationship types', all: 'All', draw: 'Draw neighbourhood',
  setFrom: 'Set as start', setTo: 'Set as end', from: 'From', to: 'To', findPaths: 'Shortest paths',
  maxLength: 'Max hops', nodes: 'Nodes', edges: 'Edges', truncated: 'truncated',
  clickToExpand: 'Click a node to expand its neighbours', name: 'Name', key: 'Key', type: 'Type', distance: 'Distance',
  appealList: 'Appeals', status: 'Status', category: 'Category', urgency: 'Urgency', createdAt: 'Raised',
  raisedBy: 'Raised by', match: 'Match resources', candidates: 'Candidates', score: 'Score', fit: 'Fit',
  nearness: 'Nearness', linkage: 'Linkage', capacity: 'Capacity', load: 'Load', overCapacity: 'Over capacity',
  refer: 'Refer', start: 'Start', resolve: 'Resolve', close: 'Close', reject: 'Reject', reason: 'Reason',
  path: 'Explaining path', selectAppeal: 'Pick an appeal', actions: 'Actions', done: 'Done',
  period: 'Period', report: 'Run report', csv: 'Download CSV', xlsx: 'Download XLSX', downloaded: 'Downloaded',
  coBuilding: 'Co-building', resourceLinkage: 'Resource linkage', activities: 'Activities', brands: 'Brands',
  appealsHandling: 'Appeals', funding: 'Funding', breakdown: 'Breakdown', topPartners: 'Top partners',
  noticeList: 'Notices', subscribe: 'Live acknowledgements', acknowledge: 'Acknowledge', liveFeed: 'Live feed',
  acknowledged: 'Acknowledged', onTime: 'On time', pending: 'Pending', overdue: 'Overdue', minutes: 'min',
  listening: 'Listening for acknowledgements…', organization: 'Organisation', at: 'At', notAllowed: 'Not allowed for this role',
};

export const ROLE_LABELS = {
  zh: { DISTRICT_ADMIN: '区团委管理员', TOWN_ADMIN: '镇街网格团委', COMMUNITY_CADRE: '村社区网格团总支',
    GRID_CADRE: '网格团干部', SOCIAL_ORG: '社会组织', INSPECTOR: '联合督查组' },
  en: { DISTRICT_ADMIN: 'District admin', TOWN_ADMIN: 'Town committee', COMMUNITY_CADRE: 'Community branch',
    GRID_CADRE: 'Grid cadre', SOCIAL_ORG: 'Social organisation', INSPECTOR: 'Inspector' },
};

export let lang = localStorage.getItem(LANG_KEY) || 'zh';
export const t = (key) => (lang === 'en' ? en : zh)[key] ?? key;
export const roleLabel = (role) => ROLE_LABELS[lang][role] || role;
export function toggleLang() {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}
