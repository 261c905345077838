/**
 * 受任調整会議 議事録: one meeting on A4 portrait — date and place, the attendees, the cases
 * discussed with their recommendation, and the minutes as written (running on over pages).
 */
import { toWareki } from '../../../lib/dates';
import { createPdf, drawText, fieldRows, FORM_SIZE as SIZE, grid, GridColumn, heading, LINE_HEIGHT, pdfToBuffer, textBlock } from '../../../lib/pdf';
import { ACCEPTED_LABELS } from '../meetings-options';
import type { AttendeeRow, CaseListRow, MeetingRow } from '../meetings-queries';

export const MINUTES_TITLE = '受任調整会議 議事録';
export const NO_ROWS = '記録なし';

const ATTENDEE_COLUMNS: GridColumn[] = [{ label: '機関', width: 150 }, { label: '役職', width: 150 }, { label: '氏名', width: 215 }];
const CASE_COLUMNS: GridColumn[] = [
  { label: '番号', width: 40, align: 'center' }, { label: '本人', width: 110 }, { label: '推薦する種別', width: 90 },
  { label: '候補者', width: 110 }, { label: '受任の意向', width: 65 }, { label: '家裁送付日', width: 100 },
];

export async function minutesPdf(m: MeetingRow, attendees: AttendeeRow[], cases: CaseListRow[], now: Date): Promise<Buffer> {
  const doc = createPdf({ title: `${MINUTES_TITLE}（会議番号 ${m.id}）`, now });
  const { left, top, right } = doc.page.margins;
  drawText(doc, MINUTES_TITLE, left, top, { size: SIZE.title, bold: true, align: 'center', width: doc.page.width - left - right });
  let y = top + SIZE.title * LINE_HEIGHT + 6;
  y = fieldRows(doc, y, [['開催日', toWareki(m.held_on)], ['場所', m.place ?? ''], ['会議番号', String(m.id)]]);
  y = heading(doc, y, `出席者（${attendees.length}人）`);
  const people = attendees.map((a) => [a.org, a.role ?? '', a.name ?? '']);
  y = grid(doc, y, ATTENDEE_COLUMNS, people.length ? people : [[NO_ROWS, '', '']]);
  y = heading(doc, y, `検討案件（${cases.length}件）`);
  const rows = cases.map((c) => [String(c.id), c.person_name, c.recommended, c.candidate_name ?? '', ACCEPTED_LABELS[c.candidate_accepted],
    c.sent_to_court_on ? toWareki(c.sent_to_court_on) : '']);
  y = grid(doc, y, CASE_COLUMNS, rows.length ? rows : [['', NO_ROWS, '', '', '', '']]);
  y = heading(doc, y, '議事');
  textBlock(doc, y, m.minutes ?? NO_ROWS, { size: SIZE.cell });
  return pdfToBuffer(doc);
}
