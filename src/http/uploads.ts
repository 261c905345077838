import { RequestHandler } from 'express';
import multer from 'multer';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const single = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024 },
}).single('file');

/**
 * Parses multipart forms (file uploads) before the CSRF check, so the `_csrf` field in
 * them is read like any other form's. Only for signed-in sessions; the file stays in memory.
 */
export const parseUploads: RequestHandler = (req, res, next) => {
  if (!req.is('multipart/form-data')) return next();
  const signedIn = Boolean((req.session as { passport?: { user?: number } } | undefined)?.passport?.user);
  if (!signedIn) return res.status(403).render('errors/403');
  single(req, res, (err: unknown) => {
    if (err instanceof multer.MulterError) return res.status(err.code === 'LIMIT_FILE_SIZE' ? 413 : 400).render('errors/400', { status: err.code === 'LIMIT_FILE_SIZE' ? 413 : 400 });
    next(err);
  });
};
