import { RequestHandler, Response } from 'express';
import { z } from 'zod';

export type FieldErrors = Record<string, string>;
export interface ErrorItem { field: string; message: string }

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; errorList: ErrorItem[] };

/**
 * A rule across fields (or against today, the database…): it gets every field that parsed on its
 * own — also when others did not — and returns its errors by field. So a form reports the format
 * errors and the cross-field errors in one round; a rule checks a field's presence before using it.
 */
export type FormRule<T> = (parsed: Partial<T>) => RuleErrors;
export type AsyncFormRule<T> = (parsed: Partial<T>) => Promise<RuleErrors>;
/** A rule's errors by field (a field it leaves undefined has none). */
export type RuleErrors = Partial<Record<string, string>>;

/** The object schema under a form schema (itself, or the input of a pipe), if any. */
function objectOf(schema: z.ZodType): z.ZodObject | null {
  if (schema instanceof z.ZodObject) return schema;
  if (schema instanceof z.ZodPipe) return objectOf(schema.in as z.ZodType);
  return null;
}

/** Each field of an object schema parsed on its own: the fields that parsed, with their values. */
export function parsedFields<S extends z.ZodType>(schema: S, body: unknown): Partial<z.infer<S>> {
  const shape = objectOf(schema)?.shape ?? {};
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [field, s] of Object.entries(shape)) {
    const r = (s as z.ZodType).safeParse(raw[field]);
    if (r.success) out[field] = r.data;
  }
  return out as Partial<z.infer<S>>;
}

interface Parsed<T> { result: z.ZodSafeParseResult<T>; parsed: Partial<T>; order: string[] }

function firstRound<S extends z.ZodType>(schema: S, body: unknown, order?: readonly string[]): Parsed<z.infer<S>> {
  const result = schema.safeParse(body ?? {});
  const parsed = result.success ? (result.data as Partial<z.infer<S>>) : parsedFields(schema, body);
  return { result, parsed, order: [...(order ?? Object.keys(objectOf(schema)?.shape ?? {}))] };
}

/** The format errors (the first per field) and the rule's errors (where no format error is), in form order. */
function finish<T>(p: Parsed<T>, ruleErrors: RuleErrors): FormResult<T> {
  const errors: FieldErrors = {};
  if (!p.result.success) {
    for (const issue of p.result.error.issues) errors[String(issue.path[0] ?? '_form')] ??= issue.message;
  }
  for (const [field, message] of Object.entries(ruleErrors)) if (message !== undefined) errors[field] ??= message;
  if (p.result.success && Object.keys(errors).length === 0) return { ok: true, data: p.result.data };
  const seen = Object.keys(errors);
  const rank = (f: string) => { const i = p.order.indexOf(f); return i < 0 ? p.order.length + seen.indexOf(f) : i; };
  const errorList = seen.sort((a, b) => rank(a) - rank(b)).map((field) => ({ field, message: errors[field] }));
  return { ok: false, errors, errorList };
}

/**
 * Validates a form body with its zod schema and, if given, its rule across fields — both in one
 * round (see FormRule). The first message per field is kept; the summary lists errors in form
 * order (`order`, else the schema's fields; others after them).
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, rule?: FormRule<z.infer<S>>, order?: readonly string[]): FormResult<z.infer<S>> {
  const p = firstRound(schema, body, order);
  return finish(p, rule ? rule(p.parsed) : {});
}

/** parseForm with a rule that reads the database. */
export async function parseFormAsync<S extends z.ZodType>(schema: S, body: unknown, rule: AsyncFormRule<z.infer<S>>, order?: readonly string[]): Promise<FormResult<z.infer<S>>> {
  const p = firstRound(schema, body, order);
  return finish(p, await rule(p.parsed));
}

/** Errors found after parsing (e.g. a rule that needs the parsed values and the database) as a form result. */
export function errorsResult(errors: FieldErrors, order: readonly string[] = []): { ok: false } & FormErrors {
  const seen = Object.keys(errors);
  const rank = (f: string) => { const i = order.indexOf(f); return i < 0 ? order.length + seen.indexOf(f) : i; };
  return { ok: false, errors, errorList: seen.sort((a, b) => rank(a) - rank(b)).map((field) => ({ field, message: errors[field] })) };
}

/** A form's errors: by field (shown next to each field) and in form order (the summary). */
export interface FormErrors { errors: FieldErrors; errorList: ErrorItem[] }

/** A form page shown again: its errors and what was typed (an object of field values). */
export interface Rerender extends Partial<FormErrors> { values?: object }

/**
 * The one way to render a form page. First shown: `renderFormPage(res, view, locals)` (200). Shown
 * again after a refusal: `again` carries the field errors, the summary and what was typed — laid
 * over the page's own `locals.values` (defaults such as today's date) — with status 400 unless told.
 * `locals` are the page's own (its options, the record, search candidates …).
 */
export function renderFormPage(res: Response, view: string, locals: Record<string, unknown> = {}, again: Rerender = {}, status = again.errors ? 400 : 200): void {
  const values = again.values === undefined ? locals.values : { ...(locals.values as object | undefined), ...again.values };
  res.status(status).render(view, {
    ...locals, ...(values === undefined ? {} : { values }), errors: again.errors ?? {}, errorList: again.errorList ?? [],
  });
}

/** Adds one error (e.g. from a database rule) to a form result for re-rendering. */
export function fieldError(field: string, message: string): FormErrors {
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
