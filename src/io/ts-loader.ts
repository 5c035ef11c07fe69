/**
 * How a reader process or worker thread started from one of our TypeScript modules runs it.
 * Node 22.18+ strips types itself (the project keeps to erasable syntax: tsconfig
 * `erasableSyntaxOnly`), which starts a process ~1 s sooner on this 2-core machine than tsx's
 * loader, whose hooks see every module Astro and SheetJS import. Older Nodes get tsx's loader.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export function typescriptExecArgv(moduleUrl: URL): string[] {
  if (!moduleUrl.pathname.endsWith('.ts')) return [];
  if ((process.features as { typescript?: string | false }).typescript) return [];
  return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}
