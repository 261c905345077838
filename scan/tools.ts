import { execFileSync } from 'node:child_process';
import { onPath } from './proc';

/** Command → Debian package. Never from anywhere else (no pip, no git clone). */
const TOOLS: Record<string, string> = { wapiti: 'wapiti', sqlmap: 'sqlmap', openssl: 'openssl' };

/** Installs the missing scanners with apt-get, as .ci/run does for PostgreSQL. */
export function ensureTools(say: (line: string) => void): void {
  const missing = Object.keys(TOOLS).filter((bin) => !onPath(bin));
  if (missing.length === 0) return;
  const packages = missing.map((bin) => TOOLS[bin]);
  say(`Debian のパッケージから導入します / installing from Debian: ${packages.join(' ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const aptGet = (args: string[]) => {
    const cmd = [...sudo, 'apt-get', ...args];
    execFileSync(cmd[0], cmd.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  aptGet(['update', '-qq']);
  aptGet(['install', '-y', '-qq', ...packages]);
  const still = missing.filter((bin) => !onPath(bin));
  if (still.length) throw new Error(`導入できませんでした / could not install: ${still.join(' ')}`);
}

/** First line of `<bin> --version`, for the summary. */
export function versionOf(bin: string, args = ['--version']): string {
  try {
    const out = execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return out.split('\n').map((l) => l.trim()).find((l) => /\d+\.\d+/.test(l) && !/outdated/i.test(l)) ?? '?';
  } catch {
    return '?';
  }
}
