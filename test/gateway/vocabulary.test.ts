/**
 * The public reason codes are declared once per package: the chaincode's list decides, the
 * gateway's refuses early with the same words, the console's offers them. Three packages
 * cannot share a module, so this holds the copies equal.
 */
import assert from 'node:assert/strict';
import { EMERGENCY_REASONS as CHAINCODE_EMERGENCY } from '../../chaincode/src/consent/emergency-reasons';
import { LICENCE_REASONS as CHAINCODE_LICENCE } from '../../chaincode/src/credentials/licence-reasons';
import { EMERGENCY_REASONS as GATEWAY_EMERGENCY } from '../../gateway/src/consent/schemas';
import { LICENCE_REASONS as GATEWAY_LICENCE } from '../../gateway/src/credentials/schemas';
import {
  EMERGENCY_REASON_LABELS,
  LICENCE_REASON_LABELS,
} from '../../gateway/console/src/reason-codes';

describe('public reason codes', () => {
  it("the gateway's emergency reasons are the chaincode's, in order", () => {
    assert.deepEqual(GATEWAY_EMERGENCY, CHAINCODE_EMERGENCY);
  });

  it("the gateway's licence reasons are the chaincode's, in order", () => {
    assert.deepEqual(GATEWAY_LICENCE, CHAINCODE_LICENCE);
  });

  it('the console offers exactly those codes, each with words of its own', () => {
    assert.deepEqual(
      EMERGENCY_REASON_LABELS.map(([code]) => code),
      [...CHAINCODE_EMERGENCY],
    );
    assert.deepEqual(
      LICENCE_REASON_LABELS.map(([code]) => code),
      [...CHAINCODE_LICENCE],
    );
    for (const [code, label] of [...EMERGENCY_REASON_LABELS, ...LICENCE_REASON_LABELS]) {
      assert.ok(label.length > 0 && label !== code, code);
    }
  });
});
