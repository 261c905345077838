import pino from 'pino';

/** The one logger. Never log a request body, a password, a session id or personal data. */
export type Logger = pino.Logger;

/** `destination`: where the JSON lines go (stdout unless given; tests pass a stream to read them). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: { paths: ['password', '*.password', 'req.headers.cookie', 'cookie'], remove: true },
  };
  return destination ? pino(options, destination) : pino(options);
}
