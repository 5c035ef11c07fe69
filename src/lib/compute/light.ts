/**
 * Traffic lights (亮灯) from completion against time progress. Thresholds are points behind
 * schedule: by default green while less than 10 points behind, yellow up to 30, red beyond.
 */
import { DEFAULT_LIGHTS, type LightThresholds } from '../model/config.ts';
import type { Light } from '../model/types.ts';

export const LIGHT_LABEL: Readonly<Record<Light, string>> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
export const LIGHT_MEANING: Readonly<Record<Light, string>> = { green: '达到序时进度', yellow: '略低于序时进度', red: '严重滞后于序时进度' };

/** Percentage points ahead (+) or behind (−) time progress. */
export function aheadPoints(completion: number | null, timeProgress: number): number | null {
  return completion === null ? null : (completion - timeProgress) * 100;
}

export function light(completion: number | null, timeProgress: number, t: LightThresholds = DEFAULT_LIGHTS): Light | null {
  const ahead = aheadPoints(completion, timeProgress);
  if (ahead === null) return null;
  const behind = -ahead;
  // Compare with a small tolerance so that exactly 10.0 points behind is yellow despite float noise.
  if (behind >= t.redBehind - 1e-9) return 'red';
  if (behind >= t.yellowBehind - 1e-9) return 'yellow';
  return 'green';
}

