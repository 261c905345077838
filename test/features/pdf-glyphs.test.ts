/**
 * Emoji, rare kanji and characters no font has, in every PDF of the app: records (and master
 * names) carrying them print with no empty box (.notdef), and the text read back from each record
 * PDF has every character, or 〓 (the geta mark) where no embedded font has one.
 */
import { useTestApp } from '../helpers/suite';
import { raw } from '../fuzz/leaks';
import { notdefGlyphs, readPdfs } from '../lib/pdf/pdf-layout';
import { Filler, isPdfRoute, makePdfRecords, pdfUrlsFor, PdfRecords } from './pdf-records';

/** Emoji (a skin tone, ZWJ sequences, variation selectors, a keycap, a flag), 𠮷, a variation sequence, a tab and CRLF, and two characters no font has (a hieroglyph, a private-use one). */
const SAMPLE = '😀👍🏻👨‍👩‍👧❤️1️⃣🇯🇵🏳️‍🌈☺︎ 𠮷野 葛\u{E0101}城 𓀀\uE000\tタブ\r\n改行';
/** What each sample character prints as: itself, or 〓 (a monochrome 👍🏻 is 👍: print has no skin colours). */
const PRINTED = ['😀', '👍', '👨‍👩‍👧', '❤', '1️⃣', '🇯🇵', '🏳️‍🌈', '☺', '𠮷', '葛', '〓〓', 'タブ', '改行'];
const NO_FONT = ['𓀀', '\uE000'];

const sampled: Filler = (max, kind) => (kind === 'kana' ? 'クマモト タロウ' : [...SAMPLE].slice(0, max - 1).join(''));

const t = useTestApp();
const staff = t.user('staff');
let records: PdfRecords;

beforeAll(async () => {
  records = await makePdfRecords(t.db, staff.id, sampled);
});

async function fetchPdfs(urls: string[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const url of urls) {
    const res = await raw(url, staff.agent.get(url));
    expect([url, res.status]).toEqual([url, 200]);
    out.push(res.body);
  }
  return out;
}

test('the sample fits every field it fills (master names hold 60 characters)', () => {
  expect(SAMPLE.length).toBeLessThan(59);
});

test('record PDFs print every sample character, or 〓 where no font has it, and no empty box', async () => {
  const urls = t.routes.filter(isPdfRoute).filter((r) => !r.path.startsWith('/reports')).flatMap((r) => pdfUrlsFor(r, records, 2026));
  const docs = readPdfs(await fetchPdfs(urls));
  docs.forEach((pages, i) => {
    const text = pages.flatMap((p) => p.runs.map((r) => r.str)).join('');
    expect([urls[i], PRINTED.filter((s) => !text.includes(s))]).toEqual([urls[i], []]);
    expect([urls[i], NO_FONT.filter((s) => text.includes(s))]).toEqual([urls[i], []]);
    expect([urls[i], pages.flatMap(notdefGlyphs)]).toEqual([urls[i], []]);
  });
}, 120_000);

test('report PDFs and the annual report, with the sample in master names, have no empty box', async () => {
  const urls = t.routes.filter(isPdfRoute).filter((r) => r.path.startsWith('/reports')).flatMap((r) => pdfUrlsFor(r, records, 2026));
  const docs = readPdfs(await fetchPdfs(urls));
  const boxes = docs.flatMap((pages, i) => pages.flatMap(notdefGlyphs).map((g) => `${urls[i]}: ${JSON.stringify(g)}`));
  expect(boxes).toEqual([]);
  // the sample did reach the reports (a category, a centre, a ward, code labels)
  expect(docs.some((pages) => pages.some((p) => p.runs.some((r) => r.str.includes('𠮷'))))).toBe(true);
}, 300_000);
