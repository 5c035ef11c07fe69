/**
 * `npm ci` (the README's install command) refuses a lock file that misses any optional dependency,
 * including other platforms' native bindings (Astro's compiler ships one package per OS and CPU).
 * A lock written on one machine by an older npm can miss them; this test fails before a fresh
 * clone's `npm ci` would.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockPackage { optionalDependencies?: Record<string, string>; version?: string }
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as { lockfileVersion: number; packages: Record<string, LockPackage> };

describe('package-lock.json', () => {
  it('lists every optional dependency of every locked package (npm ci needs them all)', () => {
    const missing: string[] = [];
    for (const [path, pkg] of Object.entries(lock.packages)) {
      for (const name of Object.keys(pkg.optionalDependencies ?? {})) {
        // npm resolves from the package's own node_modules upwards, as Node does.
        const parts = path ? path.split('/node_modules/') : [];
        let found = false;
        for (let i = parts.length; i >= 0 && !found; i--) {
          const prefix = parts.slice(0, i).join('/node_modules/');
          found = `${prefix ? `${prefix}/` : ''}node_modules/${name}` in lock.packages;
        }
        if (!found) missing.push(`${name} (of ${path || 'the project'})`);
      }
    }
    expect(missing).toEqual([]);
  });
  it('is a version 3 lock whose root matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(lock.lockfileVersion).toBe(3);
    const root = lock.packages[''] as LockPackage & { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
  });
});
