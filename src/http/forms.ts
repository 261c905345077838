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
export function errorsResult(errors: FieldErrors, order: readonly string[] = []): { ok: false; errors: FieldErrors; errorList: ErrorItem[] } {
  const seen = Object.keys(errors);
  const rank = (f: string) => { const i = order.indexOf(f); return i < 0 ? order.length + seen.indexOf(f) : i; };
  return { ok: false, errors, errorList: seen.sort((a, b) => rank(a) - rank(b)).map((field) => ({ field, message: errors[field] })) };
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
