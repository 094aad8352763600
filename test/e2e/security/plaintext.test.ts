/**
 * No node speaks plain text. For every port of the network (each orderer's listen, admin and
 * operations port, each peer's listen, chaincode, operations and chaincode-server port, each
 * CA and its operations port, each gateway), a plain HTTP/1.1 request and a plain HTTP/2
 * (gRPC) preface get no answer other than a TLS failure or "use HTTPS", while a TLS handshake
 * with the organisation's CA succeeds on the same port, proving something listens there.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { NETWORK_HOME } from '../support/network';
import { count } from './support/refusals';

const repo = join(__dirname, '..', '..', '..', '..');
const netcfg = (...args: string[]) =>
  execFileSync(process.execPath, [join(repo, 'scripts', 'lib', 'netcfg.mjs'), ...args], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .map((line) => line.split(' '));

interface Port {
  readonly what: string;
  readonly org: string;
  readonly port: number;
}

/** Every port the network listens on, from the same description the scripts use. */
function ports(): Port[] {
  const out: Port[] = [];
  for (const [org = '', , name = '', kind, listen, ops, extra, ccServer] of netcfg('nodes')) {
    out.push({ what: `${org} ${name} listen`, org, port: Number(listen) });
    out.push({ what: `${org} ${name} operations`, org, port: Number(ops) });
    if (kind === 'orderer') out.push({ what: `${org} ${name} admin`, org, port: Number(extra) });
    else {
      out.push({ what: `${org} ${name} chaincode listener`, org, port: Number(extra) });
      out.push({ what: `${org} ${name} chaincode server`, org, port: Number(ccServer) });
    }
  }
  for (const [org = '', , , caPort, gatewayPort] of netcfg('orgs')) {
    out.push({ what: `${org} CA`, org, port: Number(caPort) });
    out.push({ what: `${org} CA operations`, org, port: Number(caPort) + 1000 });
    if (Number(gatewayPort) > 0)
      out.push({ what: `${org} gateway`, org, port: Number(gatewayPort) });
  }
  return out;
}

const HOST = '127.0.0.1';

/** What a server answers to BYTES sent in the clear, within two seconds (empty: nothing). */
function plainExchange(port: number, bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = tcpConnect({ host: HOST, port }, () => socket.write(bytes));
    const done = () => {
      socket.destroy();
      resolve(Buffer.concat(chunks));
    };
    socket.setTimeout(2_000, done);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', done);
    socket.on('error', done);
    socket.on('close', done);
  });
}

/** True when the port completes a TLS handshake, or fails one with a TLS alert (mutual TLS). */
function speaksTls(port: number, ca: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tlsConnect({ host: HOST, port, ca, rejectUnauthorized: false }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.setTimeout(3_000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      resolve(/SSL|TLS|alert|certificate/i.test(`${err.code} ${err.message}`));
    });
  });
}

const HTTP1 = Buffer.from(`GET /healthz HTTP/1.1\r\nHost: ${HOST}\r\nConnection: close\r\n\r\n`);
// The HTTP/2 connection preface and an empty SETTINGS frame: how every gRPC call begins.
const HTTP2 = Buffer.concat([
  Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'),
  Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0]),
]);

/** An answer in the clear that only says "not like this". */
function isRefusal(answer: Buffer): boolean {
  if (answer.length === 0) return true; // closed, reset or silent
  if (answer[0] === 0x15) return true; // a TLS alert record
  const text = answer.toString('latin1');
  return /^HTTP\/1\.[01] 400 /.test(text) && /HTTPS/i.test(text);
}

describe('plain-text connections to every node, on the real network', function () {
  this.timeout(300_000);
  const all = ports();

  it('covers orderers, peers, chaincode servers, CAs and gateways', () => {
    const text = all.map((p) => p.what).join('\n');
    for (const kind of [
      'orderer0 admin',
      'peer0 chaincode server',
      'CA operations',
      'gateway',
      'peer0 listen',
    ]) {
      assert.match(text, new RegExp(kind));
    }
  });

  for (const p of all) {
    it(`${p.what} (${p.port}): TLS only`, async () => {
      const ca = readFileSync(join(NETWORK_HOME, 'orgs', p.org, 'msp', 'tlscacerts', 'ca.pem'));
      const http1 = await plainExchange(p.port, HTTP1);
      const http2 = await plainExchange(p.port, HTTP2);
      const tls = await speaksTls(p.port, ca);
      const refused = isRefusal(http1) && isRefusal(http2);
      count('plain-text connections', refused ? 'refused' : 'ANSWERED IN CLEAR', refused && tls);
      assert.ok(
        isRefusal(http1),
        `plain HTTP/1.1 was answered: ${JSON.stringify(http1.toString('latin1').slice(0, 120))}`,
      );
      assert.ok(
        isRefusal(http2),
        `a plain HTTP/2 preface was answered: ${JSON.stringify(http2.toString('latin1').slice(0, 60))}`,
      );
      assert.ok(tls, 'the port speaks TLS');
    });
  }
});
