// ECharts, only the parts the dashboard and report use (tree-shaken by Vite).
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

const charts = new Set();
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

export function chart(container, option) {
  const instance = echarts.init(container, null, { renderer: 'canvas' });
  instance.setOption({ animation: false, tooltip: {}, ...option });
  charts.add(instance);
  return instance;
}

export function bar(container, categories, series, { horizontal = false, percent = false } = {}) {
  const valueAxis = { type: 'value', ...(percent ? { max: 1, axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` } } : {}) };
  const categoryAxis = { type: 'category', data: categories, axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 } };
  return chart(container, {
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: horizontal ? 110 : 50, right: 20, top: 30, bottom: horizontal ? 30 : 70 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: series.map((s) => ({ type: 'bar', ...s })),
  });
}

export function pie(container, items, title) {
  return chart(container, {
    title: title ? { text: title, left: 'center', textStyle: { fontSize: 13 } } : undefined,
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: items, label: { formatter: '{b}: {c}' } }],
  });
}
