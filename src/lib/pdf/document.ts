/**
 * A4 documents with the Japanese fonts registered and, on every page, a footer with the page
 * number ('N / M') and the generation date in 和暦. Pages are buffered so the footer can be
 * stamped once the page count is known, in pdfToBuffer.
 */
import PDFDocument from 'pdfkit';
import { toWareki, todayIso } from '../dates';
import { registerFonts } from './fonts';
import { drawText } from './text';

export interface PdfOptions {
  title: string;
  /** The generation moment, shown as 作成日 in the footer (injected for reproducible output). */
  now: Date;
  layout?: 'portrait' | 'landscape';
}

export const PAGE_MARGINS = { top: 40, bottom: 48, left: 40, right: 40 };
const FOOTER_SIZE = 8;

const generated = new WeakMap<PDFKit.PDFDocument, Date>();

export function createPdf(opts: PdfOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.layout ?? 'portrait',
    margins: PAGE_MARGINS,
    bufferPages: true,
    lang: 'ja-JP',
    displayTitle: true,
    info: { Title: opts.title, Creator: '成年後見支援センター', Producer: '成年後見支援センター', CreationDate: opts.now },
  });
  registerFonts(doc);
  doc.font('jp').fontSize(10);
  generated.set(doc, opts.now);
  return doc;
}

/** Page number and generation date in the bottom margin of every buffered page. */
function stampFooters(doc: PDFKit.PDFDocument, now: Date): void {
  const { start, count } = doc.bufferedPageRange();
  const created = `作成日 ${toWareki(todayIso(now))}`;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { width, height, margins } = doc.page;
    const y = height - margins.bottom + 18;
    const inner = width - margins.left - margins.right;
    const style = { size: FOOTER_SIZE, width: inner };
    drawText(doc, `${i + 1} / ${count}`, margins.left, y, { ...style, align: 'center' });
    drawText(doc, created, margins.left, y, { ...style, align: 'right' });
  }
}

/** Stamps the footers (for documents from createPdf), ends the document and collects its bytes. */
export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      const now = generated.get(doc);
      if (now) stampFooters(doc, now);
      doc.end();
    } catch (err) {
      reject(err);
    }
  });
}
