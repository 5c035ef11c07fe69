/**
 * Hostile and broken files are reported and skipped in bounded time and memory; legitimate ledgers
 * in odd wrappers are still read.
 */
import * as XLSX from 'xlsx';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readReturnFile } from '../src/lib/return-file.ts';
import { checkZip } from '../src/lib/read/zip-guard.ts';
import { unitIndex } from '../src/lib/recognise/unit-names.ts';
import { workbook } from './helpers/workbooks.ts';

const index = unitIndex([{ code: 'A01', name: '平原县', group: '县区', aliases: [], order: 1 }]);
const read = (bytes: Uint8Array, name = '平原县.xlsx') => readReturnFile(bytes, `returns/2026-04/${name}`, '2026-04', index);
const LEDGER = [['项目名称', '投资方', '项目阶段', '累计到位资金（万元）'], ['电池项目', '甲公司', '签约', 100]];
type Zip = { FullPaths: string[] };
const CFB = (XLSX as unknown as { CFB: { read(b: Uint8Array, o: object): Zip; write(z: Zip, o: object): Buffer; utils: { cfb_add(z: Zip, p: string, c: Uint8Array): void; cfb_del(z: Zip, p: string): void; cfb_new(): Zip } } }).CFB;

/** A minimal zip with one stored-as-deflate entry, declaring whatever sizes we like. */
function zipWith(name: string, data: Uint8Array, declaredSize: number): Uint8Array {
  const comp = deflateRawSync(data);
  const nameBytes = new TextEncoder().encode(name);
  const local = Buffer.alloc(30); local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(comp.length, 18); local.writeUInt32LE(declaredSize, 22); local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46); central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(comp.length, 20); central.writeUInt32LE(declaredSize, 24); central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(0, 42);
  const cdOffset = 30 + nameBytes.length + comp.length;
  const end = Buffer.alloc(22); end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12); end.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, comp, central, nameBytes, end]));
}

describe('hostile files', () => {
  it('a zip bomb (declared 300 MB) is refused before inflating', () => {
    const bomb = zipWith('xl/worksheets/sheet1.xml', new Uint8Array(1024), 300 * 2 ** 20);
    expect(checkZip(bomb)).toMatch(/压缩炸弹/);
    const r = read(bomb);
    expect(r.account.status).toBe('skipped');
    expect(r.issues[0]!.message).toMatch(/压缩炸弹/);
  });

  it('a zip whose entry inflates past its declared size is refused', () => {
    const liar = zipWith('xl/worksheets/sheet1.xml', new Uint8Array(50 * 2 ** 20), 1000);
    expect(checkZip(liar)).toMatch(/实际解压大小超过其声明大小/);
  });

  it('a high compression ratio is refused', () => {
    const zeros = new Uint8Array(20 * 2 ** 20);
    expect(checkZip(zipWith('a.xml', zeros, zeros.length))).toMatch(/压缩比异常/);
  });

  it('a sheet that claims a million rows is read in bounded time, with a warning', () => {
    const good = workbook([{ name: 'A', rows: LEDGER }]);
    const z = CFB.read(good, { type: 'buffer' });
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    CFB.utils.cfb_add(z, '/xl/worksheets/sheet1.xml', new TextEncoder().encode(
      `<worksheet ${ns}><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c><c r="B1" t="inlineStr"><is><t>投资方</t></is></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>电池项目</t></is></c><c r="B2" t="inlineStr"><is><t>甲</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`));
    const bytes = new Uint8Array(CFB.write(z, { type: 'buffer', fileType: 'zip', compression: true }));
    const t = performance.now();
    const r = read(bytes);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(r.account.projects).toBe(1);
    expect(r.issues.some((i) => i.kind === 'declared-range')).toBe(true);
  });

  it('a sheet listed by the workbook but missing or malformed is reported, not silently lost', () => {
    const good = workbook([{ name: '台账', rows: LEDGER }, { name: '补充', rows: LEDGER }]);
    const z = CFB.read(good, { type: 'buffer' });
    CFB.utils.cfb_add(z, '/xl/worksheets/sheet2.xml', new TextEncoder().encode('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>'));
    const r = read(new Uint8Array(CFB.write(z, { type: 'buffer', fileType: 'zip' })));
    expect(r.account.projects).toBe(1);
    expect(r.issues.find((i) => i.kind === 'lost-sheet')).toMatchObject({ severity: 'error', sheet: '补充' });

    const z2 = CFB.read(good, { type: 'buffer' });
    CFB.utils.cfb_del(z2, '/xl/worksheets/sheet2.xml');
    const r2 = read(new Uint8Array(CFB.write(z2, { type: 'buffer', fileType: 'zip' })));
    expect(r2.issues.find((i) => i.kind === 'lost-sheet')).toMatchObject({ sheet: '补充' });
  });

  it('__proto__ and constructor as sheet or header names neither pollute nor crash', () => {
    const r = read(workbook([{ name: '__proto__', rows: [['项目名称', '投资方', '__proto__', 'constructor'], ['电池项目', '甲', 'x', 'y']] }]));
    expect(r.account.projects).toBe(1);
    expect(({} as Record<string, unknown>)['!ref']).toBeUndefined();
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('password-protected files are reported as such', () => {
    const c = CFB.utils.cfb_new();
    CFB.utils.cfb_add(c, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    CFB.utils.cfb_add(c, '/EncryptedPackage', new Uint8Array(100));
    const r = read(new Uint8Array(CFB.write(c, { type: 'buffer' })));
    expect(r.account.status).toBe('skipped');
    expect(r.issues[0]!.message).toContain('密码保护');
  });

  it.each([
    ['empty file', new Uint8Array(0), '文件为空'],
    ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251), '不是电子表格文件'],
    ['a truncated xlsx', workbook([{ name: 'A', rows: LEDGER }]).subarray(0, 300), '损坏'],
  ])('%s is skipped with a reason', (_, bytes, reason) => {
    const r = read(bytes);
    expect(r.account.status).toBe('skipped');
    expect(r.issues[0]!.message).toContain(reason);
    expect(r.issues[0]!.file).toBe('returns/2026-04/平原县.xlsx');
  });
});
