import { RequestHandler, Response } from 'express';
import { z } from 'zod';

export type FieldErrors = Record<string, string>;
export interface ErrorItem { field: string; message: string }

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; errorList: ErrorItem[] };

/** Validates a form body with its zod schema; the first message per field is kept, in form order. */
export function parseForm<S extends z.ZodTypeAny>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  const errorList: ErrorItem[] = [];
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (errors[field]) continue;
    errors[field] = issue.message;
    errorList.push({ field, message: issue.message });
  }
  return { ok: false, errors, errorList };
}

/** Re-renders the same form with 400, the field errors, the summary and what was typed. */
export function renderBadRequest(
  res: Response,
  view: string,
  result: { errors: FieldErrors; errorList: ErrorItem[] },
  values: unknown,
  locals: Record<string, unknown> = {},
): void {
  res.status(400).render(view, { ...locals, errors: result.errors, errorList: result.errorList, values });
}

/** Adds one error (e.g. from a database rule) to a form result for re-rendering. */
export function fieldError(field: string, message: string): { errors: FieldErrors; errorList: ErrorItem[] } {
  return { errors: { [field]: message }, errorList: [{ field, message }] };
}

/** U+0000: no browser sends it in a form, and PostgreSQL refuses it in text (a 500 otherwise). */
const dropNul = (s: string) => s.replaceAll('\0', '');

/** Drops NUL from every form value (urlencoded or multipart) before anything reads the body. */
export const dropNulCharacters: RequestHandler = (req, _res, next) => {
  const body = req.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if (typeof v === 'string') body[k] = dropNul(v);
      else if (Array.isArray(v)) body[k] = v.map((x) => (typeof x === 'string' ? dropNul(x) : x));
    }
  }
  next();
};
