/**
 * The bulletin as a Word document (issue 13, docs/bulletin-docx.md): its text and table figures are
 * the bulletin page's and summary.json's, its layout values are GB/T 9704's, drafts, issued and
 * revised bulletins are marked as such, an office's template is filled in, the public document holds
 * nothing internal, and the bytes do not depend on when or in what order documents were built.
 * (LibreOffice opening it: test/bulletin-docx-office.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataFolder } from '../src/io/data-folder.ts';
import { writeDataFiles } from '../src/io/write-outputs.ts';
import { decodeText, loadBulletinInputs, packBulletinDoc, templateProblem } from '../src/io/bulletin-doc.ts';
import { BulletinSettingsError, NO_BULLETIN_INPUTS, parseBulletinSettings, type BulletinInputs } from '../src/lib/model/bulletin-settings.ts';
import { pct, pointsShort, rankChangeText, yiNumber } from '../src/lib/model/format.ts';
import type { PeriodModel, SiteModel } from '../src/lib/model/site-model.ts';
import { bulletinDocContent, CHAR_SPACE, tableLayout, titleLines, type DocTable } from '../src/lib/outputs/bulletin-doc.ts';
import { summary } from '../src/lib/outputs/summary.ts';
import { bulletinView } from '../src/lib/views/bulletin.ts';
import { bulletinDocName } from '../src/lib/views/draft.ts';
import { missingShort } from '../src/lib/views/submission.ts';
import { docxText } from './helpers/docx-text.ts';
import { sampleModel } from './helpers/sample-model.ts';
import { gbk } from './helpers/workbooks.ts';

const DATA = join(import.meta.dirname, '..', 'data');

/** The model as `npm run build` makes it, issue records included. */

let pub: SiteModel;
let internal: SiteModel;
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-docx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  [pub, internal] = [await sampleModel('public'), await sampleModel('internal')];
}, 120_000);

const period = (m: SiteModel, id: string) => m.periods.find((p) => p.period === id)!;
const docOf = async (m: SiteModel, p: PeriodModel, inputs: BulletinInputs = NO_BULLETIN_INPUTS) => docxText(await packBulletinDoc(bulletinDocContent(m, p, inputs), inputs.template));
const squash = (s: string) => s.replace(/\s+/g, '');

describe('the document says what the page and summary.json say', () => {
  it('every paragraph of the drafted text, every ranking row and 合计 row', async () => {
    for (const id of ['2026-04', '2026-09']) {
      const p = period(pub, id);
      const d = await docOf(pub, p);
      const s = summary(p);
      expect(d.paragraphs).toContain(s.bulletin.sections[0]!.heading);
      // Each paragraph of the page's 通报 is one paragraph of the document, word for word.
      for (const section of s.bulletin.sections) {
        expect(d.paragraphs, section.heading).toContain(section.heading);
        for (const para of section.paragraphs) expect(d.paragraphs).toContain(para);
        // …and every sentence of it, for a reader who compares sentence by sentence.
        for (const sentence of section.paragraphs.flatMap((x) => x.split(/(?<=。)/)).filter(Boolean)) expect(d.all).toContain(sentence);
      }
      // One row per unit, from summary.json's figures in the page's formats.
      for (const u of s.units) {
        const row = [u.rank === null ? '—' : String(u.rank), u.name, u.submitted ? yiNumber(u.fundsInPlace) : '—', yiNumber(u.fundsTarget),
          u.submitted ? pct(u.fundsCompletion) : missingShort(p.units.find((x) => x.code === u.code)!), pointsShort(u.aheadPoints), u.lightLabel, rankChangeText(u.rankChange).symbol];
        expect(d.rows, `${id} ${u.name}`).toContainEqual(row);
      }
      for (const g of s.groups) {
        expect(d.rows, `${id} ${g.name}合计`).toContainEqual(['', `${g.name}合计`, yiNumber(g.fundsInPlace), yiNumber(g.fundsTarget), pct(g.fundsCompletion), pointsShort(g.aheadPoints), '', '']);
      }
      // Units in each group in the page's order (views/ranking.ts byStanding).
      const names = d.rows.filter((r) => r.length === 8 && r[0] !== '排名').map((r) => r[1]);
      const pageOrder = bulletinView(pub, p).rankings.flatMap((r) => [...r.units.map((u) => u.name), `${r.group.name}合计`]);
      expect(names).toEqual(pageOrder);
    }
  }, 60_000);

  it('the 红黑榜 and the key projects as the page lists them, with the title and 附件说明', async () => {
    const p = period(pub, '2026-09');
    const v = bulletinView(pub, p);
    const d = await docOf(pub, p);
    expect(squash(d.paragraphs.join(''))).toContain(squash(p.draft.title));
    for (const g of v.redBlack) for (const u of [...g.red, ...g.black]) expect(d.all).toContain(`${u.name}（${u.lightLabel}）：${u.detail}`);
    expect(v.keyProjects.total).toBeGreaterThan(0);
    for (const k of v.keyProjects.shown) {
      expect(d.rows).toContainEqual([k.status, k.project.name, k.unitName, k.project.industry ?? '—', yiNumber(k.project.totalInvestment ?? k.project.contractAmount), yiNumber(k.project.fundsInPlace), k.project.stage ?? '—']);
    }
    expect(d.paragraphs).toContain('附件：1.2026年1-9月各单位招商引资完成情况排名表');
    expect(d.paragraphs).toContain('2.2026年1-9月招商引资红黑榜');
    expect(d.paragraphs).toContain('3.2026年9月新增亿元以上重点项目');
    for (const n of [1, 2, 3]) expect(d.paragraphs).toContain(`附件${n}`);
    expect(d.paragraphs).toContain('四、下步工作要求');
    expect(bulletinDocName(p)).toBe('关于2026年1-9月全市招商引资工作情况的通报.docx');
  });
});

