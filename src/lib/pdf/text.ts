/**
 * Text drawing with per-glyph font fallback. A string is split into runs by the first font in
 * the chain that has every character of each grapheme (so 𠮷 comes from Noto Sans JP and 👍🏻 or
 * 👨‍👩‍👧 from Noto Emoji as one glyph); a character no font has prints as 〓, the geta mark
 * Japanese print uses for a missing glyph, never as an empty box. Runs are drawn on a shared
 * alphabetic baseline (the fonts' ascents differ).
 */
import { FONT_CHAIN, hasGlyph, type FontName } from './fonts';

export interface TextStyle {
  size: number;
  bold?: boolean;
}

export interface TextRun {
  text: string;
  font: FontName;
}

/** Baseline offset from the top of the em box (both fonts' ideographic em box is 0.88 / -0.12). */
const ASCENT = 0.88;
/** Line height as a multiple of the font size. */
export const LINE_HEIGHT = 1.3;
/** What prints in place of a character no embedded font has (the geta mark). */
export const MISSING_GLYPH = '〓';

const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });
/** Joiners, variation selectors, tags: no glyph of their own, the font shapes them with their neighbours. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
/** Control characters print nothing; a tab prints as a space. */
const CONTROL = /\p{Cc}/gu;

/** The user-perceived characters of a text (an emoji with its modifiers and joiners is one). */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

const covers = (font: FontName, codePoints: number[]) => codePoints.every((cp) => hasGlyph(font, cp));

/** Where one grapheme is drawn: one font for all of it, else each character apart, 〓 for what no font has. */
function place(g: string, chain: FontName[], prev: FontName | undefined): TextRun[] {
  const base = [...g].filter((ch) => !IGNORABLE.test(ch)).map((ch) => ch.codePointAt(0) ?? 0);
  if (base.length === 0) return prev ? [{ text: g, font: prev }] : [];
  // Spaces stay in the current run when its font has them.
  if (prev && g.trim() === '' && covers(prev, base)) return [{ text: g, font: prev }];
  // U+FE0F asks for the emoji presentation: the emoji face first.
  const order = g.includes('\uFE0F') ? [...chain.filter((f) => f.startsWith('emoji')), ...chain.filter((f) => !f.startsWith('emoji'))] : chain;
  const font = order.find((f) => covers(f, base));
  if (font) return [{ text: g, font }];
  return base.map((cp) => {
    const one = chain.find((f) => hasGlyph(f, cp));
    return one ? { text: String.fromCodePoint(cp), font: one } : { text: MISSING_GLYPH, font: chain[0] };
  });
}

/** Splits text into runs of one font each (see place); control characters are dropped, tabs become spaces. */
export function textRuns(text: string, bold = false): TextRun[] {
  const chain = FONT_CHAIN[bold ? 'bold' : 'regular'];
  const runs: TextRun[] = [];
  for (const g of graphemes(text.replace(/\t/g, ' ').replace(CONTROL, ''))) {
    for (const run of place(g, chain, runs[runs.length - 1]?.font)) {
      const prev = runs[runs.length - 1];
      if (prev && prev.font === run.font) prev.text += run.text;
      else runs.push({ ...run });
    }
  }
  return runs;
}

export function textWidth(doc: PDFKit.PDFDocument, text: string, style: TextStyle): number {
  let w = 0;
  for (const run of textRuns(text, style.bold)) w += doc.font(run.font).fontSize(style.size).widthOfString(run.text);
  return w;
}

export interface DrawOptions extends TextStyle {
  /** With width: align within [x, x + width]. */
  align?: 'left' | 'center' | 'right';
  width?: number;
}

/** Draws one line with its em box top at y. Never wraps and never adds a page. */
export function drawText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, opts: DrawOptions): void {
  const runs = textRuns(text, opts.bold);
  if (opts.width !== undefined && opts.align && opts.align !== 'left') {
    const w = textWidth(doc, text, opts);
    x += opts.align === 'right' ? opts.width - w : (opts.width - w) / 2;
  }
  const baseline = y + opts.size * ASCENT;
  for (const run of runs) {
    doc.font(run.font).fontSize(opts.size);
    doc.text(run.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    x += doc.widthOfString(run.text);
  }
}

function greedyLines(doc: PDFKit.PDFDocument, para: string, width: number, style: TextStyle): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of graphemes(para)) {
    if (line !== '' && textWidth(doc, line + ch, style) > width) {
      lines.push(line);
      line = ch.trim() === '' ? '' : ch;
    } else {
      line += ch;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * Breaks text into lines no wider than width, at any character (Japanese has no spaces),
 * keeping '\n'. With balance, the lines of a paragraph are made about equal (問い合/わせ
 * rather than 問い合わ/せ), for headings.
 */
export function wrapText(doc: PDFKit.PDFDocument, text: string, width: number, style: TextStyle, balance = false): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r\n?|\n/)) {
    const full = textWidth(doc, para, style);
    if (full <= width) {
      out.push(para);
      continue;
    }
    let lines = greedyLines(doc, para, width, style);
    for (let w = full / lines.length; balance && w < width; w += style.size / 4) {
      const tried = greedyLines(doc, para, w, style);
      if (tried.length <= lines.length) {
        lines = tried;
        break;
      }
    }
    out.push(...lines);
  }
  return out;
}

/** Draws lines centred vertically in a box, each aligned within the box's width. */
export function drawLines(
  doc: PDFKit.PDFDocument,
  lines: string[],
  box: { x: number; y: number; width: number; height: number },
  opts: Omit<DrawOptions, 'width'>,
): void {
  const lh = opts.size * LINE_HEIGHT;
  let y = box.y + (box.height - lines.length * lh) / 2 + (lh - opts.size) / 2;
  for (const line of lines) {
    drawText(doc, line, box.x, y, { ...opts, width: box.width });
    y += lh;
  }
}
