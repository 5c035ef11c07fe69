/** Every file under `dir`, by its path relative to `dir` (sorted), with its bytes: to compare built sites. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files.set(name, readFileSync(path));
  }
  return files;
}
