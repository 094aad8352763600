/**
 * What arrives before any schema runs: bodies that are not JSON, not UTF-8, not objects or too
 * large; bearer tokens that are garbage, tampered with, expired, of another organisation or
 * signed with another secret. Each is a clear 4xx (400, 401, 413, 415) and reaches nothing.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { newTokenService } from '../../../gateway/src/auth/token';
import { assertClearRefusal, assertNot5xx, brief } from './support/answers';
import { MSP, PropertyGateway, USERS } from './support/harness';
import { propertyRuns } from './support/runs';

const ACCESS = '/records/rec-abc123/access';

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 200,
});

describe('the wire: bodies and tokens before any schema', function () {
  this.timeout(60_000);
  const gw = new PropertyGateway();
  before(() => gw.start());
  after(() => gw.stop('bodies and tokens on the wire'));

  describe('bodies', () => {
    it('text that is not JSON is a 400 naming the body', async () => {
      const broken = fc.oneof(
        fc.constantFrom(
          '{',
          '{"purpose":}',
          "{'purpose':'treatment'}",
          '{"purpose":"treatment",}',
          '[1,2',
          'NaN',
          '\u0000',
          '{"a":1}{"b":2}',
          '{"purpose":"treatment"',
        ),
        fc.string({ minLength: 1, maxLength: 100 }).filter((t) => {
          try {
            JSON.parse(t);
            return false;
          } catch {
            return true;
          }
        }),
      );
      await fc.assert(
        fc.asyncProperty(broken, async (text) => {
          gw.reset();
          const answer = await gw.send('post', ACCESS, { user: USERS.physician, text });
          assertNot5xx(answer, brief(text));
          if (text.trim() === '') return; // an empty body is no body
          const refusal = assertClearRefusal(answer, brief(text));
          assert.equal(answer.status, 400);
          assert.equal(refusal.error.field, 'body');
          assert.equal(gw.calls.length, 0);
        }),
        { numRuns: propertyRuns(40) },
      );
    });

    it('JSON that is not an object (a number, a string, null, true) is a 400 naming the body', async () => {
      for (const text of ['1', '"treatment"', 'null', 'true', '-0', '1e400']) {
        gw.reset();
        const answer = await gw.send('post', ACCESS, { user: USERS.physician, text });
        assert.equal(assertClearRefusal(answer, text).error.field, 'body', text);
        assert.equal(gw.calls.length, 0);
      }
    });

    it('a body in another charset is a 415; one sent as text/plain is a 400', async () => {
      const latin1 = await gw.send('post', ACCESS, {
        user: USERS.physician,
        text: '{"purpose":"treatment"}',
        contentType: 'application/json; charset=latin1',
      });
      assert.equal(assertClearRefusal(latin1, 'latin1').error.code, 'UNSUPPORTED_MEDIA_TYPE');
      assert.equal(latin1.status, 415);
      const plain = await gw.send('post', ACCESS, {
        user: USERS.physician,
        text: '{"purpose":"treatment"}',
        contentType: 'text/plain',
      });
      assert.equal(assertClearRefusal(plain, 'text/plain').error.field, 'body');
      assert.equal(gw.calls.length, 0);
    });

    it('a body one byte over the limit is a 413, one at the limit is read and judged', async () => {
      const small = new PropertyGateway(1_000);
      await small.start();
      try {
        const body = (n: number) => {
          const head = '{"purpose":"treatment","pad":"';
          return `${head}${'x'.repeat(n - head.length - 2)}"}`;
        };
        const over = await small.send('post', ACCESS, { user: USERS.physician, text: body(1_001) });
        assert.equal(over.status, 413);
        assert.equal(assertClearRefusal(over, 'over').error.code, 'PAYLOAD_TOO_LARGE');
        const at = await small.send('post', ACCESS, { user: USERS.physician, text: body(1_000) });
        assert.equal(assertClearRefusal(at, 'at').error.field, 'pad');
        assert.equal(small.calls.length, 0);
      } finally {
        await small.stop('a 1,000-byte body limit');
      }
    });

    it('a URL longer than any header allows is refused with a 4xx, and the gateway goes on', async () => {
      const answer = await gw.send('get', `/patients/pat-${'a'.repeat(40_000)}`, {
        user: USERS.physician,
      });
      assert.ok(answer.status >= 400 && answer.status < 500, String(answer.status));
      const after = await gw.send('get', '/me', { user: USERS.physician });
      assert.equal(after.status, 200);
    });
  });

  describe('tokens', () => {
    it('any Authorization header that is not a token of this gateway is a 401', async () => {
      const header = fc.oneof(
        printable,
        printable.map((t) => `Bearer ${t}`),
        fc.constantFrom(
          'Bearer',
          'Bearer ',
          'bearer v1.a.b',
          'Basic YWRtaW46YWRtaW4=',
          'Bearer v1..',
          'Bearer v1.e30.',
          'Bearer v2.e30.AAAA',
          'Bearer v1.a.b.c',
        ),
      );
      await fc.assert(
        fc.asyncProperty(header, async (authorization) => {
          gw.reset();
          const answer = await gw.send('post', ACCESS, {
            authorization,
            text: '{"purpose":"treatment"}',
          });
          const refusal = assertClearRefusal(answer, authorization);
          assert.equal(answer.status, 401, authorization);
          assert.equal(refusal.error.code, 'UNAUTHENTICATED');
          assert.equal(gw.calls.length, 0);
        }),
        { numRuns: propertyRuns(60) },
      );
    });

    it('a token with any one character changed is a 401, unless the change decodes to the same bytes', async () => {
      const token = gw.tokens.issue(USERS.physician).token;
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: token.length - 1 }),
          fc.constantFrom(...alphabet),
          async (at, c) => {
            if (token[at] === '.' || token[at] === c) return;
            const tampered = `${token.slice(0, at)}${c}${token.slice(at + 1)}`;
            const same = tampered
              .split('.')
              .every((part, i) =>
                Buffer.from(part, 'base64url').equals(
                  Buffer.from(token.split('.')[i] ?? '', 'base64url'),
                ),
              );
            gw.reset();
            const answer = await gw.send('get', '/me', { authorization: `Bearer ${tampered}` });
            if (same && tampered.startsWith('v1.')) {
              assert.equal(answer.status, 200, 'the same bytes are the same token');
              return;
            }
            assert.equal(answer.status, 401, `${tampered}: ${answer.text}`);
            assertClearRefusal(answer, tampered);
          },
        ),
        { numRuns: propertyRuns(80) },
      );
    });

    it('a token that claims another role, with the signature of the original, is a 401', async () => {
      const [version, payload, signature] = gw.tokens.issue(USERS.physician).token.split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
      const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString(
        'base64url',
      );
      const answer = await gw.send('post', '/admin/users', {
        authorization: `Bearer ${version}.${forged}.${signature}`,
        text: '{"enrollmentId":"x1","role":"registrar"}',
      });
      assert.equal(answer.status, 401);
      assert.equal(gw.register.callCount, 0);
    });

    it('expired, foreign-organisation and foreign-secret tokens are 401s that say why', async () => {
      const secret = 'property-test-secret-0123456789abcdef';
      const cases = [
        {
          why: /expired/,
          mspId: MSP,
          token: newTokenService({
            secret,
            mspId: MSP,
            ttlSeconds: 60,
            now: () => Date.now() - 61_000,
          }),
        },
        {
          why: /another organisation/,
          mspId: 'ProviderBMSP',
          token: newTokenService({ secret, mspId: 'ProviderBMSP', ttlSeconds: 900 }),
        },
        {
          why: /signature/,
          mspId: MSP,
          token: newTokenService({ secret: `${secret}-other`, mspId: MSP, ttlSeconds: 900 }),
        },
      ];
      for (const c of cases) {
        gw.reset();
        const issued = c.token.issue({ ...USERS.physician, mspId: c.mspId }).token;
        const answer = await gw.send('get', '/me', { authorization: `Bearer ${issued}` });
        const refusal = assertClearRefusal(answer, String(c.why));
        assert.equal(answer.status, 401);
        assert.match(refusal.error.message, c.why);
      }
    });
  });
});
