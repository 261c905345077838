import { Request, RequestHandler } from 'express';

/** One-shot messages shown after a redirect (post/redirect/get). */
export function flash(req: Request, text: string, kind: 'success' | 'error' = 'success'): void {
  req.session.flash = [...(req.session.flash ?? []), { kind, text }];
}

export const takeFlash: RequestHandler = (req, res, next) => {
  res.locals.flash = [];
  if (req.session?.flash?.length) {
    res.locals.flash = req.session.flash;
    delete req.session.flash;
  }
  next();
};
