/**
 * Every PDF of the app, through its route, with records whose every printed field is as long as
 * its form allows (and master names as long as the masters allow): read back from the bytes, no
 * text prints over other text, crosses a cell's rule or runs off the page.
 */
import { useTestApp } from '../helpers/suite';
import { raw } from '../fuzz/leaks';
import { layoutProblems, readPdfs } from '../lib/pdf/pdf-layout';
import { isPdfRoute, makePdfRecords, pdfUrlsFor, PdfRecords } from './pdf-records';

const t = useTestApp();
const staff = t.user('staff');
let records: PdfRecords;
const FY = 2026;

beforeAll(async () => {
  records = await makePdfRecords(t.db, staff.id);
});

async function pdfProblems(urls: string[]): Promise<string[]> {
  const bodies = [];
  for (const url of urls) {
    const res = await raw(url, staff.agent.get(url));
    expect([url, res.status, res.headers['content-type']]).toEqual([url, 200, 'application/pdf']);
    bodies.push(res.body);
  }
  return readPdfs(bodies).flatMap((pages, i) => pages.flatMap((page, p) => layoutProblems(page).map((m) => `${urls[i]} p.${p + 1}: ${m}`)));
}

const routes = () => t.routes.filter(isPdfRoute);

test('the registry\'s PDF routes are the ones this test knows', () => {
  expect(routes().map((r) => r.path).sort()).toEqual([
    '/consultations/:consultationId/pdf', '/meetings/:meetingId/cases/:caseId/pdf', '/meetings/:meetingId/pdf',
    '/petitions/:id/pdf', '/reports/:file', '/reports/annual.pdf', '/subsidies/:subsidyId/pdf',
  ]);
});

test('record PDFs at their longest: no text over text, over a rule or off the page', async () => {
  const urls = routes().filter((r) => !r.path.startsWith('/reports')).flatMap((r) => pdfUrlsFor(r, records, FY));
  expect(urls).toHaveLength(6);
  expect(await pdfProblems(urls)).toEqual([]);
}, 120_000);

test('every report PDF and the annual report, with master names at their longest: no text over text, over a rule or off the page', async () => {
  const urls = routes().filter((r) => r.path.startsWith('/reports')).flatMap((r) => pdfUrlsFor(r, records, FY));
  expect(await pdfProblems(urls)).toEqual([]);
}, 300_000);
