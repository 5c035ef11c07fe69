/**
 * What the office keeps in the data folder for the bulletin as a Word document (docs/bulletin-docx.md):
 * `bulletin.json` (主送机关, 抄送, 印发机关, 署名, 发文机关标志) and the 下步工作要求 text. Every key is
 * optional: without one the document uses what site.json and the data give.
 *
 * The keys are Chinese because the clerk writes them and they name what a 公文 calls these parts.
 * A file that cannot be read as written stops the build with a message naming the line or the key
 * (these words go on the masthead and the 版记 of an official document, so nothing is guessed); a
 * misspelt key only warns, naming the nearest known one.
 */
import { z } from 'zod';
import { jsonSyntaxError, nearest } from './config.ts';

export interface BulletinSettings {
  /** 发文机关标志 in red on the masthead; default `<office>文件`. */
  masthead: string | null;
  /** 主送机关, ending in a full-width colon; default `各<group>、<group>：`. */
  recipients: string | null;
  /** 抄送 organs (版记); none by default, and then the 抄送 line is left out. */
  copyTo: string[];
  /** 印发机关 (版记); default the office of site.json. */
  printer: string | null;
  /** 署名 above the 成文日期; default the office of site.json. */
  signature: string | null;
}

export const DEFAULT_BULLETIN_SETTINGS: BulletinSettings = { masthead: null, recipients: null, copyTo: [], printer: null, signature: null };

/** The settings a build uses for the documents: the file's settings and the 下步工作要求 texts. */
export interface BulletinInputs {
  settings: BulletinSettings;
  /** `下步工作要求.txt`: paragraphs for every period; null when the file is absent (a default paragraph then). */
  nextSteps: string[] | null;
  /** `下步工作要求/<YYYY-MM>.txt`: that month's paragraphs, in place of the general ones. */
  nextStepsByPeriod: Record<string, string[]>;
  /** The office's own 红头 (`bulletin-template.docx`), null to use the built-in layout. */
  template: Uint8Array | null;
}

export const NO_BULLETIN_INPUTS: BulletinInputs = { settings: DEFAULT_BULLETIN_SETTINGS, nextSteps: null, nextStepsByPeriod: {}, template: null };

const KEYS = { 发文机关标志: 'masthead', 主送机关: 'recipients', 抄送: 'copyTo', 印发机关: 'printer', 署名: 'signature' } as const;

const text = z.string('应为文本（用英文双引号括起来，如 "示例市投资促进局"）').trim().transform((s) => s || null).nullable().default(null);
const schema = z.strictObject({
  发文机关标志: text,
  主送机关: text,
  // One organ or a list: 抄送 often names several, and a clerk may type them either way.
  抄送: z.union([z.string(), z.array(z.string())], '应为文本或文本列表，如 ["市委办公室", "市政府办公室"]')
    .transform((v) => (Array.isArray(v) ? v : v.split(/[，,、；;]/)).map((s) => s.trim()).filter(Boolean))
    .nullable().transform((v) => v ?? []).default([]),
  印发机关: text,
  署名: text,
});

/** A bulletin.json that cannot be used; the message is complete and in Chinese. */
export class BulletinSettingsError extends Error {
  override name = 'BulletinSettingsError';
}

/** Parses bulletin.json (BOM allowed). Throws BulletinSettingsError; unknown keys come back as warnings. */
export function parseBulletinSettings(source: string, file = 'bulletin.json'): { settings: BulletinSettings; warnings: string[] } {
  const s = source.replace(/^\ufeff/, '');
  const bad = s.indexOf('\ufffd');
  if (bad >= 0) throw new BulletinSettingsError(`${file} 不是 UTF-8 编码（第 ${lineOf(s, bad)} 行有无法识别的字符），请用记事本打开后“另存为”，编码选择 UTF-8`);
  if (s.trim() === '') throw new BulletinSettingsError(`${file} 是空文件；不需要设置时请删除该文件，或写入 {}`);
  const syntax = jsonSyntaxError(s);
  if (syntax) {
    const line = lineOf(s, syntax.offset);
    throw new BulletinSettingsError(`${file} 第 ${line} 行格式有误：${syntax.expected}。\n  第 ${line} 行：${s.split('\n')[line - 1]!.trim().slice(0, 60)}`);
  }
  const raw = JSON.parse(s) as unknown;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new BulletinSettingsError(`${file} 的内容应为一组设置，用 { } 括起来，如 { "抄送": ["市委办公室"] }`);
  }
  const known = Object.keys(KEYS);
  const warnings: string[] = [];
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (known.includes(k)) { kept[k] = v; continue; }
    const near = nearest(k, known);
    warnings.push(`${file} 中的设置项“${k}”无法识别，已忽略；${near ? `是否应为“${near}”？` : `可用的设置项：${known.join('、')}`}`);
  }
  const parsed = schema.safeParse(kept);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.map(String).join('.')}：${i.message}`);
    throw new BulletinSettingsError([`${file} 中有 ${lines.length} 处设置不正确（不需要的设置可以删除，删除后使用默认值）：`, ...lines].join('\n'));
  }
  const d = parsed.data;
  return { settings: { masthead: d.发文机关标志, recipients: d.主送机关, copyTo: d.抄送, printer: d.印发机关, signature: d.署名 }, warnings };
}

/** The 下步工作要求 text as paragraphs: one per non-empty line, spaces (also full-width) trimmed. */
export function textParagraphs(source: string): string[] {
  return source.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')).filter(Boolean);
}

function lineOf(s: string, offset: number): number {
  return s.slice(0, offset).split('\n').length;
}
