/**
 * A real office suite opens the bulletin's Word document (issue 13): LibreOffice converts it to PDF
 * (`soffice --headless --convert-to pdf`), and the PDF has A4 pages, a plausible page count, the
 * title and the table figures. Its pages are rendered to PNG under test/.out/bulletin-docx/ to be
 * looked at: one page image per case (first page and an attachment page).
 *
 * Without LibreOffice (`apt-get install libreoffice-writer-nogui poppler-utils`, as .ci/run does)
 * the test is skipped and says why. One conversion of three documents: soffice takes seconds to start.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packBulletinDoc } from '../src/io/bulletin-doc.ts';
import { NO_BULLETIN_INPUTS, parseBulletinSettings } from '../src/lib/model/bulletin-settings.ts';
import { pct, yiNumber } from '../src/lib/model/format.ts';
import type { SiteModel } from '../src/lib/model/site-model.ts';
import { bulletinDocContent } from '../src/lib/outputs/bulletin-doc.ts';
import { sampleModel } from './helpers/sample-model.ts';

const OUT = join(import.meta.dirname, '.out', 'bulletin-docx');

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['soffice', 'pdfinfo', 'pdftotext', 'pdftoppm'].filter((c) => !has(c));
const skipReason = missing.length > 0 ? `LibreOffice/poppler not installed (${missing.join(', ')} missing): apt-get install libreoffice-writer-nogui poppler-utils` : null;
if (skipReason) console.warn(`test/bulletin-docx-office.test.ts skipped: ${skipReason}`);


interface Case { name: string; model: () => SiteModel; period: string; settings?: string }
let pub: SiteModel;
let internal: SiteModel;
const CASES: Case[] = [
  { name: 'public-issued-2026-09', model: () => pub, period: '2026-09', settings: '{ "抄送": ["市委办公室", "市政府办公室"] }' },
  { name: 'internal-draft-2026-10', model: () => internal, period: '2026-10' },
  { name: 'public-issued-2026-01', model: () => pub, period: '2026-01' },
];

const tmp = mkdtempSync(join(tmpdir(), 'tongbao-docx-office-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const pdfInfo = (pdf: string) => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
const pdfText = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(skipReason !== null)('LibreOffice opens the bulletin document', () => {
  beforeAll(async () => {
    [pub, internal] = [await sampleModel('public'), await sampleModel('internal')];
    for (const c of CASES) {
      const m = c.model();
      const p = m.periods.find((x) => x.period === c.period)!;
      const inputs = c.settings ? { ...NO_BULLETIN_INPUTS, settings: parseBulletinSettings(c.settings).settings } : NO_BULLETIN_INPUTS;
      writeFileSync(join(tmp, `${c.name}.docx`), await packBulletinDoc(bulletinDocContent(m, p, inputs)));
    }
    // Its own profile folder: a clerk's (or another test's) running LibreOffice must not take the job.
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(tmp, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, ...CASES.map((c) => join(tmp, `${c.name}.docx`))], { encoding: 'utf8', timeout: 240_000 });
    if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  }, 300_000);

  it('every document becomes a PDF of A4 pages, a plausible number of them', () => {
    for (const c of CASES) {
      const pdf = join(tmp, `${c.name}.pdf`);
      expect(existsSync(pdf), c.name).toBe(true);
      const info = pdfInfo(pdf);
      // A4 is 595.28 × 841.89 pt; a landscape attachment page is the same sheet turned.
      expect(info, c.name).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      // Text (3–5 pages of 14 units), 3 attachments of a page or two, the 版记 page.
      expect(pages, c.name).toBeGreaterThanOrEqual(6);
      expect(pages, c.name).toBeLessThanOrEqual(16);
    }
  });

  it('holds the title, the 文号 or 草稿, and the ranking figures', () => {
    for (const c of CASES) {
      const m = c.model();
      const p = m.periods.find((x) => x.period === c.period)!;
      const text = squash(pdfText(join(tmp, `${c.name}.pdf`)));
      expect(text, c.name).toContain(squash(p.draft.title));
      expect(text, c.name).toContain(p.issued ? p.issued.number! : '草稿（未签发）');
      for (const u of p.units.filter((x) => x.submitted && x.fundsTarget !== null)) {
        expect(text, `${c.name} ${u.name}`).toContain(squash(`${u.name}${yiNumber(u.fundsInPlace)}${yiNumber(u.fundsTarget)}${pct(u.fundsCompletion)}`));
      }
      expect(text, c.name).toContain(squash(p.draft.sections[0]!.paragraphs[0]!.slice(0, 30)));
    }
    expect(squash(pdfText(join(tmp, 'public-issued-2026-09.pdf')))).toContain('抄送：市委办公室，市政府办公室。');
  });

  it('the 22 × 28 layout holds: a body line carries 28 characters, a page 22 lines', () => {
    const lines = pdfText(join(tmp, 'internal-draft-2026-10.pdf')).split('\n').map((l) => l.trim());
    // The 下步工作要求 paragraphs are plain Chinese text: their full lines are 28 characters.
    const full = lines.filter((l) => /^[\u4e00-\u9fff，、。（）；：]{26,}$/.test(l));
    expect(full.length).toBeGreaterThan(0);
    for (const l of full) expect([...l].length, l).toBeLessThanOrEqual(28);
    expect(full.some((l) => [...l].length === 28)).toBe(true);
  });

  it('renders one page image per case for review (test/.out/bulletin-docx/)', () => {
    mkdirSync(OUT, { recursive: true });
    for (const c of CASES) {
      const pdf = join(tmp, `${c.name}.pdf`);
      const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(pdf))![1]);
      // The first page (版头, title, text) and the first attachment page (a ranking table).
      const attachment = pdfText(pdf).split('\f').findIndex((page) => /^\s*附件\s*1\s*$/m.test(page) && page.includes('排名表')) + 1;
      expect(attachment, c.name).toBeGreaterThan(1);
      for (const [page, label] of [[1, 'p1'], [attachment, 'attachment1'], [pages, 'last']] as const) {
        const base = join(tmp, `${c.name}-${label}`);
        execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, base]);
        renameSync(`${base}.png`, join(OUT, `${c.name}-${label}.png`));
      }
    }
    expect(readdirSync(OUT).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(CASES.length * 3);
  });
});

describe.skipIf(skipReason === null)('LibreOffice check', () => {
  it(`skipped: ${skipReason ?? ''}`, () => { expect(skipReason).not.toBeNull(); });
});
