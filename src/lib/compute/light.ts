/**
 * Traffic lights (亮灯) from completion against time progress. Thresholds are points behind
 * schedule: by default green while less than 10 points behind, yellow up to 30, red beyond.
 */
import type { Light } from '../types.ts';

export interface LightThresholds {
  /** Points behind time progress at which the light turns yellow. */
  yellowBehind: number;
  /** Points behind time progress at which the light turns red. */
  redBehind: number;
}

export const DEFAULT_LIGHTS: LightThresholds = { yellowBehind: 10, redBehind: 30 };

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

export function checkThresholds(t: LightThresholds): void {
  if (!(t.yellowBehind >= 0 && t.redBehind > t.yellowBehind)) {
    throw new Error(`invalid light thresholds: yellowBehind ${t.yellowBehind}, redBehind ${t.redBehind}`);
  }
}
