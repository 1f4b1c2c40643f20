import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDatabaseUrl } from './config.js';

describe('configuration', () => {
  it('defaults to the embedded database and a local public URL', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://127.0.0.1:3000',
      database: { kind: 'sqlite', path: './data/rebook.db' },
      smtpUrl: undefined,
      mailConcurrency: 4,
      initialAdmin: undefined,
      metricsToken: undefined,
      shutdownTimeoutMs: 10_000,
    });
  });

  it('reads the metrics token and the shutdown timeout', () => {
    const config = loadConfig({ METRICS_TOKEN: 'a-long-enough-secret', SHUTDOWN_TIMEOUT_MS: '2500' });
    expect([config.metricsToken, config.shutdownTimeoutMs]).toEqual(['a-long-enough-secret', 2500]);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16/);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: 'soon' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
  });

  it('builds the public URL from HOST and PORT, and trims a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ PORT: '8080', HOST: '0.0.0.0' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://book.example.com/' }).publicUrl).toBe(
      'https://book.example.com',
    );
  });

  it('reads sqlite: and postgres:// database URLs', () => {
    expect(parseDatabaseUrl('sqlite:/var/lib/rebook/rebook.db')).toEqual({
      kind: 'sqlite',
      path: '/var/lib/rebook/rebook.db',
    });
    expect(parseDatabaseUrl('postgres://u:p@db:5432/rebook')).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/rebook',
    });
    expect(parseDatabaseUrl('postgresql://db/rebook').kind).toBe('postgres');
  });

  it('explains a bad DATABASE_URL in one line', () => {
    expect(() => parseDatabaseUrl('mysql://db/rebook')).toThrow(
      new ConfigError('DATABASE_URL must start with sqlite: (embedded) or postgres:// (PostgreSQL)'),
    );
    expect(() => parseDatabaseUrl('sqlite:')).toThrow(/needs a file path/);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^PORT: /);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(/^PUBLIC_URL: /);
    expect(() => loadConfig({ ADMIN_EMAIL: 'boss@example.com' })).toThrow(
      'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
    );
    expect(() => loadConfig({ ADMIN_EMAIL: 'boss@example.com', ADMIN_PASSWORD: 'short' })).toThrow(
      /^ADMIN_PASSWORD: /,
    );
  });

  it('takes the first admin from ADMIN_EMAIL and ADMIN_PASSWORD', () => {
    const config = loadConfig({ ADMIN_EMAIL: 'boss@example.com', ADMIN_PASSWORD: 'long enough secret' });
    expect(config.initialAdmin).toEqual({ email: 'boss@example.com', password: 'long enough secret' });
  });

  it('reads TRUST_PROXY: unset, true, a hop count, or a list of addresses and CIDR ranges', () => {
    const trustOf = (TRUST_PROXY?: string) =>
      loadConfig(TRUST_PROXY === undefined ? {} : { TRUST_PROXY }).trustProxy;
    expect(trustOf()).toBe(false);
    expect(trustOf('false')).toBe(false);
    expect(trustOf('0')).toBe(false);
    expect(trustOf('true')).toBe(true);
    expect(trustOf('2')).toEqual({ hops: 2 });
    expect(trustOf('10.0.0.1, 192.168.0.0/16,fd00::/8, ::1,loopback')).toEqual({
      addresses: ['10.0.0.1', '192.168.0.0/16', 'fd00::/8', '::1', 'loopback'],
    });
    expect(() => trustOf('10.0.0.0/33')).toThrow(
      new ConfigError(
        'TRUST_PROXY: "10.0.0.0/33" is not an address or CIDR range (give true, a hop count, or a comma list of addresses)',
      ),
    );
    expect(() => trustOf('proxy.internal')).toThrow(/^TRUST_PROXY: "proxy.internal" is not/);
    expect(() => trustOf('10.0.0.1,')).toThrow(/^TRUST_PROXY: "" is not/);
    expect(() => trustOf('99')).toThrow('TRUST_PROXY: a hop count must be at most 20');
  });
});
