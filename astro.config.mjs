// @ts-check
import { defineConfig } from 'astro/config';

// The CLI (scripts/build.ts) passes outDir and base as inline config; these are the defaults for
// a bare `astro build`. Directory URLs with trailing slashes give stable permalinks that work on
// any static server, including an intranet IIS or nginx without rewrite rules.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
});
