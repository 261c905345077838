import { RequestHandler } from 'express';
import multer from 'multer';
import { renderErrorPage } from './errors';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const single = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024 },
}).single('file');

/**
 * The fields as the urlencoded parser gives them (strings, or arrays of strings for a repeated
 * name) in a plain object: multer reads `a[b]` as a nested object without a prototype, which no
 * form has and which breaks any view that shows the value again.
 */
function plainFields(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))) out[k] = v;
  }
  return out;
}

/**
 * Parses multipart forms (file uploads) before the CSRF check, so the `_csrf` field in
 * them is read like any other form's. Only for signed-in sessions; the file stays in memory.
 */
export const parseUploads: RequestHandler = (req, res, next) => {
  if (!req.is('multipart/form-data')) return next();
  const signedIn = Boolean((req.session as { passport?: { user?: number } } | undefined)?.passport?.user);
  if (!signedIn) return renderErrorPage(req, res, 403, 'errors/403');
  single(req, res, (err: unknown) => {
    if (!err) {
      req.body = plainFields(req.body);
      return next();
    }
    // A limit, or a body the parser cannot read (no boundary, cut short, a broken part header):
    // the sender's fault, answered before the CSRF check reads a field, never an incident.
    const status = err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE' ? 413 : 400;
    req.deps?.log.warn({ reqId: req.id, code: (err as { code?: string }).code, reason: (err as Error).message }, 'multipart body refused');
    renderErrorPage(req, res, status, 'errors/400', { status });
  });
};
