// Draws a GraphView of the API ({nodes {id key label labelName name distance}, edges {id type
// typeLabel source target}}) with AntV G6 v5: one colour per label, Chinese names and types.
import { Graph } from '@antv/g6';

export const LABEL_COLOURS = {
  Center: '#b71c1c', TownCommittee: '#d84315', CommunityBranch: '#ef6c00', GridBranch: '#f9a825',
  IndustryCommittee: '#6a1b9a', Grid: '#558b2f', Cadre: '#1565c0', Training: '#5c6bc0',
  ChatGroup: '#00838f', Position: '#8d6e63', SocialOrganization: '#2e7d32', SocialWorker: '#66bb6a',
  Youth: '#ec407a', Appeal: '#c2185b', ServiceProject: '#7b1fa2', Activity: '#ab47bc',
  Enterprise: '#455a64', Visit: '#78909c', Fund: '#ffb300', Campaign: '#26a69a', Assessment: '#9e9d24',
  Award: '#ffd54f', Notice: '#e53935',
};
export const colour = (label) => LABEL_COLOURS[label] || '#9e9e9e';

const toG6 = (view, highlight = new Set()) => ({
  nodes: view.nodes.map((n) => ({ id: n.id, data: { ...n, highlight: highlight.has(n.id) } })),
  edges: view.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, data: { ...e } })),
});

/** A G6 graph in `container`; `onNodeClick(node)` gets the API's node record. */
export function createGraphView(container, { onNodeClick } = {}) {
  const graph = new Graph({
    container,
    autoResize: true,
    animation: false,
    data: { nodes: [], edges: [] },
    node: {
      type: 'circle',
      style: {
        size: (d) => (d.data.distance === 0 || d.data.highlight ? 30 : 20),
        fill: (d) => colour(d.data.label),
        stroke: (d) => (d.data.highlight ? '#000' : '#fff'),
        lineWidth: (d) => (d.data.highlight ? 3 : 1),
        labelText: (d) => d.data.name,
        labelFontSize: 11,
        labelPlacement: 'bottom',
        labelMaxWidth: 140,
        labelWordWrap: true,
        labelMaxLines: 2,
      },
    },
    edge: {
      type: 'line',
      style: {
        endArrow: true,
        stroke: '#90a4ae',
        labelText: (d) => d.data.typeLabel || d.data.type,
        labelFontSize: 9,
        labelFill: '#607d8b',
        labelBackground: true,
        labelBackgroundFill: '#fff',
      },
    },
    layout: { type: 'd3-force', link: { distance: 90 }, collide: { radius: 40, strength: 0.8 }, manyBody: { strength: -200 } },
    behaviors: ['drag-canvas', 'zoom-canvas', 'drag-element'],
  });
  const records = new Map();
  graph.on('node:click', (event) => {
    const record = records.get(event.target.id);
    if (record && onNodeClick) onNodeClick(record);
  });
  window.ymGraphs = window.ymGraphs || {};
  window.ymGraphs[container.id] = graph; // the browser tests read what is drawn
  return {
    graph,
    /** Replaces the drawing with a view (or merges it into what is drawn, for expansion). */
    async show(view, { merge = false, highlight } = {}) {
      if (!merge) records.clear();
      view.nodes.forEach((n) => records.set(n.id, n));
      const current = merge ? graph.getData() : { nodes: [], edges: [] };
      const next = toG6(view, highlight);
      const nodeIds = new Set(current.nodes.map((n) => n.id));
      const edgeIds = new Set(current.edges.map((e) => e.id));
      graph.setData({
        nodes: [...current.nodes, ...next.nodes.filter((n) => !nodeIds.has(n.id))],
        edges: [...current.edges, ...next.edges.filter((e) => !edgeIds.has(e.id))],
      });
      await graph.render();
      return [...records.values()];
    },
    records: () => [...records.values()],
    destroy: () => graph.destroy(),
  };
}
