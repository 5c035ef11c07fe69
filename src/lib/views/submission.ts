/**
 * How a unit without counted figures is named. A unit whose file arrived but could not be read
 * did report: calling it 未报送 in a meeting would be wrong, so pages and prose say
 * 报送文件无法读取 for it.
 */
import type { UnitResult } from '../model/types.ts';

type Reported = Pick<UnitResult, 'submitted' | 'unreadable'>;

/** True when the unit sent a file this period that could not be read (and nothing readable). */
export const sentUnreadable = (u: Reported): boolean => !u.submitted && (u.unreadable?.length ?? 0) > 0;

/** `未报送` or `报送文件无法读取`, for prose and captions. */
export function missingText(u: Reported): '未报送' | '报送文件无法读取' {
  return sentUnreadable(u) ? '报送文件无法读取' : '未报送';
}

/** The short form for table cells: `未报送` or `文件无法读取`. */
export function missingShort(u: Reported): string {
  return sentUnreadable(u) ? '文件无法读取' : '未报送';
}
