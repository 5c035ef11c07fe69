/** The 退回修改 workbook of one unit (views/feedback.ts has its rows): title, header, A4 landscape. */
import { FEEDBACK_HEADER, type UnitFeedback } from '../views/feedback.ts';
import { toXlsx } from './xlsx.ts';

export function feedbackWorkbook(f: UnitFeedback): Uint8Array {
  return toXlsx([{ name: '退回修改', title: f.title, rows: [[...FEEDBACK_HEADER], ...f.rows], landscape: true }]);
}
