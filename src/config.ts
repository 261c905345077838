import crypto from 'node:crypto';
import path from 'node:path';

/** One typed configuration, read once from the environment. Fails fast in production. */
export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  sessionSecret: string;
  trustProxy: boolean;
  secureCookies: boolean;
  logLevel: string;
  initialAdminUsername: string;
  initialAdminPassword: string | null;
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
}

export class ConfigError extends Error {}

function intOf(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const secret = env.SESSION_SECRET ?? '';
  if (mode === 'production' && secret.length < 32) {
    throw new ConfigError('SESSION_SECRET (32+ characters) is required in production');
  }
  const trustProxy = env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1';
  return {
    env: mode,
    port: intOf(env.PORT, 3000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    sessionSecret: secret || crypto.randomBytes(32).toString('hex'),
    trustProxy,
    secureCookies: trustProxy || env.COOKIE_SECURE === 'true',
    logLevel: env.LOG_LEVEL || (mode === 'test' ? 'silent' : 'info'),
    initialAdminUsername: env.INITIAL_ADMIN_USERNAME || 'admin',
    initialAdminPassword: env.INITIAL_ADMIN_PASSWORD || null,
    idleTimeoutMinutes: intOf(env.SESSION_IDLE_MINUTES, 30, 'SESSION_IDLE_MINUTES'),
    absoluteTimeoutHours: intOf(env.SESSION_ABSOLUTE_HOURS, 12, 'SESSION_ABSOLUTE_HOURS'),
  };
}
