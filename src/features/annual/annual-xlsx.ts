/** The annual report as one workbook: a contents sheet (目次) first, then one sheet per table. */
import * as ExcelJS from 'exceljs';
import { toWareki, todayIso } from '../../lib/dates';
import { addTableSheet } from '../../lib/table/xlsx';
import type { AnnualReport } from './annual-build';
import { CONTENTS_HEADING } from './annual-pdf-front';

export async function annualXlsx(report: AnnualReport, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '成年後見支援センター';
  wb.title = report.title;
  const used = new Set([CONTENTS_HEADING.toLowerCase()]);
  const contents = wb.addWorksheet(CONTENTS_HEADING);
  const sheets = report.parts.map((p) => ({ title: p.table.title, sheet: addTableSheet(wb, p.table, used) }));

  contents.getCell('A1').value = report.title;
  contents.getCell('A1').font = { bold: true, size: 14 };
  contents.getCell('A2').value = `作成日 ${toWareki(todayIso(now))}`;
  contents.getRow(4).values = ['No.', '表', 'シート'];
  contents.getRow(4).font = { bold: true };
  sheets.forEach((s, i) => {
    contents.getRow(5 + i).values = [i + 1, s.title, s.sheet];
    // An in-workbook link to the sheet (the name quoted, with any quote doubled).
    contents.getCell(5 + i, 3).value = { text: s.sheet, hyperlink: `#'${s.sheet.replace(/'/g, "''")}'!A1` };
  });
  contents.getColumn(1).width = 6;
  contents.getColumn(2).width = 60;
  contents.getColumn(3).width = 34;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
