/** One JSON request over HTTPS to a server whose TLS root the caller names (the org's CA). */
import { request } from 'node:https';

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface JsonRequest {
  readonly url: URL;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly tlsRootCert: Buffer;
  readonly timeoutMs: number;
}

const MAX_RESPONSE_BYTES = 1024 * 1024;

export function httpsJson(req: JsonRequest): Promise<JsonResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      req.url,
      {
        method: req.method,
        ca: req.tlsRootCert,
        timeout: req.timeoutMs,
        headers: { ...req.headers, 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) res.destroy(new Error('response too large'));
          else chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: text === '' ? null : JSON.parse(text) });
          } catch {
            resolve({ status: res.statusCode ?? 0, body: text });
          }
        });
      },
    );
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`no answer within ${req.timeoutMs} ms`)),
    );
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}
