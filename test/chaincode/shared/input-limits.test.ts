/** Input the contracts never get to see: too deep, the wrong number of arguments, wrong FHIR types. */
import assert from 'node:assert/strict';
import { z } from 'zod';
import '../../../chaincode/src/shared/argument-count';
import { FhirResourceSchema } from '../../../chaincode/src/records/fhir';
import { MAX_JSON_DEPTH, parseJson } from '../../../chaincode/src/shared/schema';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const DataMarshall = require('fabric-shim/lib/contract-spi/datamarshall');

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

describe('parseJson', () => {
  it(`accepts JSON nested ${MAX_JSON_DEPTH} deep`, () => {
    assert.deepEqual(parseJson(z.unknown(), `{"a":${nested(MAX_JSON_DEPTH - 1)}}`, 'payload'), {
      a: JSON.parse(nested(MAX_JSON_DEPTH - 1)),
    });
  });

  it('refuses JSON nested 5,000 deep with INVALID_ARGUMENT naming the field', () => {
    assert.throws(
      () => parseJson(z.unknown(), `{"a":${nested(5000)}}`, 'transient.payload'),
      /^ChaincodeError: INVALID_ARGUMENT: transient.payload: is nested deeper than 64 levels$/,
    );
  });

  it('does not count brackets inside strings', () => {
    const text = JSON.stringify({ note: '['.repeat(500) });
    assert.deepEqual(parseJson(z.unknown(), text, 'payload'), { note: '['.repeat(500) });
  });
});

describe('the number of transaction arguments', () => {
  it('is refused with INVALID_ARGUMENT when it differs from the declaration', () => {
    const marshall = Object.create(DataMarshall.prototype);
    assert.throws(
      () => marshall.handleParameters({ parameters: [{ name: 'patientId' }] }, [], 'tx'),
      /INVALID_ARGUMENT: arguments: expected 1, got 0/,
    );
  });
});

describe('an Observation value[x]', () => {
  const observation = {
    resourceType: 'Observation',
    status: 'final',
    code: { text: 'Glucose' },
  };

  it('refuses a valueQuantity that is a string', () => {
    const result = FhirResourceSchema.safeParse({ ...observation, valueQuantity: 'high' });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues[0]?.path, ['valueQuantity']);
  });

  it('accepts a valueQuantity with a number and a unit', () => {
    const result = FhirResourceSchema.safeParse({
      ...observation,
      valueQuantity: { value: 5.4, unit: 'mmol/L' },
    });
    assert.equal(result.success, true);
  });
});
