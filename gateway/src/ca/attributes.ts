/**
 * The attributes the Fabric CA puts in an enrolment certificate (role, patientId,
 * practitionerId): a JSON document in the extension 1.2.3.4.5.6.7.8.1, which Node's
 * X509Certificate does not expose, so it is read from the certificate's DER here.
 */
import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { objectIdentifier, readTlv } from './der';

const FABRIC_ATTRIBUTES = objectIdentifier('1.2.3.4.5.6.7.8.1');
const BOOLEAN = 0x01;
const OCTET_STRING = 0x04;

const AttributesSchema = z.object({ attrs: z.record(z.string(), z.string()) });

/** The certificate's attributes; empty when it has none. */
export function certificateAttributes(certificatePem: string): Readonly<Record<string, string>> {
  const der = new X509Certificate(certificatePem).raw;
  const at = der.indexOf(FABRIC_ATTRIBUTES);
  if (at < 0) return {};
  let next = readTlv(der, at + FABRIC_ATTRIBUTES.length);
  if (next?.tag === BOOLEAN) next = readTlv(der, next.end);
  if (next?.tag !== OCTET_STRING) return {};
  const parsed = AttributesSchema.safeParse(JSON.parse(next.value.toString('utf8')));
  return parsed.success ? parsed.data.attrs : {};
}
