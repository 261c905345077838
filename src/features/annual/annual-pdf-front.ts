/** The annual report's front matter: the cover and the contents (table titles with their page numbers). */
import { fiscalYearLabel, toWareki, todayIso } from '../../lib/dates';
import { drawText, LINE_HEIGHT, textWidth, wrapText } from '../../lib/pdf';
import { ANNUAL_TITLE } from './annual-build';

type Doc = PDFKit.PDFDocument;

export const CONTENTS_HEADING = '目次';
const CONTENTS_SIZE = 10;
const CONTENTS_LH = CONTENTS_SIZE * LINE_HEIGHT + 6;
/** Entries per contents page (a long title takes two lines, so this leaves room). */
export const CONTENTS_PER_PAGE = 24;

const inner = (doc: Doc) => ({ left: doc.page.margins.left, width: doc.page.width - doc.page.margins.left - doc.page.margins.right });

export function drawCover(doc: Doc, fy: number, now: Date): void {
  const { left, width } = inner(doc);
  const mid = doc.page.height * 0.32;
  drawText(doc, ANNUAL_TITLE, left, mid, { size: 28, bold: true, width, align: 'center' });
  drawText(doc, fiscalYearLabel(fy), left, mid + 56, { size: 20, bold: true, width, align: 'center' });
  drawText(doc, `作成日 ${toWareki(todayIso(now))}`, left, doc.page.height * 0.7, { size: 12, width, align: 'center' });
  drawText(doc, '熊本市成年後見支援センター', left, doc.page.height * 0.7 + 24, { size: 12, width, align: 'center' });
}

export interface ContentsEntry { title: string; page: number }

export const contentsPages = (entries: number) => Math.max(1, Math.ceil(entries / CONTENTS_PER_PAGE));

/** Fills the contents pages starting at buffered page `first`: each title, a dotted leader, its page. */
export function drawContents(doc: Doc, first: number, entries: ContentsEntry[]): void {
  for (let p = 0; p < contentsPages(entries.length); p++) {
    doc.switchToPage(first + p);
    const { left, width } = inner(doc);
    let y = doc.page.margins.top;
    drawText(doc, p === 0 ? CONTENTS_HEADING : `${CONTENTS_HEADING}（続き）`, left, y, { size: 16, bold: true });
    y += 40;
    for (const e of entries.slice(p * CONTENTS_PER_PAGE, (p + 1) * CONTENTS_PER_PAGE)) {
      const page = String(e.page);
      const pageW = textWidth(doc, page, { size: CONTENTS_SIZE });
      const lines = wrapText(doc, e.title, width - pageW - 40, { size: CONTENTS_SIZE });
      lines.forEach((line, i) => drawText(doc, line, left, y + i * CONTENTS_SIZE * LINE_HEIGHT, { size: CONTENTS_SIZE }));
      const lastY = y + (lines.length - 1) * CONTENTS_SIZE * LINE_HEIGHT;
      const lineEnd = left + textWidth(doc, lines[lines.length - 1], { size: CONTENTS_SIZE }) + 6;
      const base = lastY + CONTENTS_SIZE * 0.85;
      doc.save().lineWidth(0.6).dash(1, { space: 2.5 }).moveTo(lineEnd, base).lineTo(left + width - pageW - 6, base).stroke().undash().restore();
      drawText(doc, page, left, lastY, { size: CONTENTS_SIZE, width, align: 'right' });
      y = lastY + CONTENTS_LH;
    }
  }
}
