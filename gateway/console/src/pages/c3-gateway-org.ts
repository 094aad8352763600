/**
 * The login page's line saying whose gateway this is. Each organisation runs its own gateway,
 * and a user's password is only known to their organisation's CA, so signing in at the wrong
 * one fails in a confusing way. No new route: the anonymous /openapi.json already names the
 * organisation in its title ("HealthLedger gateway (ProviderAMSP)"); until it answers, or if
 * it cannot, the line shows the host and port.
 */
import { isRecord } from '../api.js';
import type { Api } from '../contract.js';
import { h } from '../ui.js';

const NAMES: Readonly<Record<string, string>> = {
  ProviderAMSP: 'Provider A',
  ProviderBMSP: 'Provider B',
  InsurerMSP: 'Insurer',
  BoardMSP: 'Licensing board',
};

/** The MSP ID in the OpenAPI document's info.title, or undefined. */
function mspOf(document: unknown): string | undefined {
  const info = isRecord(document) ? document.info : undefined;
  const title = isRecord(info) && typeof info.title === 'string' ? info.title : '';
  return /\(([A-Za-z0-9.-]+)\)\s*$/.exec(title)?.[1];
}

export function gatewayOrgLine(api: Api): HTMLElement {
  const host = window.location.host;
  const line = h('p', { class: 'gateway-org' }, `Gateway at ${host}.`);
  void api
    .get('/openapi.json')
    .then((document) => {
      const msp = mspOf(document);
      if (msp === undefined) return;
      const name = NAMES[msp];
      line.replaceChildren(
        'This is the gateway of ',
        h('strong', {}, name === undefined ? msp : `${name} (${msp})`),
        `, at ${host}.`,
      );
      line.dataset.msp = msp;
    })
    .catch(() => undefined);
  return line;
}
