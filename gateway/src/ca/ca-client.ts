/**
 * The organisation's Fabric CA over its REST API: enrol a user (a key generated here, in
 * memory, and a CSR) and register a user with attributes (as the CA's registrar, with the
 * CA's signed-token authorisation).
 */
import { createHash, type KeyObject } from 'node:crypto';
import { signers } from '@hyperledger/fabric-gateway';
import { z } from 'zod';
import type { Credentials } from '../wallet/wallet';
import { newKeyAndCsr } from './csr';
import { CaError } from './errors';
import { httpsJson, type JsonResponse } from './https-json';

export interface Registration {
  readonly id: string;
  /** Chosen by the CA when absent. */
  readonly secret?: string;
  /** Attributes put into every enrolment certificate of the identity. */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface CaClient {
  enroll(enrollmentId: string, secret: string): Promise<Credentials>;
  /** Returns the enrolment secret. */
  register(registration: Registration): Promise<string>;
}

export interface Registrar {
  readonly certificate: string;
  readonly privateKey: KeyObject;
}

export interface CaClientOptions {
  readonly url: string;
  readonly caName: string;
  readonly tlsRootCert: Buffer;
  readonly registrar: Registrar;
  readonly timeoutMs?: number;
}

const ResponseSchema = z.object({
  success: z.boolean(),
  result: z.unknown(),
  errors: z.array(z.object({ code: z.number().optional(), message: z.string() })).default([]),
});
const EnrollResult = z.object({ Cert: z.string().min(1) });
const RegisterResult = z.object({ secret: z.string().min(1) });

export function newCaClient(options: Readonly<CaClientOptions>): CaClient {
  // The registrar's token signs the exact bytes sent, so the body is serialised once.
  const post = async (path: string, body: object, authorize: (text: string) => Promise<string>) => {
    const text = JSON.stringify({ ...body, caname: options.caName });
    const authorization = await authorize(text);
    try {
      return await httpsJson({
        url: new URL(path, options.url),
        method: 'POST',
        headers: { authorization },
        body: text,
        tlsRootCert: options.tlsRootCert,
        timeoutMs: options.timeoutMs ?? 10_000,
      });
    } catch (err) {
      throw new CaError('unreachable', 'the certificate authority is unreachable', [String(err)]);
    }
  };

  return {
    async enroll(enrollmentId, secret) {
      const { privateKey, csrPem } = await newKeyAndCsr(enrollmentId);
      const basic = Buffer.from(`${enrollmentId}:${secret}`).toString('base64');
      const res = await post(
        '/api/v1/enroll',
        { certificate_request: csrPem },
        async () => `Basic ${basic}`,
      );
      const result = EnrollResult.parse(successOf(res, 'enrolment'));
      return {
        certificate: Buffer.from(result.Cert, 'base64').toString('utf8'),
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      };
    },

    async register(registration) {
      const body = {
        id: registration.id,
        type: 'client',
        secret: registration.secret,
        max_enrollments: -1,
        attrs: Object.entries(registration.attributes).map(([name, value]) => ({
          name,
          value,
          ecert: true,
        })),
      };
      const path = '/api/v1/register';
      const res = await post(path, body, (text) =>
        registrarToken(options.registrar, 'POST', path, text),
      );
      return RegisterResult.parse(successOf(res, 'registration')).secret;
    },
  };
}

/** The CA's own token: the registrar's certificate and its low-S ECDSA signature over the request. */
async function registrarToken(
  registrar: Registrar,
  method: string,
  path: string,
  body: string,
): Promise<string> {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const cert = b64(registrar.certificate);
  const signed = `${method}.${b64(path)}.${b64(body)}.${cert}`;
  const digest = createHash('sha256').update(signed).digest();
  const signature = await signers.newPrivateKeySigner(registrar.privateKey)(digest);
  return `${cert}.${Buffer.from(signature).toString('base64')}`;
}

function successOf(res: JsonResponse, what: string): unknown {
  const parsed = ResponseSchema.safeParse(res.body);
  const messages = parsed.success
    ? parsed.data.errors.map((e) => `${e.code ?? ''} ${e.message}`)
    : [];
  if (parsed.success && parsed.data.success && res.status < 300) return parsed.data.result;
  if (res.status === 401 || messages.some((m) => /authentication failure/i.test(m))) {
    throw new CaError('unauthorized', 'unknown enrolment ID or wrong password', messages);
  }
  if (messages.some((m) => /already registered/i.test(m))) {
    throw new CaError('conflict', 'an identity with this enrolment ID exists already', messages);
  }
  throw new CaError('rejected', `the certificate authority refused the ${what}`, messages);
}
