/** Configuration: typed from the environment, every problem named at start-up. */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, readConfig } from '../../gateway/src/config';

describe('readConfig', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gwconfig-'));
    const file = (name: string, text = 'x', mode = 0o644) => {
      writeFileSync(join(dir, name), text);
      chmodSync(join(dir, name), mode);
      return join(dir, name);
    };
    mkdirSync(join(dir, 'registrar'));
    env = {
      HEALTHLEDGER_ORG: 'providera',
      HEALTHLEDGER_MSP_ID: 'ProviderAMSP',
      HEALTHLEDGER_GATEWAY_PORT: '8441',
      HEALTHLEDGER_GATEWAY_TLS_CERT: file('tls.crt'),
      HEALTHLEDGER_GATEWAY_TLS_KEY: file('tls.key'),
      HEALTHLEDGER_GATEWAY_SECRET_FILE: file('secret', 'a-secret-of-24-characters', 0o600),
      HEALTHLEDGER_WALLET_DIR: join(dir, 'wallet'),
      HEALTHLEDGER_PEER_ENDPOINT: '127.0.0.1:7150',
      HEALTHLEDGER_PEER_TLS_ROOT_CERT: file('peer-ca.pem'),
      HEALTHLEDGER_CA_URL: 'https://127.0.0.1:7159',
      HEALTHLEDGER_CA_NAME: 'ca-providera',
      HEALTHLEDGER_CA_TLS_ROOT_CERT: file('ca.pem'),
      HEALTHLEDGER_CA_REGISTRAR_MSP: join(dir, 'registrar'),
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function problemsOf(e: NodeJS.ProcessEnv): readonly string[] {
    try {
      readConfig(e);
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
    return [];
  }

  it('reads a complete environment, with defaults for the rest', () => {
    const config = readConfig(env);
    assert.equal(config.mspId, 'ProviderAMSP');
    assert.deepEqual(config.listen, { host: '127.0.0.1', port: 8441 });
    assert.equal(config.channel, 'health');
    assert.equal(config.chaincode, 'healthledger');
    assert.equal(config.secret, 'a-secret-of-24-characters');
    assert.equal(config.tokenTtlSeconds, 900);
    assert.equal(config.bodyLimitBytes, 256 * 1024);
    assert.equal(config.deadlines.endorseMs, 15_000);
    assert.equal(config.identityMspDir, undefined);
    assert.deepEqual(config.admission, { maxActive: 192, maxQueued: 4096, queueMs: 15_000 });
  });

  it('reads the admission limits, and names a limit out of range', () => {
    const given = readConfig({
      ...env,
      HEALTHLEDGER_MAX_ACTIVE_REQUESTS: '8',
      HEALTHLEDGER_MAX_QUEUED_REQUESTS: '0',
      HEALTHLEDGER_QUEUE_TIMEOUT_MS: '500',
    });
    assert.deepEqual(given.admission, { maxActive: 8, maxQueued: 0, queueMs: 500 });
    assert.match(
      problemsOf({ ...env, HEALTHLEDGER_MAX_ACTIVE_REQUESTS: '0' }).join('\n'),
      /HEALTHLEDGER_MAX_ACTIVE_REQUESTS: /,
    );
  });

  it("takes the gateway's own MSP folder (for the commit stream) when given, and checks it", () => {
    const given = readConfig({ ...env, HEALTHLEDGER_GATEWAY_MSP: join(dir, 'registrar') });
    assert.equal(given.identityMspDir, join(dir, 'registrar'));
    assert.equal(readConfig({ ...env, HEALTHLEDGER_GATEWAY_MSP: '' }).identityMspDir, undefined);
    assert.match(
      problemsOf({ ...env, HEALTHLEDGER_GATEWAY_MSP: join(dir, 'nowhere') }).join('\n'),
      /HEALTHLEDGER_GATEWAY_MSP: /,
    );
  });

  it('names every missing variable at once', () => {
    const problems = problemsOf({
      ...env,
      HEALTHLEDGER_MSP_ID: '',
      HEALTHLEDGER_CA_URL: undefined,
    });
    assert.deepEqual(problems, [
      'HEALTHLEDGER_MSP_ID: is required',
      'HEALTHLEDGER_CA_URL: is required',
    ]);
  });

  it('names bad values: port, URL, missing file, level', () => {
    const problems = problemsOf({
      ...env,
      HEALTHLEDGER_GATEWAY_PORT: '99999',
      HEALTHLEDGER_CA_URL: 'http://127.0.0.1:7159',
      HEALTHLEDGER_PEER_TLS_ROOT_CERT: join(dir, 'missing.pem'),
      HEALTHLEDGER_LOG_LEVEL: 'loud',
    });
    assert.equal(problems.length, 4);
    assert.match(
      problems.join('\n'),
      /HEALTHLEDGER_GATEWAY_PORT: "99999" must be a whole number from 1 to 65535/,
    );
    assert.match(problems.join('\n'), /HEALTHLEDGER_CA_URL/);
    assert.match(problems.join('\n'), /HEALTHLEDGER_PEER_TLS_ROOT_CERT: no file at/);
    assert.match(problems.join('\n'), /HEALTHLEDGER_LOG_LEVEL/);
  });

  it('refuses a secret file others can read, or a short secret', () => {
    const secret = String(env.HEALTHLEDGER_GATEWAY_SECRET_FILE);
    chmodSync(secret, 0o644);
    writeFileSync(secret, 'short');
    const problems = problemsOf(env);
    assert.equal(problems.length, 2);
    assert.match(problems.join('\n'), /at least 16 characters/);
    assert.match(problems.join('\n'), /chmod 600/);
  });
});
