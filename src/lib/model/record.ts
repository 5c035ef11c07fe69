/**
 * The issue record (签发记录) of a period: what was issued as the official bulletin, kept in the data
 * folder as `issued/<YYYY-MM>.json` so that it travels with the data (backups, a shared drive, git)
 * and reads without tongbao. Once a period is issued its pages show exactly the recorded figures;
 * a correction is a new version (更正版), never a silent change.
 *
 * File layout (docs/issuing.md):
 *   { "format": "tongbao-issued/1", "period": "2026-04",
 *     "versions": [ { "version": 1, "number": "…〔2026〕4号", "date": "2026-05-08", "reason": null,
 *                     "forced": false, "inputs": { "returns/2026-04/平原县.xlsx": "<sha256>", … },
 *                     "figures": { …the period as the bulletin showed it… } } ] }
 */
import { z } from 'zod';
import type { PeriodModel, VersionNote } from './site-model.ts';

export const RECORD_FORMAT = 'tongbao-issued/1';

export interface IssueVersion extends VersionNote {
  /** sha256 of every input the period's figures depend on, by path relative to the data folder. */
  inputs: Record<string, string>;
  /** The period as issued: every figure its pages, prose, charts and downloads show. */
  figures: PeriodModel;
}

export interface IssueRecord { format: typeof RECORD_FORMAT; period: string; versions: IssueVersion[] }

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The recorded figures are checked for the parts every page reads (a truncated or hand-edited
 * record fails here and the period is built as a draft), not field by field: they were written by
 * tongbao from its own model.
 */
const figuresSchema = z.looseObject({
  period: z.string().regex(PERIOD),
  year: z.number().int(),
  month: z.number().int().min(1).max(12),
  timeProgress: z.number(),
  totals: z.looseObject({ fundsInPlace: z.number(), projects: z.number() }),
  groups: z.array(z.looseObject({ name: z.string() })),
  units: z.array(z.looseObject({ code: z.string(), name: z.string(), group: z.string(), submitted: z.boolean() })),
  breakdowns: z.looseObject({}),
  chains: z.array(z.looseObject({ name: z.string(), slug: z.string() })),
  unplaced: z.array(z.looseObject({})),
  projects: z.array(z.looseObject({ unit: z.string(), name: z.string() })),
  issues: z.array(z.looseObject({ kind: z.string(), message: z.string() })),
  files: z.array(z.looseObject({ file: z.string() })),
  notSubmitted: z.array(z.string()),
  draft: z.looseObject({ title: z.string(), sections: z.array(z.looseObject({ heading: z.string(), paragraphs: z.array(z.string()) })) }),
});

const versionSchema = z.strictObject({
  version: z.number().int().min(1),
  number: z.string().min(1).nullable(),
  date: z.string().regex(DATE, '成文日期应写作 YYYY-MM-DD'),
  reason: z.string().nullable(),
  forced: z.boolean(),
  inputs: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  figures: figuresSchema,
});

export const recordSchema = z.strictObject({
  format: z.literal(RECORD_FORMAT),
  period: z.string().regex(PERIOD, '月份应写作 YYYY-MM'),
  versions: z.array(versionSchema).min(1, '至少要有一个版本'),
});

export type RecordOutcome = { ok: true; record: IssueRecord } | { ok: false; reason: string };

/** Parses a record file's text. Never throws: a broken record is a reason in Chinese. */
export function parseRecord(text: string, expectedPeriod: string | null): RecordOutcome {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return { ok: false, reason: `不是完整的 JSON（${e instanceof Error ? e.message : String(e)}），可能被截断或手工改坏` };
  }
  const r = recordSchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0]!;
    const where = first.path.length > 0 ? first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '（整个文件）';
    return { ok: false, reason: `内容不符合签发记录格式：${where}：${first.message}` };
  }
  const record = r.data as unknown as IssueRecord;
  for (const [i, v] of record.versions.entries()) {
    if (v.version !== i + 1) return { ok: false, reason: `versions[${i}] 的版本号应为 ${i + 1}，现为 ${v.version}` };
    if (v.figures.period !== record.period) return { ok: false, reason: `versions[${i}] 的数据属于 ${v.figures.period}，与记录的月份 ${record.period} 不符` };
    if (i > 0 && !v.reason) return { ok: false, reason: `更正版（第${v.version}版）缺少更正说明（reason）` };
  }
  if (expectedPeriod !== null && record.period !== expectedPeriod) {
    return { ok: false, reason: `文件名表示 ${expectedPeriod}，但记录中的月份是 ${record.period}` };
  }
  return { ok: true, record };
}

/** The latest version: what the period's pages show. */
export function latestVersion(record: IssueRecord): IssueVersion {
  return record.versions[record.versions.length - 1]!;
}

export function versionNotes(record: IssueRecord): VersionNote[] {
  return record.versions.map(({ version, number, date, reason, forced }) => ({ version, number, date, reason, forced }));
}

/** A record as written by `npm run issue`: stable key order, two-space indent, final newline. */
export function serialiseRecord(record: IssueRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
