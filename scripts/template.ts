/**
 * `npm run template [-- --data DIR --out DIR]`: one blank return workbook per unit of the registry.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataFolder } from '../src/io/data-folder.ts';
import { templateFileName, unitTemplate } from '../src/lib/outputs/template.ts';

const USAGE = `用法：npm run template -- [--data 数据目录] [--out 输出目录]
  为单位名册中的每个单位生成一份空白台账模板（含填报说明和下拉选项），默认输出到 templates/`;

function main(): number {
  let values;
  try {
    values = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }).values;
  } catch (e) {
    process.stderr.write(`参数错误：${e instanceof Error ? e.message : String(e)}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) { process.stdout.write(`${USAGE}\n`); return 0; }
  const folder = loadDataFolder(resolve(values.data ?? 'data'));
  if (folder.units.length === 0) {
    process.stderr.write(`无法生成模板：${folder.fatal ?? '单位名册中没有单位'}\n`);
    return 1;
  }
  for (const line of folder.notices) process.stdout.write(`${line}\n`);
  const out = resolve(values.out ?? 'templates');
  mkdirSync(out, { recursive: true });
  for (const unit of folder.units) {
    const file = join(out, templateFileName(unit));
    writeFileSync(file, unitTemplate(unit, { config: folder.config, chains: folder.chains }));
    process.stdout.write(`${unit.code} ${unit.name} → ${relative(process.cwd(), file)}\n`);
  }
  process.stdout.write(`完成：生成模板 ${folder.units.length} 份。\n`);
  return 0;
}

process.exit(main());
