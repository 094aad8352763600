import assert from 'node:assert/strict';
import { FhirResourceSchema } from '../../../chaincode/src/records/fhir';
import { parse } from '../../../chaincode/src/shared/schema';
import {
  allergyIntolerance,
  condition,
  diagnosticReport,
  documentReference,
  type Json,
  medicationRequest,
  observation,
  without,
} from './samples';

/** The message a payload is refused with, or 'valid'. */
function verdict(payload: unknown): string {
  try {
    parse(FhirResourceSchema, payload, 'payload');
    return 'valid';
  } catch (err) {
    return (err as Error).message;
  }
}

function refusedAt(payload: unknown, field: string): void {
  const message = verdict(payload);
  assert.match(message, /^INVALID_ARGUMENT: /);
  assert.ok(message.includes(`payload.${field}:`), `expected payload.${field} in "${message}"`);
}

describe('FHIR resource validation', () => {
  describe('accepts', () => {
    const valid: [string, Json][] = [
      ['an Observation with a valueQuantity', observation()],
      [
        'an Observation with components only',
        without(
          {
            ...observation(),
            component: [{ code: { text: 'diastolic' }, valueQuantity: { value: 80 } }],
          },
          'valueQuantity',
        ),
      ],
      [
        'an Observation with a dataAbsentReason only',
        without(
          { ...observation(), dataAbsentReason: { text: 'patient refused' } },
          'valueQuantity',
        ),
      ],
      ['an Observation coded by text alone', observation({ code: { text: 'pulse' } })],
      ['a Condition', condition()],
      ['a Condition with only a code', { resourceType: 'Condition', code: { text: 'asthma' } }],
      ['a MedicationRequest by concept', medicationRequest()],
      [
        'a MedicationRequest by reference',
        without(
          { ...medicationRequest(), medicationReference: { reference: 'Medication/m1' } },
          'medicationCodeableConcept',
        ),
      ],
      ['an AllergyIntolerance', allergyIntolerance()],
      ['a DiagnosticReport', diagnosticReport()],
      ['a DocumentReference with inline data', documentReference()],
      [
        'a DocumentReference with a url',
        documentReference({
          content: [
            { attachment: { contentType: 'application/pdf', url: 'https://docs.example/1' } },
          ],
        }),
      ],
    ];
    for (const [name, payload] of valid) {
      it(name, () => assert.equal(verdict(payload), 'valid'));
    }

    it('keeps every element it does not check, as sent', () => {
      const sent = observation({
        id: 'obs-1',
        meta: { versionId: '3' },
        note: [{ text: ' as said ' }],
      });
      assert.deepEqual(parse(FhirResourceSchema, sent, 'payload'), sent);
    });
  });

  describe('refuses any resource type but the six', () => {
    for (const type of ['Patient', 'Encounter', 'observation', '']) {
      it(`resourceType "${type}", naming resourceType`, () => {
        refusedAt({ ...observation(), resourceType: type }, 'resourceType');
        assert.match(verdict({ resourceType: type }), /must be one of Observation, Condition/);
      });
    }
    it('a payload without resourceType', () =>
      refusedAt(without(observation(), 'resourceType'), 'resourceType'));
    it('a payload that is not an object', () =>
      assert.match(verdict('Observation'), /^INVALID_ARGUMENT: payload: /));
  });

  describe('Observation', () => {
    it('needs status', () => refusedAt(without(observation(), 'status'), 'status'));
    it('needs a status from the FHIR value set', () => {
      refusedAt(observation({ status: 'done' }), 'status');
      assert.match(
        verdict(observation({ status: 'done' })),
        /must be one of registered, preliminary/,
      );
    });
    it('needs code', () => {
      refusedAt(without(observation(), 'code'), 'code');
      assert.match(verdict(without(observation(), 'code')), /payload\.code: is required/);
    });
    it('needs a code with coding or text', () => refusedAt(observation({ code: {} }), 'code'));
    it('refuses an empty coding list without text', () =>
      refusedAt(observation({ code: { coding: [] } }), 'code'));
    it('refuses a blank code text', () =>
      refusedAt(observation({ code: { text: '  ' } }), 'code.text'));
    it('needs a value[x], component or dataAbsentReason', () => {
      refusedAt(without(observation(), 'valueQuantity'), 'value[x]');
    });
    it('refuses two value[x] elements', () =>
      refusedAt(observation({ valueString: 'high' }), 'value[x]'));
    it('refuses a dataAbsentReason beside a value (obs-6)', () => {
      refusedAt(observation({ dataAbsentReason: { text: 'error' } }), 'dataAbsentReason');
    });
    it('checks the code of each component', () => {
      const payload = without(
        { ...observation(), component: [{ valueQuantity: { value: 1 } }] },
        'valueQuantity',
      );
      refusedAt(payload, 'component.0.code');
    });
    it('checks a subject reference when present', () =>
      refusedAt(observation({ subject: {} }), 'subject'));
  });

  describe('Condition', () => {
    it('needs code', () => refusedAt(without(condition(), 'code'), 'code'));
    it('checks clinicalStatus when present', () =>
      refusedAt(condition({ clinicalStatus: 'active' }), 'clinicalStatus'));
    it('checks verificationStatus when present', () =>
      refusedAt(condition({ verificationStatus: {} }), 'verificationStatus'));
  });

  describe('MedicationRequest', () => {
    it('needs status', () => refusedAt(without(medicationRequest(), 'status'), 'status'));
    it('needs a status from the value set', () =>
      refusedAt(medicationRequest({ status: 'final' }), 'status'));
    it('needs intent', () => refusedAt(without(medicationRequest(), 'intent'), 'intent'));
    it('needs an intent from the value set', () =>
      refusedAt(medicationRequest({ intent: 'wish' }), 'intent'));
    it('needs a medication', () =>
      refusedAt(without(medicationRequest(), 'medicationCodeableConcept'), 'medication[x]'));
    it('refuses both medication forms at once', () => {
      refusedAt(
        medicationRequest({ medicationReference: { reference: 'Medication/m1' } }),
        'medication[x]',
      );
    });
    it('checks the medication concept', () =>
      refusedAt(medicationRequest({ medicationCodeableConcept: {} }), 'medicationCodeableConcept'));
  });

  describe('AllergyIntolerance', () => {
    it('needs code', () => refusedAt(without(allergyIntolerance(), 'code'), 'code'));
    it('checks the patient reference when present', () =>
      refusedAt(allergyIntolerance({ patient: 'Patient/1' }), 'patient'));
  });

  describe('DiagnosticReport', () => {
    it('needs status', () => refusedAt(without(diagnosticReport(), 'status'), 'status'));
    it('needs a status from the value set', () =>
      refusedAt(diagnosticReport({ status: 'current' }), 'status'));
    it('needs code', () => refusedAt(without(diagnosticReport(), 'code'), 'code'));
  });

  describe('DocumentReference', () => {
    it('needs status', () => refusedAt(without(documentReference(), 'status'), 'status'));
    it('needs a status from the value set', () =>
      refusedAt(documentReference({ status: 'final' }), 'status'));
    it('needs content', () => refusedAt(without(documentReference(), 'content'), 'content'));
    it('needs at least one content item', () =>
      refusedAt(documentReference({ content: [] }), 'content'));
    it('needs an attachment', () =>
      refusedAt(documentReference({ content: [{}] }), 'content.0.attachment'));
    it('needs the attachment contentType', () => {
      refusedAt(
        documentReference({ content: [{ attachment: { data: 'aGk=' } }] }),
        'content.0.attachment.contentType',
      );
    });
    it('needs the attachment data or url', () => {
      refusedAt(
        documentReference({ content: [{ attachment: { contentType: 'text/plain' } }] }),
        'content.0.attachment',
      );
    });
    it('needs the data in base64', () => {
      refusedAt(
        documentReference({
          content: [{ attachment: { contentType: 'text/plain', data: 'not base64!' } }],
        }),
        'content.0.attachment.data',
      );
    });
  });
});
