/** Font fallback per grapheme: emoji from Noto Emoji, 𠮷 from Noto Sans JP, 〓 for what no font has, never an empty box. */
import { createPdf, drawText, graphemes, MISSING_GLYPH, pdfToBuffer, textRuns, wrapText } from '../../../src/lib/pdf';
import { notdefGlyphs, readPdfs } from './pdf-layout';

const NOW = new Date('2026-11-27T03:00:00Z');

describe('textRuns', () => {
  test('an emoji sequence is one grapheme in one run of the emoji face, whatever its modifiers, joiners and selectors', () => {
    expect(graphemes('👍🏻👨‍👩‍👧❤️1️⃣🇯🇵')).toEqual(['👍🏻', '👨‍👩‍👧', '❤️', '1️⃣', '🇯🇵']);
    expect(textRuns('相談😀👍🏻👨‍👩‍👧あり')).toEqual([
      { text: '相談', font: 'jp' }, { text: '😀👍🏻👨‍👩‍👧', font: 'emoji' }, { text: 'あり', font: 'jp' },
    ]);
    expect(textRuns('👍🏻', true)).toEqual([{ text: '👍🏻', font: 'emoji-bold' }]);
  });

  test('a keycap stays whole in the emoji face though the Japanese face has its digit', () => {
    expect(textRuns('1️⃣番')).toEqual([{ text: '1️⃣', font: 'emoji' }, { text: '番', font: 'jp' }]);
  });

  test('𠮷 still comes from the fallback face, and a variation sequence stays with its base', () => {
    expect(textRuns('𠮷田 葛\u{E0101}城')).toEqual([{ text: '𠮷', font: 'jp-fallback' }, { text: '田 葛\u{E0101}城', font: 'jp' }]);
  });

  test('a character no face has is the geta mark in the primary face', () => {
    expect(textRuns('𓀀と\uE000')).toEqual([{ text: `${MISSING_GLYPH}と${MISSING_GLYPH}`, font: 'jp' }]);
    expect(textRuns('𓀀', true)).toEqual([{ text: MISSING_GLYPH, font: 'jp-bold' }]);
  });

  test('a tab prints as a space and control characters (a stray CR) print nothing', () => {
    expect(textRuns('タブ\tと\r\u0007')).toEqual([{ text: 'タブ と', font: 'jp' }]);
  });

  test('a space after an emoji joins a face that has it', () => {
    expect(textRuns('😀 あ').map((r) => r.font)).toEqual(['emoji', 'jp']);
  });
});

describe('wrapText', () => {
  test('never breaks inside a grapheme, and CRLF breaks a line like LF', () => {
    const doc = createPdf({ title: 't', now: NOW });
    const lines = wrapText(doc, `${'👨‍👩‍👧'.repeat(12)}\r\n次の行`, 60, { size: 10 });
    expect(lines.slice(-1)).toEqual(['次の行']);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^(👨‍👩‍👧)+$/);
    expect(lines.length).toBeGreaterThan(2);
  });
});

test('a drawn line of emoji, 𠮷 and an unknown character has no empty box and reads back with 〓', async () => {
  const doc = createPdf({ title: 't', now: NOW });
  drawText(doc, '😀👍🏻👨‍👩‍👧 𠮷野 𓀀', 40, 100, { size: 12 });
  drawText(doc, '😀👍🏻👨‍👩‍👧 𠮷野 𓀀', 40, 130, { size: 12, bold: true });
  const [pages] = readPdfs([await pdfToBuffer(doc)]);
  expect(pages.flatMap(notdefGlyphs)).toEqual([]);
  const text = pages[0].runs.map((r) => r.str).join('');
  for (const s of ['😀', '👍', '👨‍👩‍👧', '𠮷野', MISSING_GLYPH]) expect(text).toContain(s);
  expect(text).not.toContain('𓀀');
  expect(pages[0].glyphs.some((g) => /NotoEmoji/.test(g.font))).toBe(true);
});
