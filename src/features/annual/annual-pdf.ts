/**
 * The annual report as one PDF: cover, contents, then every table on its own page run (in its
 * own orientation) with its bar chart below it where the section has one. The footer of every
 * page (page number N / M and the 和暦 generation date) comes from the PDF kit.
 */
import { barLayout, drawChart, type ChartData } from '../../lib/chart';
import { createPdf, PAGE_MARGINS, pdfToBuffer } from '../../lib/pdf';
import { drawTable, pdfLayoutFor } from '../../lib/table/pdf';
import type { AnnualReport } from './annual-build';
import { contentsPages, drawContents, drawCover } from './annual-pdf-front';

type Doc = PDFKit.PDFDocument;

const CHART_HEIGHT = 210;
/** Below this much room left on the table's page, the chart goes to the next page. */
const CHART_MIN_HEIGHT = 120;
const CHART_GAP = 12;
/** A bar needs about this much width for its label. */
const CHART_SLOT = 56;
/** Points per unit of the chart's canvas: its 12-unit text prints at about 8 pt. */
const CHART_SCALE = 0.65;

const currentPage = (doc: Doc) => {
  const { start, count } = doc.bufferedPageRange();
  return start + count - 1;
};

function addPage(doc: Doc, layout: 'portrait' | 'landscape'): void {
  doc.addPage({ size: 'A4', layout, margins: PAGE_MARGINS });
  doc.y = doc.page.margins.top;
}

/** The chart below what is on the page, or at the top of a new page in the same orientation. */
function placeChart(doc: Doc, chart: ChartData): void {
  const { left, right, bottom } = doc.page.margins;
  const room = () => doc.page.height - bottom - doc.y - CHART_GAP;
  if (room() < CHART_MIN_HEIGHT) addPage(doc, doc.page.layout as 'portrait' | 'landscape');
  const height = Math.min(CHART_HEIGHT, room());
  const width = Math.min(doc.page.width - left - right, 60 + CHART_SLOT * Math.max(chart.categories.length, 4));
  const layout = barLayout(chart, { width: width / CHART_SCALE, height: height / CHART_SCALE });
  const top = doc.y + CHART_GAP;
  drawChart(doc, layout, { x: left, y: top, width });
  doc.y = top + height;
}

export async function annualPdf(report: AnnualReport, now: Date): Promise<Buffer> {
  const doc = createPdf({ title: report.title, now });
  drawCover(doc, report.fy, now);
  const contentsAt = currentPage(doc) + 1;
  for (let i = 0; i < contentsPages(report.parts.length); i++) addPage(doc, 'portrait');
  const entries = report.parts.map((part) => {
    addPage(doc, pdfLayoutFor(part.table));
    const page = currentPage(doc) + 1;
    drawTable(doc, part.table);
    if (part.chart) placeChart(doc, part.chart);
    return { title: part.table.title, page };
  });
  drawContents(doc, contentsAt, entries);
  return pdfToBuffer(doc);
}
