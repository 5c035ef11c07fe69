/** An issue's severity as every page names it. */
import type { Severity } from '../model/types.ts';

export function severityLabel(s: Severity): '错误' | '提示' {
  return s === 'error' ? '错误' : '提示';
}