describe('GB/T 9704 layout', () => {
  let d: Awaited<ReturnType<typeof docOf>>;
  beforeAll(async () => { d = await docOf(pub, period(pub, '2026-09')); });

  it('A4, margins 37/26/35/28 mm, a 22 × 28 grid with exact lines', () => {
    const sects = [...d.xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sects.length).toBeGreaterThanOrEqual(4); // body, three 附件, 版记
    const portrait = sects.filter((s) => s.includes('w:orient="portrait"'));
    expect(portrait.length).toBe(sects.length); // the public sample's tables fit the 156 mm 版心
    for (const s of sects) {
      expect(s).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
      expect(s).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
      expect(s).toContain(`<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="${CHAR_SPACE}"/>`);
    }
    // 28 characters of 16 pt: (8845 / 28 / 20 − 16) × 4096.
    expect(CHAR_SPACE).toBe(-842);
    expect(8845 / 20 / (16 + CHAR_SPACE / 4096)).toBeGreaterThanOrEqual(28);
    // 22 lines of 579 twips fit the 225 mm block (12756 twips).
    expect(22 * 579).toBeLessThanOrEqual(16838 - 2098 - 1984);
    const styles = d.parts['word/styles.xml']!;
    expect(styles).toMatch(/<w:docDefaults>.*w:eastAsia="仿宋_GB2312".*<w:sz w:val="32"\/>.*w:line="579" w:lineRule="exact"/);
  });

  it('fonts named for East Asian text: title 2号小标宋, 一、 黑体, （一） 楷体, body 3号仿宋', () => {
    const runOf = (text: string) => [...d.xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!).find((r) => r.includes(`>${text}<`));
    expect(runOf('二、分组情况')).toMatch(/w:eastAsia="黑体".*<w:sz w:val="32"\/>/);
    expect(runOf('（一）紧盯目标任务。')).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(runOf('关于2026年1-9月全市')).toMatch(/w:eastAsia="方正小标宋简体".*<w:sz w:val="44"\/>/);
    expect(runOf('附件1')).toMatch(/w:eastAsia="黑体".*<w:sz w:val="32"\/>/);
    const body = period(pub, '2026-09').draft.sections[0]!.paragraphs[0]!;
    expect(runOf(body)).toMatch(/w:eastAsia="仿宋_GB2312".*<w:sz w:val="32"\/>/);
    // Body paragraphs: indented two characters.
    expect(d.xml).toMatch(new RegExp(`<w:ind w:firstLine="632" w:firstLineChars="200"/>[\\s\\S]{0,400}${body.slice(0, 10)}`));
  });

  it('red 发文机关标志, 文号 and red rule; the title in two lines, 主送机关 with a colon', () => {
    expect(d.paragraphs[0]).toBe('示例市投资促进局文件');
    expect(d.xml).toMatch(/<w:color w:val="FF0000"\/>[\s\S]{0,200}示例市投资促进局文件/);
    const number = period(pub, '2026-09').issued!.number!;
    expect(number).toMatch(/^示招商通〔2026〕\d+号$/);
    expect(d.paragraphs).toContain(number);
    expect(d.xml).toMatch(new RegExp(`<w:bottom w:val="single" w:color="FF0000" w:sz="12" w:space="11"/>[\\s\\S]{0,800}${number}`));
    expect(d.paragraphs).toContain('关于2026年1-9月全市');
    expect(d.paragraphs).toContain('招商引资工作情况的通报');
    expect(d.paragraphs).toContain('各县区、开发区、市直部门：');
    expect(d.paragraphs).toContain('示例市投资促进局');
    expect(d.paragraphs.at(-1)).toBe(''); // the 版记 is a table; the document ends in a 1 pt paragraph
    expect(d.rows.at(-1)).toEqual(['示例市投资促进局', `${d.paragraphs.find((x) => /^2026年10月\d+日$/.test(x))}印发`]);
  });

  it('page numbers — N — in 4号宋体, odd pages right, even pages left', () => {
    expect(d.parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.entries(d.parts).filter(([k]) => /^word\/footer\d+\.xml$/.test(k)).map(([, v]) => v);
    const odd = footers.filter((f) => f.includes('<w:jc w:val="right"/>'));
    const even = footers.filter((f) => f.includes('<w:jc w:val="left"/>'));
    expect(odd.length).toBeGreaterThan(0);
    expect(even.length).toBeGreaterThan(0);
    for (const f of [...odd, ...even]) {
      expect(f).toMatch(/w:eastAsia="宋体"[\s\S]*<w:sz w:val="28"\/>/);
      expect(f).toMatch(/>— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
    }
    expect(d.xml).toMatch(/<w:footerReference w:type="default"/);
    expect(d.xml).toMatch(/<w:footerReference w:type="even"/);
  });

  it('titles break between words, the upper line no longer than the lower', () => {
    expect(titleLines('关于2026年1-4月全市招商引资工作情况的通报')).toEqual(['关于2026年1-4月全市', '招商引资工作情况的通报']);
    expect(titleLines('关于2026年1-12月全市招商引资工作情况的通报')).toEqual(['关于2026年1-12月全市', '招商引资工作情况的通报']);
    expect(titleLines('关于2026年1月招商引资工作情况的通报')).toEqual(['关于2026年1月招商引资工作情况的通报']);
    // 19.5 characters: one spare is kept for Latin digits wider than half a character.
    expect(titleLines('关于2026年1月全市招商引资工作情况的通报')).toEqual(['关于2026年1月全市', '招商引资工作情况的通报']);
  });

  it('a table too wide for the 156 mm 版心 gets a landscape page; header rows repeat', async () => {
    const wide: DocTable = {
      columns: ['排名', '单位', '到位资金', '年度目标', '完成率', '超/欠序时进度', '亮灯', '升降'].map((header, i) => ({ header, align: 'left' as const, wrap: i === 1 })),
      rows: [{ cells: ['1', '示例市高新技术产业开发区管理委员会招商服务中心', '1234.56', '2345.67', '123.4%', '+12.3', '绿灯', '↑12'].map((text) => ({ text })) }],
    };
    expect(tableLayout(wide).landscape).toBe(false); // the name wraps at eight characters
    const wider: DocTable = { columns: [...wide.columns, ...wide.columns], rows: [{ cells: [...wide.rows[0]!.cells, ...wide.rows[0]!.cells] }] };
    const l = tableLayout(wider);
    expect(l.landscape).toBe(true);
    expect(l.widths.reduce((a, b) => a + b, 0)).toBe(16838 - 2098 - 1984);
    // The internal key-project table has a 包保领导 column and takes a landscape page.
    const di = await docOf(internal, period(internal, '2026-09'));
    expect(di.xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(d.xml).toContain('<w:tblHeader/>');
  });
});

describe('draft, issued, revised', () => {
  it('a draft says 草稿 in the 文号 line and on every page, with the date left to fill in', async () => {
    const p = period(internal, '2026-10');
    expect(p.issued).toBeNull();
    const d = await docOf(internal, p);
    expect(d.paragraphs).toContain('草稿（未签发）');
    const headers = Object.entries(d.parts).filter(([k]) => /^word\/header\d+\.xml$/.test(k)).map(([, v]) => v);
    expect(headers.length).toBeGreaterThan(0);
    for (const h of headers) expect(h).toContain('草稿（未签发）');
    expect(d.paragraphs).toContain('2026年　月　日');
    expect(d.all).not.toMatch(/示招商通/);
  });

  it('an issued one carries its 文号 and 成文日期 and no 草稿', async () => {
    const p = period(pub, '2026-09');
    const d = await docOf(pub, p);
    expect(d.paragraphs).toContain(p.issued!.number!);
    const [y, m, day] = p.issued!.date.split('-').map(Number);
    expect(d.paragraphs).toContain(`${y}年${m}月${day}日`);
    expect(d.all).not.toContain('草稿');
    expect(Object.keys(d.parts).some((k) => k.startsWith('word/header'))).toBe(false);
  });

  it('a revised one (更正版) says 更正, its reason and which version it replaces', async () => {
    const p = period(pub, '2026-09');
    const v1 = p.versions[0]!;
    const revised: PeriodModel = {
      ...p,
      issued: { number: p.issued!.number, date: '2026-10-20', version: 2 },
      versions: [...p.versions, { version: 2, number: p.issued!.number, date: '2026-10-20', reason: '平原县更正9月到位资金', forced: false }],
    };
    const d = await docOf(pub, revised);
    expect(d.paragraphs).toContain(`${p.issued!.number}（更正，第2版）`);
    expect(d.paragraphs[d.paragraphs.indexOf('各县区、开发区、市直部门：') + 1]).toBe(`本通报为更正版（第2版），更正事项：平原县更正9月到位资金。此前印发的第1版（${v1.number}，2026年${Number(v1.date.slice(5, 7))}月${Number(v1.date.slice(8))}日）作废，以本版为准。`);
    expect(d.paragraphs).toContain('2026年10月20日');
  });
});

describe('audience', () => {
  it('the public document names no phone and no 包保领导; the internal one lists the 包保领导', async () => {
    const leaders = new Set(internal.periods.flatMap((p) => p.projects.map((x) => x.internal.leader).filter((x): x is string => !!x)));
    const phones = new Set(internal.periods.flatMap((p) => p.projects.map((x) => x.internal.phone).filter((x): x is string => !!x)));
    expect(leaders.size).toBeGreaterThan(0);
    expect(phones.size).toBeGreaterThan(0);
    for (const p of pub.periods.slice(-3)) {
      const d = await docOf(pub, p);
      const text = Object.values(d.parts).join('\n');
      expect(text).not.toMatch(/1[3-9]\d{9}/);
      for (const phone of phones) expect(text).not.toContain(phone);
      for (const name of leaders) expect(d.all, `${p.period} ${name}`).not.toContain(name);
      expect(d.all).not.toContain('包保领导');
    }
    const di = await docOf(internal, period(internal, '2026-09'));
    const header = di.rows.find((r) => r[1] === '项目名称')!;
    expect(header.at(-1)).toBe('包保领导');
    const v = bulletinView(internal, period(internal, '2026-09'));
    const first = v.keyProjects.shown[0]!;
    expect(di.rows).toContainEqual(expect.arrayContaining([first.project.name, first.project.internal.leader ?? '—']));
  }, 60_000);
});

describe('the office’s settings', () => {
  it('bulletin.json: 主送机关, 抄送 (a list or one text), 印发机关, 署名, 发文机关标志', async () => {
    const { settings, warnings } = parseBulletinSettings(JSON.stringify({ 主送机关: '各县（区）人民政府，市直有关单位', 抄送: '市委办公室、市政府办公室', 印发机关: '示例市投资促进局办公室', 署名: '示例市招商引资工作领导小组办公室', 发文机关标志: '示例市招商引资工作领导小组办公室文件' }));
    expect(warnings).toEqual([]);
    expect(settings.copyTo).toEqual(['市委办公室', '市政府办公室']);
    const p = period(pub, '2026-09');
    const d = await docOf(pub, p, { ...NO_BULLETIN_INPUTS, settings, nextSteps: ['一、加强调度。各单位每周报送进展。', '（一）重点项目。逐个落实包联责任。'] });
    expect(d.paragraphs[0]).toBe('示例市招商引资工作领导小组办公室文件');
    expect(d.paragraphs).toContain('各县（区）人民政府，市直有关单位：');
    expect(d.paragraphs).toContain('示例市招商引资工作领导小组办公室');
    expect(d.rows).toContainEqual(['抄送：市委办公室，市政府办公室。']);
    expect(d.rows.at(-1)![0]).toBe('示例市投资促进局办公室');
    expect(d.paragraphs).toContain('一、加强调度。各单位每周报送进展。');
    expect(d.xml).toMatch(/w:eastAsia="楷体_GB2312"[\s\S]{0,160}>（一）重点项目。</);
    // The office's text replaces the default requirements.
    expect(d.all).not.toContain('紧盯目标任务');
  });

  it('names the setting that is wrong, in Chinese; a misspelt key only warns', () => {
    expect(() => parseBulletinSettings('{ "抄送": 12 }')).toThrow(/抄送：应为文本或文本列表/);
    expect(() => parseBulletinSettings('{ "署名": "示例市投资促进局", }')).toThrow(BulletinSettingsError);
    expect(() => parseBulletinSettings('{ "署名": "示例市投资促进局", }')).toThrow(/bulletin\.json 第 1 行格式有误：最后一项后面不应有逗号/);
    expect(parseBulletinSettings('{ "抄 送": "市委办公室" }').warnings).toEqual(['bulletin.json 中的设置项“抄 送”无法识别，已忽略；是否应为“抄送”？']);
  });

  it('reads the files from the data folder: GBK text, a month’s own 下步工作要求, a broken file stops with a message', () => {
    const dir = join(tmp, 'settings');
    mkdirSync(join(dir, '下步工作要求'), { recursive: true });
    writeFileSync(join(dir, '下步工作要求.txt'), gbk('（一）抓好项目落地。\r\n\r\n　（二）抓好数据报送。\r\n'));
    writeFileSync(join(dir, '下步工作要求', '2026-04.txt'), '四月的要求。\n');
    writeFileSync(join(dir, '下步工作要求', '四月.txt'), 'x');
    writeFileSync(join(dir, 'bulletin.json'), '\ufeff{ "抄送": ["市委办公室"] }');
    const loaded = loadBulletinInputs(dir);
    expect(loaded.fatal).toBeNull();
    expect(loaded.inputs.nextSteps).toEqual(['（一）抓好项目落地。', '（二）抓好数据报送。']);
    expect(loaded.inputs.nextStepsByPeriod).toEqual({ '2026-04': ['四月的要求。'] });
    expect(loaded.warnings).toEqual(['下步工作要求/四月.txt 未使用：文件名应为月份，如 下步工作要求/2026-04.txt']);
    expect(loaded.inputs.settings.copyTo).toEqual(['市委办公室']);
    writeFileSync(join(dir, 'bulletin.json'), '{ "抄送"： "市委办公室" }');
    expect(loadBulletinInputs(dir).fatal).toMatch(/^公文设置文件 bulletin\.json 有误，未生成任何内容。\nbulletin\.json 第 1 行格式有误/);
    expect(decodeText(gbk('仿宋'))).toBe('仿宋');
  });

  it('the build reads them with the data folder: the sample’s settings, a warning as a quality issue, a broken file as the reason nothing was built', () => {
    const sample = loadDataFolder(DATA);
    expect(sample.bulletin.settings.copyTo).toEqual(['市委办公室', '市人大常委会办公室', '市政府办公室', '市政协办公室']);
    expect(sample.bulletin.nextSteps?.[0]).toMatch(/^（一）紧盯目标任务。/);
    const dir = join(tmp, 'folder');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'bulletin.json'), '{ "抄送": 1 }');
    expect(loadDataFolder(dir).fatal).toMatch(/^公文设置文件 bulletin\.json 有误，未生成任何内容。\nbulletin\.json 中有 1 处设置不正确/);
    writeFileSync(join(dir, 'bulletin.json'), '{ "印发机构": "办公室" }');
    const warned = loadDataFolder(dir);
    expect(warned.notices).toContain('注意：bulletin.json 中的设置项“印发机构”无法识别，已忽略；是否应为“印发机关”？');
    expect(warned.issues.filter((i) => i.kind === 'bad-bulletin-setting').map((i) => [i.file, i.severity])).toEqual([['bulletin.json', 'warning']]);
  });
});

/** A 红头 template as an office would make it in Word, here made in code. */
async function template(withBody = true): Promise<Uint8Array> {
  const p = (text: string, color?: string) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, color, size: 40, font: { eastAsia: '方正小标宋简体' } })] });
  const doc = new Document({
    sections: [{
      children: [
        p('示例市投资促进局红头', 'FF0000'), p('{{文号}}'), p('{{标题}}'),
        new Paragraph({ children: [new TextRun('{{主送机关}}')] }),
        ...(withBody ? [new Paragraph({ children: [new TextRun('{{正文}}')] })] : []),
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('{{署名}}')] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('{{成文日期}}')] }),
        new Paragraph({ children: [new TextRun('{{附件}}')] }),
        new Paragraph({ children: [new TextRun('{{抄送}}')] }),
        new Paragraph({ children: [new TextRun('{{印发机关}}　{{印发日期}}')] }),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('an office’s own template (bulletin-template.docx)', () => {
  it('fills every placeholder, keeps the template’s own 红头', async () => {
    const t = await template();
    expect(templateProblem(t)).toBeNull();
    const p = period(pub, '2026-09');
    const d = await docOf(pub, p, { ...NO_BULLETIN_INPUTS, template: t });
    expect(d.all).not.toContain('{{');
    expect(d.paragraphs[0]).toBe('示例市投资促进局红头');
    expect(d.paragraphs).toContain(p.issued!.number!);
    expect(d.paragraphs).toContain(p.draft.title);
    expect(d.paragraphs).toContain('各县区、开发区、市直部门：');
    for (const s of p.draft.sections) for (const para of s.paragraphs) expect(d.paragraphs).toContain(para);
    expect(d.paragraphs).toContain('附件3');
    const s = summary(p);
    const u = s.units.find((x) => x.rank === 1)!;
    expect(d.rows).toContainEqual(expect.arrayContaining(['1', u.name, yiNumber(u.fundsInPlace)]));
    expect(d.paragraphs.some((x) => x.startsWith('示例市投资促进局　') && x.endsWith('印发'))).toBe(true);
    // Deterministic too.
    const again = await packBulletinDoc(bulletinDocContent(pub, p, { ...NO_BULLETIN_INPUTS, template: t }), t);
    expect(Buffer.compare(Buffer.from(again), Buffer.from(await packBulletinDoc(bulletinDocContent(pub, p, { ...NO_BULLETIN_INPUTS, template: t }), t)))).toBe(0);
  });

  it('a template that cannot be used stops the build with the reason', async () => {
    expect(templateProblem(new Uint8Array([1, 2, 3]))).toMatch(/无法打开/);
    expect(templateProblem(await template(false))).toMatch(/中没有 \{\{正文\}\} 占位符/);
    const dir = join(tmp, 'bad-template');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'bulletin-template.docx'), 'not a zip');
    expect(loadBulletinInputs(dir).fatal).toMatch(/^公文模板 bulletin-template\.docx 无法打开/);
  });
});

