import { describe, expect, it } from 'vitest';
import { fileInMonth } from '../../src/lib/views/files.ts';

describe('fileInMonth(file)', () => {
  it('drops the returns/<period>/ folder a page of that period already names', () => {
    expect(fileInMonth('returns/2026-04/东山县.csv')).toBe('东山县.csv');
    expect(fileInMonth('returns/2026-04/补报/东山县.xlsx')).toBe('补报/东山县.xlsx');
  });

  it('keeps a path outside a month folder whole', () => {
    expect(fileInMonth('units.xlsx')).toBe('units.xlsx');
    expect(fileInMonth('targets/returns/2026-04/a.xlsx')).toBe('targets/returns/2026-04/a.xlsx');
  });
});
