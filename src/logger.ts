import pino from 'pino';

/** The one logger. Never log a request body, a password, a session id or personal data. */
export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['password', '*.password', 'req.headers.cookie', 'cookie'], remove: true },
  });
}
