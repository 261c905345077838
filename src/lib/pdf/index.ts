/** The PDF kit: A4 documents with embedded Japanese and emoji fonts, per-glyph fallback, page footers and ruled form blocks. */
export { createPdf, pdfToBuffer, PAGE_MARGINS, type PdfOptions } from './document';
export { drawText, drawLines, graphemes, textRuns, textWidth, wrapText, LINE_HEIGHT, MISSING_GLYPH, type TextStyle, type TextRun, type DrawOptions } from './text';
export { approvalBoxes, CONTINUED, ensureSpace, fieldRows, grid, heading, labelWidth, SIZE as FORM_SIZE, textBlock, type GridColumn } from './grid';
export { fontPath, hasGlyph, registerFonts, type FontName } from './fonts';
