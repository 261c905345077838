import * as ExcelJS from 'exceljs';
import { sheetName, tableToXlsx } from '../../../src/lib/table/xlsx';
import { monthlyTable } from './fixtures';

async function read(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('tableToXlsx', () => {
  it('writes the title, a merged grouped header, numbers as numbers and bold totals', async () => {
    const t = monthlyTable();
    t.rows[0].marks = [true];
    const wb = await read(await tableToXlsx(t));
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('令和8年度 成年後見制度に関する相談件数');
    expect(ws.getCell('A1').value).toBe(t.title);
    expect(ws.getCell('A2').value).toBe(t.subtitle);
    // Header on rows 4-5: corner A4:A5, 後見人支援 over F4:G4, children in F5 and G5, leaves over two rows.
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A4:A5', 'B4:B5', 'F4:G4', 'O4:O5']));
    expect(merges).not.toContain('F5:F5');
    expect(ws.getCell('A4').value).toBe('月');
    expect(ws.getCell('F4').value).toBe('後見人支援');
    expect(ws.getCell('F5').value).toBe('身上保護');
    expect(ws.getCell('G5').value).toBe('財産管理');
    expect(ws.getCell('O4').value).toBe('合計');
    // Body from row 6: 4月 … 3月, then 計 on row 18.
    expect(ws.getCell('A6').value).toBe('4月');
    expect(ws.getCell('B6').value).toBe(t.rows[0].cells[0]);
    expect(typeof ws.getCell('B6').value).toBe('number');
    expect(ws.getCell('B6').numFmt).toBe('"※"#,##0');
    expect(ws.getCell('C6').numFmt).toBe('#,##0');
    expect(ws.getCell('A18').value).toBe('計');
    expect(ws.getCell('O18').value).toBe(t.rows[12].cells[13]);
    expect(typeof ws.getCell('O18').value).toBe('number');
    expect(ws.getCell('C18').font.bold).toBe(true);
    expect(ws.getCell('O7').font.bold).toBe(true);
    expect(ws.getCell('C7').font?.bold).toBeFalsy();
    expect(ws.getCell('A20').value).toBe(t.notes[0]);
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(8);
  });

  it('writes one sheet per table with legal, unique names', async () => {
    const a = { ...monthlyTable(), title: 'a/b [c]: *?\\ 件数 とても長い表題がここに続いて三十一文字を超えます' };
    const wb = await read(await tableToXlsx([a, a, monthlyTable()]));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(names[1]).toMatch(/ \(2\)$/);
  });

  it('sheetName trims apostrophes and falls back to Sheet', () => {
    const used = new Set<string>();
    expect(sheetName("'x'", used)).toBe('x');
    expect(sheetName('X', used)).toBe('X (2)');
    expect(sheetName('', used)).toBe('Sheet');
  });
});
