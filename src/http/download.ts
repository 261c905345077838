import { Response } from 'express';

export const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** Sends a file as a download, never cached; the Japanese file name survives via filename*. */
export function sendDownload(res: Response, body: Buffer, filename: string, kind: keyof typeof MIME, inline = false): void {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  res.set({
    'Content-Type': MIME[kind],
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'Cache-Control': 'no-store',
    'Content-Length': String(body.length),
  });
  res.end(body);
}
