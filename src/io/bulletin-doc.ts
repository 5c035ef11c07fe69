/**
 * The file end of the bulletin as a Word document (src/lib/outputs/bulletin-doc.ts builds it):
 * reads the office's settings from the data folder and packs a document to bytes.
 *
 * Data folder files (all optional, docs/bulletin-docx.md):
 * - `bulletin.json`             主送机关, 抄送, 印发机关, 署名, 发文机关标志
 * - `下步工作要求.txt`           the 下步工作要求 paragraphs of every period, one per line
 * - `下步工作要求/<YYYY-MM>.txt` that month's paragraphs instead (keeps an issued month's wording)
 * - `bulletin-template.docx`    the office's own 红头 with {{placeholders}}
 *
 * Bytes are deterministic: docx stamps the package with the clock (the core properties' dates and
 * every zip entry's time), so the core properties are written here with the document's own date and
 * the package is zipped again with a fixed entry time. Two builds of the same figures give the same file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Packer, patchDocument } from 'docx';
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { BulletinSettingsError, NO_BULLETIN_INPUTS, parseBulletinSettings, textParagraphs, type BulletinInputs } from '../lib/model/bulletin-settings.ts';
import { bulletinDocument, bulletinPatches, bulletinStylesXml, TEMPLATE_PLACEHOLDERS, type BulletinDocContent } from '../lib/outputs/bulletin-doc.ts';

export const SETTINGS_FILE = 'bulletin.json';
export const NEXT_STEPS_FILE = '下步工作要求.txt';
export const NEXT_STEPS_DIR = '下步工作要求';
export const TEMPLATE_FILE = 'bulletin-template.docx';

export interface LoadedBulletinInputs { inputs: BulletinInputs; warnings: string[]; fatal: string | null }

/**
 * A text file as the clerk saved it: UTF-8 (with or without BOM), else GB18030, which is what
 * Notepad on an older Chinese Windows writes as “ANSI”.
 */
export function decodeText(bytes: Uint8Array): string {
  try { return new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { return new TextDecoder('gb18030').decode(bytes); }
}

/** Reads the office's settings for the documents. Never throws: an unusable file is `fatal`, in Chinese. */
export function loadBulletinInputs(dir: string): LoadedBulletinInputs {
  const warnings: string[] = [];
  let settings = NO_BULLETIN_INPUTS.settings;
  const settingsFile = join(dir, SETTINGS_FILE);
  if (existsSync(settingsFile)) {
    try {
      const parsed = parseBulletinSettings(readFileSync(settingsFile, 'utf8'), SETTINGS_FILE);
      settings = parsed.settings;
      warnings.push(...parsed.warnings);
    } catch (e) {
      const message = e instanceof BulletinSettingsError ? e.message : `无法读取（${(e as NodeJS.ErrnoException).code ?? String(e)}）`;
      return { inputs: NO_BULLETIN_INPUTS, warnings, fatal: `公文设置文件 ${SETTINGS_FILE} 有误，未生成任何内容。\n${message}` };
    }
  }
  let nextSteps: string[] | null = null;
  const stepsFile = join(dir, NEXT_STEPS_FILE);
  if (existsSync(stepsFile)) {
    try { nextSteps = textParagraphs(decodeText(readFileSync(stepsFile))); } catch (e) {
      return { inputs: NO_BULLETIN_INPUTS, warnings, fatal: `无法读取 ${NEXT_STEPS_FILE}（${(e as NodeJS.ErrnoException).code ?? String(e)}）` };
    }
    if (nextSteps.length === 0) { warnings.push(`${NEXT_STEPS_FILE} 是空文件，通报的“下步工作要求”使用默认段落`); nextSteps = null; }
  }
  const nextStepsByPeriod: Record<string, string[]> = {};
  const stepsDir = join(dir, NEXT_STEPS_DIR);
  if (existsSync(stepsDir)) {
    for (const name of readdirSync(stepsDir).sort()) {
      if (name.startsWith('.')) continue;
      const period = /^(\d{4}-(?:0[1-9]|1[0-2]))\.txt$/.exec(name)?.[1] ?? null;
      if (!period) { warnings.push(`${NEXT_STEPS_DIR}/${name} 未使用：文件名应为月份，如 ${NEXT_STEPS_DIR}/2026-04.txt`); continue; }
      const paragraphs = textParagraphs(decodeText(readFileSync(join(stepsDir, name))));
      if (paragraphs.length > 0) nextStepsByPeriod[period] = paragraphs;
      else warnings.push(`${NEXT_STEPS_DIR}/${name} 是空文件，该月使用 ${NEXT_STEPS_FILE} 或默认段落`);
    }
  }
  let template: Uint8Array | null = null;
  const templateFile = join(dir, TEMPLATE_FILE);
  if (existsSync(templateFile)) {
    template = new Uint8Array(readFileSync(templateFile));
    const problem = templateProblem(template);
    if (problem) return { inputs: NO_BULLETIN_INPUTS, warnings, fatal: `公文模板 ${TEMPLATE_FILE} ${problem}，未生成任何内容。模板的做法见 docs/bulletin-docx.md；不用模板时删除该文件即可。` };
  }
  return { inputs: { settings, nextSteps, nextStepsByPeriod, template }, warnings, fatal: null };
}

/** Why a template cannot be used, or null: not a Word file, or no {{正文}} to put the text in. */
export function templateProblem(bytes: Uint8Array): string | null {
  let xml: string;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' && f.originalSize < 64 * 2 ** 20 });
    const doc = files['word/document.xml'];
    if (!doc) return '不是 Word 文档（.docx）';
    xml = strFromU8(doc);
  } catch {
    return '无法打开（不是 .docx 文件，或文件已损坏；.doc 和 .wps 请在 Word/WPS 中“另存为” .docx）';
  }
  // Word splits typed text into runs (spell checking, edits): look at the text with the tags removed.
  const text = xml.replace(/<[^>]+>/g, '');
  if (!text.includes('{{正文}}')) return `中没有 {{正文}} 占位符（可用的占位符：${TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ')}）`;
  return null;
}

/** 1980-01-01, the earliest time a zip entry can carry: nothing about it depends on when the build ran. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** The same package with every entry stamped ZIP_TIME, in the same order. */
export function stableZip(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) out[name] = [data, { mtime: ZIP_TIME, level: 6 }];
  return zipSync(out, { mtime: ZIP_TIME });
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** docProps/core.xml with the document's own date instead of the clock's. */
function coreProperties(c: BulletinDocContent): string {
  const at = `${c.created}T00:00:00Z`;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(c.title)}</dc:title><dc:creator>${escapeXml(c.printer)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>';
}

/** The document's bytes: the built-in layout, or the office's template filled in. */
export async function packBulletinDoc(c: BulletinDocContent, template: Uint8Array | null = null): Promise<Uint8Array> {
  if (template) {
    const patched = await patchDocument({ outputType: 'uint8array', data: template, patches: bulletinPatches(c), keepOriginalStyles: true });
    return stableZip(patched);
  }
  const packed = await Packer.pack(bulletinDocument(c), 'uint8array', false, [
    { path: 'docProps/core.xml', data: coreProperties(c) },
    // Styles the layout names (公文正文, 公文标题…), which docx's own styles.xml cannot express (paragraphs free of the grid).
    { path: 'word/styles.xml', data: bulletinStylesXml() },
  ]);
  return stableZip(packed);
}
