import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';

/** One typed configuration, read once from the environment. Fails fast in production. */
export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  sessionSecret: string;
  trustProxy: TrustProxy;
  secureCookies: boolean;
  logLevel: string;
  initialAdminUsername: string;
  initialAdminPassword: string | null;
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
}

export class ConfigError extends Error {}

/**
 * Whose X-Forwarded-For / X-Forwarded-Proto the app believes (Express's 'trust proxy'): nobody,
 * the one hop in front of it (the reverse proxy on this host: the app then listens on 127.0.0.1
 * unless HOST says otherwise), or exactly these proxy addresses / CIDRs.
 */
export type TrustProxy = false | 1 | string[];

const TRUST_PROXY_HELP = 'TRUST_PROXY must be false, true (= 1: the one proxy in front), or the proxies\' addresses / CIDRs separated by commas (10.0.0.5,10.0.0.6 or 10.0.0.0/24)';

function isAddressOrCidr(s: string): boolean {
  const [address, prefix, ...rest] = s.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || /^(false|0)$/i.test(v)) return false;
  if (/^(true|1)$/i.test(v)) return 1;
  const list = v.split(',').map((s) => s.trim());
  const wrong = list.filter((s) => !isAddressOrCidr(s));
  if (wrong.length > 0) throw new ConfigError(`${TRUST_PROXY_HELP}; not: ${wrong.join(', ')}`);
  return list;
}

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
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  return {
    env: mode,
    port: intOf(env.PORT, 3000, 'PORT'),
    // Behind a proxy, only the proxy should reach the app: anyone else could send X-Forwarded-* themselves.
    host: env.HOST || (trustProxy === false ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    sessionSecret: secret || crypto.randomBytes(32).toString('hex'),
    trustProxy,
    secureCookies: trustProxy !== false || env.COOKIE_SECURE === 'true',
    logLevel: env.LOG_LEVEL || (mode === 'test' ? 'silent' : 'info'),
    initialAdminUsername: env.INITIAL_ADMIN_USERNAME || 'admin',
    initialAdminPassword: env.INITIAL_ADMIN_PASSWORD || null,
    idleTimeoutMinutes: intOf(env.SESSION_IDLE_MINUTES, 30, 'SESSION_IDLE_MINUTES'),
    absoluteTimeoutHours: intOf(env.SESSION_ABSOLUTE_HOURS, 12, 'SESSION_ABSOLUTE_HOURS'),
  };
}