describe('bytes', () => {
  it('the same document twice gives the same bytes, whatever was built in between, with no clock in it', async () => {
    const p = period(pub, '2026-09');
    const a = await packBulletinDoc(bulletinDocContent(pub, p, NO_BULLETIN_INPUTS));
    await packBulletinDoc(bulletinDocContent(internal, period(internal, '2026-10'), NO_BULLETIN_INPUTS));
    const b = await packBulletinDoc(bulletinDocContent(pub, p, NO_BULLETIN_INPUTS));
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const core = docxText(a).parts['docProps/core.xml']!;
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${p.issued!.date}T00:00:00Z</dcterms:created>`);
    const today = new Date().toISOString().slice(0, 10);
    expect(Object.values(docxText(a).parts).join('')).not.toContain(today);
  });

  it('every period of the sample gets data/<period>/bulletin.docx; unchanged periods are reused on rebuild', async () => {
    const out = join(tmp, 'out');
    const cache = join(tmp, 'cache');
    const first = await writeDataFiles(pub, out, { cacheDir: cache });
    for (const p of pub.periods) expect(existsSync(join(out, 'data', p.period, 'bulletin.docx')), p.period).toBe(true);
    expect(first.written.filter((f) => f.endsWith('/bulletin.docx')).length).toBe(pub.periods.length);
    expect(first.docxMs).toBeGreaterThan(0);
    const bytes = readFileSync(join(out, 'data', '2026-09', 'bulletin.docx'));
    const second = await writeDataFiles(pub, out, { cacheDir: cache });
    expect(second.reused).toBe(pub.periods.length);
    expect(Buffer.compare(readFileSync(join(out, 'data', '2026-09', 'bulletin.docx')), bytes)).toBe(0);
    // Changed settings are a different document: written afresh.
    const { settings } = parseBulletinSettings('{ "抄送": "市委办公室" }');
    const third = await writeDataFiles(pub, out, { cacheDir: cache, bulletin: { ...NO_BULLETIN_INPUTS, settings } });
    expect(third.reused).toBe(0);
    expect(docxText(readFileSync(join(out, 'data', '2026-09', 'bulletin.docx'))).rows).toContainEqual(['抄送：市委办公室。']);
  }, 120_000);
});
