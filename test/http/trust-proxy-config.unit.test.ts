/** TRUST_PROXY and HOST as the configuration reads them (the requests behind a proxy: trust-proxy.test.ts). */
import { ConfigError, loadConfig } from '../../src/config';

const SECRET = 'test-secret-test-secret-test-secret!';

describe('configuration', () => {
  const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', SESSION_SECRET: SECRET, ...env });

  test.each([
    [{}, false, '0.0.0.0'],
    [{ TRUST_PROXY: 'false' }, false, '0.0.0.0'],
    [{ TRUST_PROXY: '' }, false, '0.0.0.0'],
    [{ TRUST_PROXY: 'true' }, 1, '127.0.0.1'],
    [{ TRUST_PROXY: '1' }, 1, '127.0.0.1'],
    [{ TRUST_PROXY: 'TRUE' }, 1, '127.0.0.1'],
    [{ TRUST_PROXY: 'true', HOST: '0.0.0.0' }, 1, '0.0.0.0'],
    [{ TRUST_PROXY: '10.0.0.5,10.0.0.6' }, ['10.0.0.5', '10.0.0.6'], '127.0.0.1'],
    [{ TRUST_PROXY: ' 10.0.0.0/24 , fd00::/8 ', HOST: '10.0.0.2' }, ['10.0.0.0/24', 'fd00::/8'], '10.0.0.2'],
  ])('%j → trust %j, listening on %s', (env, trust, host) => {
    const c = load(env as Record<string, string>);
    expect([c.trustProxy, c.host]).toEqual([trust, host]);
    expect(c.secureCookies).toBe(trust !== false);
  });

  test.each(['yes', '2', 'true,10.0.0.5', '10.0.0.300', '10.0.0.0/33', 'proxy.example', '10.0.0.5;10.0.0.6'])('TRUST_PROXY=%s is refused at start', (value) => {
    expect(() => load({ TRUST_PROXY: value })).toThrow(ConfigError);
  });
});
