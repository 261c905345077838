/**
 * Japanese fonts for PDFs: BIZ UDPゴシック (the universal-design face offices use) with
 * Noto Sans JP as a per-glyph fallback for what BIZ UD lacks (e.g. 𠮷), then Noto Emoji
 * (monochrome outlines, with its ligatures for skin tones, ZWJ sequences, flags and keycaps).
 * The TTF files are read once per process; pdfkit embeds only the glyphs a document uses.
 */
import * as fontkitModule from 'fontkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type FontName = 'jp' | 'jp-bold' | 'jp-fallback' | 'jp-fallback-bold' | 'emoji' | 'emoji-bold';

/** Fonts in order of preference, regular and bold. */
export const FONT_CHAIN: Record<'regular' | 'bold', FontName[]> = {
  regular: ['jp', 'jp-fallback', 'emoji'],
  bold: ['jp-bold', 'jp-fallback-bold', 'emoji-bold'],
};

const FILES: Record<FontName, [pkg: string, file: string]> = {
  jp: ['@expo-google-fonts/biz-udpgothic', '400Regular/BIZUDPGothic_400Regular.ttf'],
  'jp-bold': ['@expo-google-fonts/biz-udpgothic', '700Bold/BIZUDPGothic_700Bold.ttf'],
  'jp-fallback': ['@expo-google-fonts/noto-sans-jp', '400Regular/NotoSansJP_400Regular.ttf'],
  'jp-fallback-bold': ['@expo-google-fonts/noto-sans-jp', '700Bold/NotoSansJP_700Bold.ttf'],
  emoji: ['@expo-google-fonts/noto-emoji', '400Regular/NotoEmoji_400Regular.ttf'],
  'emoji-bold': ['@expo-google-fonts/noto-emoji', '700Bold/NotoEmoji_700Bold.ttf'],
};

/** Absolute path of a font file inside its npm package. */
export function fontPath(name: FontName): string {
  const [pkg, file] = FILES[name];
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

interface GlyphFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
interface Fontkit {
  create(buffer: Buffer): GlyphFont;
}

/** The same fontkit pdfkit uses (declared in package.json at pdfkit's version). */
const fontkit = fontkitModule as unknown as Fontkit;

const buffers = new Map<FontName, Buffer>();
const glyphFonts = new Map<FontName, GlyphFont>();

export function fontBuffer(name: FontName): Buffer {
  let buf = buffers.get(name);
  if (!buf) {
    buf = readFileSync(fontPath(name));
    buffers.set(name, buf);
  }
  return buf;
}

const coverage = new Map<string, boolean>();

/** Whether `name` has a glyph for the code point (memoised). */
export function hasGlyph(name: FontName, codePoint: number): boolean {
  const key = `${name}:${codePoint}`;
  let has = coverage.get(key);
  if (has === undefined) {
    let font = glyphFonts.get(name);
    if (!font) {
      font = fontkit.create(fontBuffer(name));
      glyphFonts.set(name, font);
    }
    has = font.hasGlyphForCodePoint(codePoint);
    coverage.set(key, has);
  }
  return has;
}

/** Registers the fonts on a document under their FontName. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const name of Object.keys(FILES) as FontName[]) doc.registerFont(name, fontBuffer(name));
}
