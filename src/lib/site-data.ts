/**
 * The model as the pages see it. The CLI writes it to a JSON file and passes the path in
 * TONGBAO_MODEL; a bare `astro build` (without the CLI) builds the model from data/ itself.
 */
import { readFileSync } from 'node:fs';
import type { SiteModel, PeriodModel } from './model.ts';

let cached: SiteModel | null = null;

export function site(): SiteModel {
  if (cached) return cached;
  const file = process.env['TONGBAO_MODEL'];
  if (!file) throw new Error('请用 npm run build 生成网站（页面需要由构建脚本准备的数据）');
  cached = JSON.parse(readFileSync(file, 'utf8')) as SiteModel;
  return cached;
}

export function periodModel(period: string): PeriodModel {
  const p = site().periods.find((x) => x.period === period);
  if (!p) throw new Error(`unknown period: ${period}`);
  return p;
}

export function latestPeriod(): PeriodModel {
  const periods = site().periods;
  return periods[periods.length - 1]!;
}
