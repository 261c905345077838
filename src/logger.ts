import pino from 'pino';

/** The one logger. Never log a request body, a password, a session id or personal data. */
export type Logger = pino.Logger;

/** `destination`: where the JSON lines go (stdout unless given; tests pass a stream to read them). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: { paths: ['password', '*.password', 'req.headers.cookie', 'cookie'], remove: true },
    // Errors go under `err` (pino puts a bare Error there too), stripped of row values first.
    serializers: { err: (e: unknown) => pino.stdSerializers.err(safeError(e) as Error) },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * A PostgreSQL error's fields that name things, never values. The others quote rows and
 * parameters: detail ("Key (lower(username))=(tanaka) already exists", "Failing row contains
 * (…)"), where ("portal parameter $1 = '…'"), hint, internalQuery.
 */
const DB_FIELDS = ['code', 'severity', 'schema', 'table', 'column', 'dataType', 'constraint', 'routine'];
/** Fields of other errors that hold what was sent or stored (body-parser's body, knex's sql and bindings …). */
const VALUE_FIELDS = new Set(['detail', 'where', 'hint', 'internalQuery', 'parameters', 'bindings', 'sql', 'query', 'body', 'values', 'input', 'params']);

type ErrorFields = Error & Record<string, unknown>;

const isDbError = (e: ErrorFields) => typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string';

/**
 * knex's message is "<SQL with $1 placeholders> - <PostgreSQL's text>". A data exception's text
 * (class 22: invalid input syntax, out of range …) quotes the value it refused, so only the SQL
 * before it and the code are kept (the SQL is cut at its own first " - ", if it has one).
 */
function dbMessage(e: ErrorFields): string {
  if (!String(e.code).startsWith('22')) return e.message;
  const cut = e.message.indexOf(' - ');
  return `${cut >= 0 ? `${e.message.slice(0, cut)} - ` : ''}data exception ${e.code} (PostgreSQL's text quotes the input value: not logged)`;
}

/** A copy of an error (and of its causes) that is safe to log: database errors keep only DB_FIELDS. */
export function safeError(e: unknown, depth = 0): unknown {
  if (!(e instanceof Error) || depth > 5) return e;
  const err = e as ErrorFields;
  const db = isDbError(err);
  const message = db ? dbMessage(err) : err.message;
  const out = new Error(message) as ErrorFields;
  const at = (err.stack ?? '').indexOf('\n    at ');
  const type = err.constructor?.name || err.name;
  Object.defineProperty(out, 'name', { value: type, enumerable: false });
  Object.defineProperty(out, 'constructor', { value: { name: type }, enumerable: false });
  out.stack = `${type}: ${message}${at >= 0 ? (err.stack ?? '').slice(at) : ''}`;
  const keys = db ? DB_FIELDS.filter((k) => err[k] !== undefined) : Object.keys(err).filter((k) => !VALUE_FIELDS.has(k) && k !== 'name');
  for (const k of keys) out[k] = safeError(err[k], depth + 1);
  if (err.cause !== undefined) Object.defineProperty(out, 'cause', { value: safeError(err.cause, depth + 1), enumerable: false });
  if (Array.isArray(err.errors)) Object.defineProperty(out, 'errors', { value: err.errors.map((x) => safeError(x, depth + 1)), enumerable: false });
  return out;
}
