import iconv from 'iconv-lite';
import { workSlices } from './import-limits';

export type DetectedEncoding = 'UTF-8（BOM付き）' | 'UTF-8' | 'Shift_JIS';
export type Decoded = { ok: true; text: string; encoding: DetectedEncoding } | { ok: false; reason: 'utf16' };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** Bytes decoded in one go: a whole 5 MB file at once would hold up other requests for tens of milliseconds. */
const PIECE_BYTES = 256 * 1024;

/** The bytes through a streaming decoder, piece by piece, pausing between slices of work. */
async function inPieces(bytes: Buffer, decode: (piece: Buffer, last: boolean) => string): Promise<string> {
  const slices = workSlices();
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
    if (slices.due()) await slices.pause();
    parts.push(decode(bytes.subarray(at, at + PIECE_BYTES), at + PIECE_BYTES >= bytes.length));
  }
  return parts.join('');
}

const utf8 = (bytes: Buffer, fatal: boolean) => {
  const decoder = new TextDecoder('utf-8', { fatal, ignoreBOM: true });
  return inPieces(bytes, (piece, last) => decoder.decode(piece, { stream: !last }));
};

const shiftJis = (bytes: Buffer) => {
  const decoder = iconv.getDecoder('cp932');
  return inPieces(bytes, (piece, last) => decoder.write(piece) + (last ? decoder.end() ?? '' : ''));
};

/**
 * Reads a CSV file's bytes as text. A UTF-8 BOM means UTF-8; otherwise bytes that are
 * valid UTF-8 are UTF-8; anything else is taken as Shift_JIS (CP932, as Excel saves it).
 */
export async function decodeCsv(bytes: Buffer): Promise<Decoded> {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
    return { ok: true, text: await utf8(bytes.subarray(3), false), encoding: 'UTF-8（BOM付き）' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, reason: 'utf16' };
  try {
    return { ok: true, text: await utf8(bytes, true), encoding: 'UTF-8' };
  } catch {
    return { ok: true, text: await shiftJis(bytes), encoding: 'Shift_JIS' };
  }
}

/** A zip archive (.xlsx, .docx): someone uploaded the workbook instead of a CSV. */
export function looksLikeZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
