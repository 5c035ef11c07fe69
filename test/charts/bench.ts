/**
 * Micro benchmark of the build-time charts: `npx tsx test/charts/bench.ts [rounds]`.
 * Calls each chart function on the inputs a 12-month page of a 40-unit group gives it and prints
 * ms per call (median of 5 rounds, after a warm-up). Not a test: vitest only runs *.test.ts.
 */
import { loadavg } from 'node:os';
import { breakdownChart } from '../../src/lib/charts/breakdown.ts';
import { completionChart, type CompletionRow } from '../../src/lib/charts/completion.ts';
import { lineChart, type LineSeries } from '../../src/lib/charts/lines.ts';
import { qrSvg } from '../../src/lib/charts/qr.ts';
import { rankChart } from '../../src/lib/charts/rank.ts';
import { percent, yi } from '../../src/lib/model/format.ts';
import type { Light } from '../../src/lib/model/types.ts';

const n = Number(process.argv[2] ?? 1000);
const months = Array.from({ length: 12 }, (_, i) => i + 1);
const lights: Light[] = ['green', 'yellow', 'red'];
const group: CompletionRow[] = Array.from({ length: 40 }, (_, i) => ({
  code: `U${String(i).padStart(3, '0')}`, name: `示例${i % 3 === 0 ? '经济技术开发区' : '县'}${i}`, group: '县区',
  completion: i === 7 ? null : 1.2 - i * 0.025, light: i === 7 ? null : lights[i % 3]!, lightLabel: i === 7 ? '未报送' : ['绿灯', '黄灯', '红灯'][i % 3]!,
  highlight: i === 20,
}));
const progress: LineSeries[] = [
  { name: '示例县20', style: 'main', points: months.map((m) => ({ month: m, value: m === 3 ? null : m * 7.3 })) },
  { name: '县区整体', style: 'compare', points: months.map((m) => ({ month: m, value: m * 8.1 })) },
  { name: '序时进度', style: 'reference', points: [{ month: 1, value: 100 / 12 }, { month: 12, value: 100 }] },
];
const trend: LineSeries[] = [
  { name: '2026年', style: 'main', points: months.map((m) => ({ month: m, value: m * 9.4 })) },
  { name: '2025年', style: 'compare', points: months.map((m) => ({ month: m, value: m * 8.2 })) },
  { name: '序时目标', style: 'reference', points: [{ month: 1, value: 10 }, { month: 12, value: 120 }] },
];
const ranks = months.map((m) => ({ month: m, rank: m === 5 ? null : 1 + ((m * 7) % 40) }));
const industry = ['先进制造', '现代服务', '数字经济', '新能源', '生物医药', '现代农业', '文旅', '其他'].map((key, i) => ({ key, projects: 30 - i * 3, contractAmount: 1, fundsInPlace: 900000 - i * 90000 }));

const cases: [string, () => string][] = [
  ['lineChart (unit progress, 3 series × 12 months)', () => lineChart(progress, { id: 'ch-progress', label: '完成率', unit: '完成率（%）', format: (v) => percent(v) })],
  ['lineChart (bulletin trend)', () => lineChart(trend, { id: 'ch-trend', label: '趋势', unit: '亿元', format: (v) => yi(v * 1e4) })],
  ['rankChart (12 months, group of 40)', () => rankChart(ranks, { id: 'ch-rank', label: '排名', groupSize: 40, months: 12 })],
  ['completionChart (unit page window, 11 rows)', () => completionChart(group.slice(15, 26), { id: 'ch-group', label: '完成率', timeProgress: 0.75, groupHeadings: false })],
  ['completionChart (bulletin, 40 rows)', () => completionChart(group, { id: 'ch-completion', label: '完成率', timeProgress: 0.75 })],
  ['breakdownChart (8 entries)', () => breakdownChart(industry, { id: 'ch-industry', label: '按产业' })],
  ['qrSvg (unit page URL)', () => qrSvg('https://zsj.example.gov.cn/tongbao/2026-04/units/U020/', { label: '本页二维码', size: 96 })],
];

console.log(`${n} calls per round, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const [name, f] of cases) {
  for (let i = 0; i < Math.min(n, 100); i++) f();
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) f();
    rounds.push((performance.now() - t) / n);
  }
  rounds.sort((a, b) => a - b);
  console.log(`${name.padEnd(48)} ${rounds[2]!.toFixed(3)} ms  (${f().length} bytes)`);
}
