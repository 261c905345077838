/** The form blocks without a database: label columns, wrapping labels, rows and tables over pages, read back from the PDF. */
import { createPdf, CONTINUED, fieldRows, grid, heading, labelWidth, pdfToBuffer, textBlock, textWidth } from '../../../src/lib/pdf';
import { layoutProblems, readPdfs, runBox, type Page } from './pdf-layout';

const NOW = new Date('2026-11-27T03:00:00Z');
const NEEDS = '課題の概要（資産・紛争・虐待・健康など）';
const TYPE = '推薦する後見人等の種別';
/** A label longer than the label column may grow: it wraps. */
const LONGEST = '成年後見人等と本人との関係（親族・専門職・市民後見人・法人後見・その他の別を含む詳しい説明）';
const LONG_TEXT = '成年後見制度の利用について相談があり、財産管理と身上保護の両面から検討した。ABC-123「確認済」\n'.repeat(60);

const doc = () => createPdf({ title: 't', now: NOW });
const render = async (draw: (d: PDFKit.PDFDocument) => void): Promise<Page[]> => {
  const d = doc();
  draw(d);
  return readPdfs([await pdfToBuffer(d)])[0];
};
/** Every fault, and every run (but the footer) that reaches into the bottom margin (A4: 841.89 high, margin 48). */
const faults = (pages: Page[]) => pages.flatMap((p, i) => [
  ...layoutProblems(p),
  ...p.runs.filter((r) => r.y > 30 && runBox(r).y < 48 - 0.5).map((r) => `${JSON.stringify(r.str)} in the bottom margin`),
].map((m) => `p.${i + 1}: ${m}`));
const texts = (p: Page) => p.runs.map((r) => r.str);

describe('labelWidth', () => {
  test('at least 96 pt, else the longest label with its padding, at most 35% of the width', () => {
    const d = doc();
    expect(labelWidth(d, ['氏名', '住所'])).toBe(96);
    const needs = labelWidth(d, [NEEDS, TYPE]);
    expect(needs).toBeGreaterThanOrEqual(textWidth(d, NEEDS, { size: 9.5, bold: true }) + 8);
    expect(needs).toBeLessThan(515 * 0.35);
    expect(labelWidth(d, [LONGEST])).toBe(Math.floor(515 * 0.35));
  });
});

describe('fieldRows', () => {
  test('the issue\'s labels print beside their values, a label wider than the column wraps inside its cell', async () => {
    const pages = await render((d) => fieldRows(d, 40, [[NEEDS, '財産管理'], [TYPE, '社会福祉士'], [LONGEST, '長男'], ['氏名', '熊本 太郎']]));
    expect(faults(pages)).toEqual([]);
    expect(texts(pages[0])).toEqual(expect.arrayContaining([NEEDS, TYPE, '財産管理', '社会福祉士']));
    // the long label is in two lines or more, all in the label column, left of the values
    const value = pages[0].runs.find((r) => r.str === '長男')!;
    const label = pages[0].runs.filter((r) => LONGEST.includes(r.str) && r.str.length < LONGEST.length);
    expect(label.length).toBeGreaterThanOrEqual(2);
    for (const r of label) expect(r.x + r.width).toBeLessThan(value.x);
  });

  test('a value longer than the page runs on over the next pages, its label marked （続き）, clear of the footer', async () => {
    const pages = await render((d) => fieldRows(d, heading(d, 40, '検討結果'), [[NEEDS, LONG_TEXT], [TYPE, LONG_TEXT]]));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(faults(pages)).toEqual([]);
    const labels = pages.slice(1).flatMap(texts).filter((s) => s.endsWith(CONTINUED) || s === CONTINUED);
    expect(labels.length).toBeGreaterThanOrEqual(2);
  });
});

describe('grid', () => {
  const columns = [{ label: 'No.', width: 28, align: 'center' as const }, { label: '段階（申立書類の準備と提出まで）', width: 118 }, { label: '備考', width: 165 }];

  test('header labels wrap in their cells; a tall row runs over pages with the header repeated', async () => {
    const rows = Array.from({ length: 4 }, (_, i) => [String(i + 1), '親族調査（2親等内）の照会と回答の確認', LONG_TEXT.slice(0, 1500)]);
    const pages = await render((d) => grid(d, heading(d, 40, '進行状況'), columns, rows));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(faults(pages)).toEqual([]);
    for (const p of pages) expect(texts(p)).toContain('備考');
  });

  test('columns are scaled to the full width', async () => {
    const pages = await render((d) => grid(d, 40, columns, [['1', 'a', 'b']]));
    const boxes = pages[0].boxes.filter((b) => b.height > 2);
    expect(Math.min(...boxes.map((b) => b.x))).toBeCloseTo(40, 1);
    expect(Math.max(...boxes.map((b) => b.x + b.width))).toBeCloseTo(595.28 - 40, 1);
  });
});

test('textBlock wraps and breaks pages; right-aligned lines end at the margin', async () => {
  const pages = await render((d) => {
    const y = textBlock(d, 40, '熊本市長', { size: 11, align: 'right' });
    textBlock(d, y, LONG_TEXT.repeat(2), { size: 11 });
  });
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(faults(pages)).toEqual([]);
  const mayor = pages[0].runs.find((r) => r.str === '熊本市長')!;
  expect(mayor.x + mayor.width).toBeCloseTo(595.28 - 40, 0);
});
