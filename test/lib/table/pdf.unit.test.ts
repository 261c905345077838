import { tableToPdf } from '../../../src/lib/table/pdf';
import { createPdf, pdfToBuffer, drawText, textRuns } from '../../../src/lib/pdf';
import { groupedHeader, withTotals, type Table } from '../../../src/lib/table/table';
import { monthlyTable, MONTHS, pdfPages } from './fixtures';

const NOW = new Date('2026-11-27T03:00:00Z'); // 令和8年11月27日 in Tokyo
const pages = async (buf: Buffer): Promise<string[]> => pdfPages(buf);

describe('tableToPdf', () => {
  it('draws the title, header labels, totals, page number and 和暦 generation date', async () => {
    const t = monthlyTable();
    const buf = await tableToPdf(t, { now: NOW });
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pages(buf);
    expect(text).toHaveLength(1);
    const page = text[0];
    expect(page).toContain(t.title);
    expect(page).toContain('後見人支援');
    expect(page).toContain('財産管理');
    expect(page).toContain('合計');
    const grand = t.rows[12].cells[13] as number;
    expect(page).toContain(grand.toLocaleString('ja-JP'));
    expect(page).toContain('1 / 1');
    expect(page).toContain('作成日 令和8年11月27日');
    expect(page).toContain(t.notes[0]);
  });

  it('breaks a 60-row table over pages, repeating the header and numbering N / M', async () => {
    const { headerRows, columns } = groupedHeader(
      [{ key: 'a', label: '相談件数' }, { label: '類型', children: [{ key: 'b', label: '後見' }, { key: 'c', label: '保佐' }] }],
      [{ key: 'total', label: '合計', total: true }],
    );
    const rows = withTotals(Array.from({ length: 60 }, (_, i) => ({ label: `行${i + 1}`, cells: [i, i * 2, 1] })));
    const t: Table = { id: 'long', title: '長い表', rowHeader: '区分', headerRows, columns, rows, notes: [] };
    const text = await pages(await tableToPdf(t, { now: NOW }));
    expect(text.length).toBeGreaterThanOrEqual(2);
    text.forEach((page, i) => {
      expect(page).toContain('類型');
      expect(page).toContain('保佐');
      expect(page).toContain(`${i + 1} / ${text.length}`);
    });
    expect(text[text.length - 1]).toContain('計');
    expect(text.join('\n')).toContain('行60');
  });

  it('draws 𠮷 from the fallback font instead of an empty box', async () => {
    expect(textRuns('𠮷田')).toEqual([
      { text: '𠮷', font: 'jp-fallback' },
      { text: '田', font: 'jp' },
    ]);
    const t = monthlyTable();
    t.rows[0] = { ...t.rows[0], label: '𠮷野' };
    const buf = await tableToPdf(t, { now: NOW });
    expect((await pages(buf))[0]).toContain('𠮷野');
    // The fallback face is embedded only because of 𠮷.
    expect(buf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP-Bold/); // row labels are bold
    const plain = await tableToPdf(monthlyTable(), { now: NOW });
    expect(plain.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+BIZUDPGothic-Regular/);
    expect(plain.toString('latin1')).not.toContain('NotoSansJP');
  });

  it('renders the 13-column monthly table small and fast', async () => {
    await tableToPdf(monthlyTable(), { now: NOW }); // warm the font caches
    const started = process.hrtime.bigint();
    const buf = await tableToPdf(monthlyTable({ seed: 99 }), { now: NOW });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(buf.length).toBeLessThan(150 * 1024);
    expect(ms).toBeLessThan(2000);
  });

  it('puts several tables in one document, each on its own page', async () => {
    const text = await pages(await tableToPdf([monthlyTable(), monthlyTable({ months: MONTHS.slice(0, 3) })], { now: NOW }));
    expect(text).toHaveLength(2);
    expect(text[1]).toContain('2 / 2');
  });
});

describe('pdf kit', () => {
  it('stamps a footer on every page of a hand-made document', async () => {
    const doc = createPdf({ title: 'テスト', now: NOW });
    drawText(doc, '一頁目', 40, 40, { size: 12 });
    doc.addPage();
    drawText(doc, '二頁目', 40, 40, { size: 12, bold: true });
    const text = await pages(await pdfToBuffer(doc));
    expect(text).toHaveLength(2);
    expect(text[0]).toContain('1 / 2');
    expect(text[1]).toContain('2 / 2');
    expect(text[1]).toContain('二頁目');
  });
});
