/**
 * Copies the pages Astro stored in the last build (`<astroCache>/dist/`) into a new build's stage and
 * names each copied file with its modification time (src/io/site-build.ts seedOnWorker).
 *
 * Plain CommonJS on purpose: it runs as a worker thread started with no TypeScript loader (a worker
 * of a .ts module would boot the loader, or depend on how a tool transformed the source), and the
 * main thread requires the same file when it has to seed the pages itself.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { isMainThread, parentPort, workerData } = require('node:worker_threads');

/**
 * @param {string} astroCache the page store's folder
 * @param {string} stage the new build's output folder (created here)
 * @returns {[string, number][]} each seeded page ('/'-separated, relative to the stage) and its mtime
 */
function seed(astroCache, stage) {
  const stored = path.join(astroCache, 'dist');
  /** @type {[string, number][]} */
  const seeded = [];
  if (!fs.existsSync(stored)) return seeded;
  try {
    fs.cpSync(stored, stage, { recursive: true });
    for (const rel of fs.readdirSync(stage, { recursive: true, encoding: 'utf8' })) {
      const st = fs.statSync(path.join(stage, rel));
      if (st.isFile()) seeded.push([rel.split(path.sep).join('/'), st.mtimeMs]);
    }
    return seeded;
  } catch {
    // A store that cannot be copied whole (damaged, a dangling link, a locked file): seed nothing
    // and let Astro restore the pages itself. Only failing to empty the stage is an error.
    fs.rmSync(stage, { recursive: true, force: true });
    fs.mkdirSync(stage, { recursive: true });
    return [];
  }
}

if (!isMainThread && workerData && workerData.seedPages === true) {
  parentPort.postMessage(seed(workerData.astroCache, workerData.stage));
}

module.exports = { seed };
