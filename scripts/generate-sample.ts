/**
 * `npm run sample [-- --out DIR]`: regenerate the sample data folder (default `data/`) from the
 * deterministic model in scripts/sample/model.ts. Reruns give byte-identical files.
 */
import { resolve } from 'node:path';
import { writeSample } from './sample/write.ts';

function parseArgs(argv: string[]): { out: string } | null {
  let out = 'data';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' && argv[i + 1]) out = argv[++i] as string;
    else if (arg?.startsWith('--out=')) out = arg.slice('--out='.length);
    else return null;
  }
  return { out };
}

const args = parseArgs(process.argv.slice(2));
if (!args) {
  console.error('用法：npm run sample -- [--out 目录]');
  process.exit(2);
}
const dir = resolve(args.out);
writeSample(dir);
console.log(`示例数据已生成：${dir}`);
