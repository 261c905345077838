import iconv from 'iconv-lite';

export type DetectedEncoding = 'UTF-8（BOM付き）' | 'UTF-8' | 'Shift_JIS';
export type Decoded = { ok: true; text: string; encoding: DetectedEncoding } | { ok: false; reason: 'utf16' };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Reads a CSV file's bytes as text. A UTF-8 BOM means UTF-8; otherwise bytes that are
 * valid UTF-8 are UTF-8; anything else is taken as Shift_JIS (CP932, as Excel saves it).
 */
export function decodeCsv(bytes: Buffer): Decoded {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
    return { ok: true, text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8（BOM付き）' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, reason: 'utf16' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding: 'UTF-8' };
  } catch {
    return { ok: true, text: iconv.decode(bytes, 'cp932'), encoding: 'Shift_JIS' };
  }
}

/** A zip archive (.xlsx, .docx): someone uploaded the workbook instead of a CSV. */
export function looksLikeZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
