/**
 * 受任調整会議結果票: one case on A4 portrait, for the family court — the addressee and sender, the
 * meeting, the person, the petition, and the result (needs, recommended type, candidate, reasons,
 * the candidate's answer, the date sent). Dates in 和暦.
 */
import { toWareki } from '../../../lib/dates';
import { createPdf, drawText, fieldRows, FORM_SIZE as SIZE, heading, labelWidth, LINE_HEIGHT, pdfToBuffer } from '../../../lib/pdf';
import { caseRows } from '../cases/meeting-case-page';
import type { CaseRow } from '../cases/meeting-cases-queries';

export const RESULT_SHEET_TITLE = '受任調整会議結果票';
export const COURT = '熊本家庭裁判所 御中';
export const SENDER = '熊本市成年後見支援センター（中核機関）';

const wareki = (iso: string | null) => (iso ? toWareki(iso) : '');

/** The sheet of one case; `recommended` and `appointed` are the types' labels. `now` stamps 作成日. */
export async function resultSheetPdf(c: CaseRow, recommended: string, appointed: string, now: Date): Promise<Buffer> {
  const doc = createPdf({ title: `${RESULT_SHEET_TITLE}（検討案件 番号 ${c.id}）`, now });
  const { left, top, right } = doc.page.margins;
  const width = doc.page.width - left - right;
  drawText(doc, RESULT_SHEET_TITLE, left, top, { size: SIZE.title, bold: true, align: 'center', width });
  let y = top + SIZE.title * LINE_HEIGHT + 8;
  drawText(doc, COURT, left, y, { size: SIZE.heading });
  drawText(doc, SENDER, left, y, { size: SIZE.cell, align: 'right', width });
  y += SIZE.heading * LINE_HEIGHT + 4;

  const sections: [string, [string, string][]][] = [
    ['受任調整会議', [['開催日', wareki(c.held_on)], ['場所', c.place ?? ''], ['検討案件番号', String(c.id)]]],
    ['本人', [['氏名', c.person_name], ['氏名カナ', c.person_kana], ['生年月日', wareki(c.birth_date)], ['住所', c.address ?? '']]],
    ['申立て', [['市長申立て', c.petition_id ? `番号 ${c.petition_id}` : 'なし'], ['事件番号', c.case_number ?? '']]],
    ['検討結果', caseRows(c, recommended, appointed, wareki(c.sent_to_court_on)).slice(0, -1).map((r) => [r.label, r.value])],
  ];
  // one label column for the whole sheet, as wide as its longest label
  const labelW = labelWidth(doc, sections.flatMap(([, rows]) => rows.map(([label]) => label)));
  for (const [title, rows] of sections) y = fieldRows(doc, heading(doc, y, title), rows, labelW);
  return pdfToBuffer(doc);
}
