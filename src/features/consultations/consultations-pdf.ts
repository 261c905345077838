/**
 * 相談記録票: one consultation on A4 portrait, as a bordered form (label cell | value cell, the
 * PDF kit's fieldRows). Long 内容 / 対応 run on to following pages, the label marked （続き）.
 */
import { createPdf, drawText, fieldRows, FORM_SIZE, LINE_HEIGHT, pdfToBuffer, textBlock } from '../../lib/pdf';
import { formatDateTime, toWareki } from '../../lib/dates';
import { displayRows, fromView } from './consultations-display';
import { ConsultationView } from './consultations-queries';

export const PDF_TITLE = '相談記録票';

const META = 9;

/** The 相談記録票 of one consultation. `now` stamps the footer's 作成日. */
export async function consultationPdf(c: ConsultationView, now: Date): Promise<Buffer> {
  const doc = createPdf({ title: `${PDF_TITLE}（記録番号 ${c.id}）`, now });
  const { left, right, top } = doc.page.margins;
  const width = doc.page.width - left - right;
  drawText(doc, PDF_TITLE, left, top, { size: FORM_SIZE.title, bold: true, width, align: 'center' });
  let y = top + FORM_SIZE.title * LINE_HEIGHT + 6;
  drawText(doc, `記録番号 ${c.id}`, left, y, { size: META });
  drawText(doc, `相談日 ${toWareki(c.consulted_on)}`, left, y, { size: META, width, align: 'right' });
  y += META * LINE_HEIGHT + 4;
  const rows = displayRows(fromView(c)).map((row): [string, string] => {
    const done = row.key === 'follow_up_on' && row.value && c.follow_up_done_at ? `（${formatDateTime(c.follow_up_done_at)} 完了）` : '';
    return [row.label, `${row.value}${done}`];
  });
  y = fieldRows(doc, y, rows) + 8;
  const stamp = [`登録 ${formatDateTime(c.created_at)} ${c.created_by_name ?? ''}`, `最終更新 ${formatDateTime(c.updated_at)} ${c.updated_by_name ?? ''}`];
  textBlock(doc, y, stamp.join('\n'), { size: META });
  return pdfToBuffer(doc);
}
