/** The PDF kit: A4 documents with embedded Japanese fonts, per-glyph fallback and page footers. */
export { createPdf, pdfToBuffer, PAGE_MARGINS, type PdfOptions } from './document';
export { drawText, drawLines, textRuns, textWidth, wrapText, LINE_HEIGHT, type TextStyle, type TextRun, type DrawOptions } from './text';
export { fontPath, hasGlyph, registerFonts, type FontName } from './fonts';
export { drawBarChart, layoutBarChart, tickStep, type BarChartLayout, type BarGeometry, type ChartBox } from './bar-chart';
