/**
 * The declared shape of `/data/<YYYY-MM>/summary.json` (SPEC.md, "What a build produces"). Other
 * tools read these field names, so they are written down once, here: `summary()` returns
 * `Summary`, the type inferred from this schema, and test/summary-schema.test.ts parses every
 * summary.json of the sample build with it. Objects are strict so that a field added in code but
 * not here fails the test instead of slipping into the contract unannounced: to add a field, add it
 * here and in SPEC.md. Fields may be added, never renamed.
 */
import { z } from 'zod';
import { ISSUE_KINDS } from '../model/issues.ts';

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const count = z.number().int().nonnegative();
/** Amounts in 万元 (foreign capital in 万美元), ratios as unrounded fractions: finite, since JSON has no NaN. */
const amount = z.number();
const ratio = z.number().nullable();
const text = z.string().nullable();

/** SPEC's `Indicators`, and the fields the build adds to it. */
const indicatorShape = {
  projects: count,
  contractAmount: amount,
  fundsInPlace: amount,
  fundsTarget: amount.nullable(),
  fundsCompletion: ratio,
  fundsYoY: ratio,
  reserveProjects: count,
  foreignCapital: amount,
  largeProjects: count,
  /** 超/欠进度 in percentage points. */
  aheadPoints: z.number().nullable(),
  /** Completion of every other indicator with a target column, keyed by indicator. */
  targets: z.record(z.string(), z.strictObject({ target: amount, actual: amount, completion: z.number() })),
};
export const summaryIndicatorsSchema = z.strictObject(indicatorShape);

const breakdownEntry = z.strictObject({ key: z.string(), projects: count, contractAmount: amount, fundsInPlace: amount });

export const summaryFileSchema = z.strictObject({
  file: z.string(),
  period,
  units: z.array(z.string()),
  status: z.enum(['read', 'skipped']),
  rowsRead: count,
  projects: count,
  rejected: count,
  nonData: count,
  ignoredSheets: z.array(z.string()).optional(),
  reason: z.string().optional(),
  notCounted: z.string().optional(),
});

export const summaryIssueSchema = z.strictObject({
  severity: z.enum(['error', 'warning']),
  // Kinds are stable machine-readable names: a kind the quality page has no label for is a bug.
  kind: z.string().refine((k) => Object.hasOwn(ISSUE_KINDS, k), { message: 'not a kind listed in model/issues.ts ISSUE_KINDS' }),
  message: z.string().min(1),
  file: text,
  sheet: text,
  cell: z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/).nullable(),
  row: z.number().int().positive().nullable(),
  unit: text,
  project: text,
  projectCode: text,
});

export const summaryBulletinSchema = z.strictObject({
  title: z.string(),
  sections: z.array(z.strictObject({ heading: z.string(), paragraphs: z.array(z.string()) })),
});

export const summarySchema = z.strictObject({
  period,
  /** 时序进度 = month / 12. */
  timeProgress: z.number().gt(0).max(1),
  title: z.string(),
  totals: z.strictObject({ ...indicatorShape, units: count, submittedUnits: count }),
  groups: z.array(z.strictObject({ name: z.string(), ...indicatorShape, units: count, submittedUnits: count })),
  units: z.array(z.strictObject({
    code: z.string(),
    name: z.string(),
    group: z.string(),
    submitted: z.boolean(),
    ...indicatorShape,
    rank: z.number().int().positive().nullable(),
    rankChange: z.number().int().nullable(),
    light: z.enum(['green', 'yellow', 'red']).nullable(),
    lightLabel: z.string(),
    files: z.array(z.string()),
  })),
  breakdowns: z.strictObject({ industry: z.array(breakdownEntry), projectType: z.array(breakdownEntry), stage: z.array(breakdownEntry), size: z.array(breakdownEntry) }),
  chains: z.array(z.strictObject({
    name: z.string(),
    slug: z.string(),
    projects: count,
    contractAmount: amount,
    fundsInPlace: amount,
    coverage: z.number().min(0).max(1),
    links: z.array(z.strictObject({
      name: z.string(),
      position: z.string(),
      projects: count,
      contractAmount: amount,
      fundsInPlace: amount,
      gap: z.boolean(),
      status: z.enum(['强链', '弱链', '缺链']),
    })),
  })),
  /** Codes of the units that sent no usable return. */
  notSubmitted: z.array(z.string()),
  files: z.array(summaryFileSchema),
  issues: z.array(summaryIssueSchema),
  bulletin: summaryBulletinSchema,
  /** The issue record's 文号, 成文日期 and version; null for a draft. */
  issued: z.strictObject({ number: z.string().nullable(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), version: z.number().int().min(1) }).nullable(),
  /** Figures that would now differ from the issued ones (发布后更正). */
  revisions: z.array(z.strictObject({ unit: z.string(), indicator: z.string(), issued: z.string(), current: z.string(), file: z.string().nullable() })),
  /** 考核 scores by the data folder's scheme (docs/assessment.md); null without a usable scheme. */
  assessment: z.strictObject({
    /** 季度考核 (months 3, 6, 9), 年度考核 (12), 考核得分 (other months, provisional). */
    kind: z.enum(['季度考核', '年度考核', '考核得分']),
    title: z.string(),
    /** Units in group order, each group by rank. */
    units: z.array(z.strictObject({
      code: z.string(),
      name: z.string(),
      group: z.string(),
      submitted: z.boolean(),
      /** Two decimals; may be negative (deductions of a unit that did not report). */
      score: z.number(),
      /** Within the group, ties sharing; units that did not report after all that did. */
      rank: z.number().int().positive(),
      rankChange: z.number().int().nullable(),
      items: z.array(z.strictObject({
        category: z.enum(['指标', '加分', '扣分']),
        indicator: z.string(),
        method: z.enum(['完成率', '时序完成率', '功效系数', '每个', '每次', '每条']),
        points: z.number(),
        /** What was scored, in words (完成90.0%, 2个). */
        basis: z.string(),
      })),
    })),
  }).nullable(),
});

export type Summary = z.infer<typeof summarySchema>;
export type SummaryIndicators = z.infer<typeof summaryIndicatorsSchema>;
