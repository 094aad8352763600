/**
 * The consent contract: patients grant, revoke and list consent and read who accessed their
 * data; physicians declare emergency ("break the glass") access. Thin transactions: check the
 * caller, validate, write through the ledger. The decision itself lives in decision.ts and is
 * asked by the other contracts through access.ts.
 */
import { Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { requireActiveCredential } from '../credentials/enforce';
import { LicenceType } from '../credentials/state';
import { isAttested, putAttested } from '../shared/attestation';
import { attestedConsents, attestedEmergencies, attestedTrail } from './access';
import { HealthContext } from '../shared/context';
import { conflict, invalidArgument, notFound } from '../shared/errors';
import { EventName } from '../shared/events';
import { requireCustodianPeer } from '../records/custodian';
import { requirePatientSelf } from '../records/patient-caller';
import { findPatient } from '../records/store';
import { requireMsp, requirePractitionerId, requireRole } from '../shared/identity';
import { canonicalJson } from '../shared/json';
import { PROVIDER_MSPS } from '../shared/names';
import { Role } from '../shared/roles';
import { Id, PageSizeSchema, parse, parseJson } from '../shared/schema';
import {
  AccessEntrySchema,
  type Consent,
  consentKey,
  ConsentRequestSchema,
  ConsentSchema,
  ConsentStatus,
  type EmergencyAccess,
  emergencyExpiry,
  emergencyKey,
  ObjectType,
} from './state';
import { EmergencyReasonSchema } from './emergency-reasons';
import { transientNote } from '../shared/private-note';
import { emergencyNoteOf, keepEmergencyNote } from './emergency-notes';

@Info({ title: 'consent', description: 'Patient consent, emergency access and the access trail' })
export class ConsentContract extends Contract {
  constructor() {
    super('consent');
  }

  override createContext(): HealthContext {
    return new HealthContext();
  }

  /** requestJson: {patientId, grantee, scope, purpose, validFrom, validTo}. Returns the Consent. */
  @Transaction()
  @Returns('string')
  async grantConsent(ctx: HealthContext, requestJson: string): Promise<string> {
    requireRole(ctx.caller, Role.Patient);
    const request = parseJson(ConsentRequestSchema, requestJson, 'request');
    await requirePatientSelf(ctx, request.patientId);
    const now = ctx.ledger.txTime();
    if (Date.parse(request.validTo) <= Date.parse(now)) {
      throw invalidArgument('request.validTo', 'must be after the transaction time');
    }
    const consent: Consent = {
      ...request,
      consentId: ctx.ledger.txId(),
      status: ConsentStatus.Active,
      grantedAt: now,
      grantedBy: ctx.caller.id,
    };
    // Attested by the patient's registering provider (the caller's organisation, checked
    // above): its peer must endorse, and only an attested consent counts (consent/access.ts).
    const key = consentKey(ctx.ledger, consent.patientId, consent.consentId);
    await putAttested(ctx.ledger, ctx.caller.mspId, key, consent);
    ctx.ledger.emit(
      EventName.ConsentGranted,
      { consentId: consent.consentId, patientId: consent.patientId },
      [ctx.caller.mspId, consent.grantee.mspId],
    );
    return canonicalJson(consent);
  }

  /** Effective from the next transaction on: reads already endorsed are not undone. */
  @Transaction()
  @Returns('string')
  async revokeConsent(ctx: HealthContext, patientId: string, consentId: string): Promise<string> {
    await requirePatientSelf(ctx, patientId);
    const key = consentKey(ctx.ledger, patientId, parse(Id, consentId, 'consentId'));
    const consent = await ctx.ledger.get(ConsentSchema, key);
    // Only a consent its registering provider (the caller's, checked above) attested: a forged
    // one is none, and revoking it must not give it that provider's attestation.
    if (consent === undefined || !(await isAttested(ctx.ledger, ctx.caller.mspId, key))) {
      throw notFound(`consent ${consentId}`);
    }
    if (consent.status === ConsentStatus.Revoked) {
      throw conflict(`consent ${consentId} is already revoked`);
    }
    const revoked: Consent = {
      ...consent,
      status: ConsentStatus.Revoked,
      revokedAt: ctx.ledger.txTime(),
    };
    await putAttested(ctx.ledger, ctx.caller.mspId, key, revoked);
    ctx.ledger.emit(EventName.ConsentRevoked, { consentId, patientId }, [
      ctx.caller.mspId,
      consent.grantee.mspId,
    ]);
    return canonicalJson(revoked);
  }

  /** The patient themself, or a provider's registrar at the front desk. */
  @Transaction(false)
  @Returns('string')
  async listConsents(ctx: HealthContext, patientId: string): Promise<string> {
    const role = requireRole(ctx.caller, Role.Patient, Role.Registrar);
    const id = parse(Id, patientId, 'patientId');
    if (role === Role.Patient) {
      await requirePatientSelf(ctx, id);
    } else {
      // The front desk of the provider that registered the patient, not any provider's.
      requireMsp(ctx.caller, (await findPatient(ctx.ledger, id)).registeredBy);
    }
    // Only consents the registering provider attested: a forged key is no consent of theirs.
    return canonicalJson(await attestedConsents(ctx, id));
  }

  /**
   * Break the glass: a provider's physician gets treatment access to every category of the
   * patient's records for EMERGENCY_WINDOW_MINUTES. The reason is a code (emergency-reasons.ts)
   * on the public ledger; an optional free-text note (transient: payload {note}, salt) is kept
   * only in the registering provider's implicit collection, never in state, event or answer.
   * The EmergencyAccess event tells the patient. Endorsed on the peer of the patient's
   * registering provider, which attests it: only an attested emergency access opens anything
   * (consent/access.ts).
   */
  @Transaction()
  @Returns('string')
  async declareEmergencyAccess(
    ctx: HealthContext,
    patientId: string,
    reason: string,
  ): Promise<string> {
    requireRole(ctx.caller, Role.Physician);
    requireMsp(ctx.caller, ...PROVIDER_MSPS);
    const practitionerId = requirePractitionerId(ctx.caller);
    const id = parse(Id, patientId, 'patientId');
    const code = parse(EmergencyReasonSchema, reason, 'reason');
    const note = transientNote(ctx.ledger);
    // Before anything is read or written, so a suspended or revoked physician cannot break the glass.
    await requireActiveCredential(ctx, { practitionerId, mspId: ctx.caller.mspId }, [
      LicenceType.Physician,
    ]);
    const patient = await findPatient(ctx.ledger, id);
    requireCustodianPeer(ctx.ledger, patient.registeredBy, `patient ${id}`);
    const grantedAt = ctx.ledger.txTime();
    const access: EmergencyAccess = {
      accessId: ctx.ledger.txId(),
      patientId: id,
      practitionerId,
      mspId: ctx.caller.mspId,
      reason: code,
      grantedAt,
      expiresAt: emergencyExpiry(grantedAt),
    };
    await putAttested(ctx.ledger, patient.registeredBy, emergencyKey(ctx.ledger, access), access);
    if (note !== undefined) {
      await keepEmergencyNote(ctx.ledger, patient.registeredBy, access.accessId, note);
    }
    ctx.ledger.emit(
      EventName.EmergencyAccess,
      { accessId: access.accessId, patientId: id, mspId: access.mspId, practitionerId },
      [access.mspId, patient.registeredBy],
    );
    return canonicalJson(access);
  }

  /** The patient: the private note of an emergency access declared on them. Evaluated on the
   * peer of their registering provider, the only one that holds it. Returns {accessId,
   * patientId, reason, note}. */
  @Transaction(false)
  @Returns('string')
  async emergencyNote(ctx: HealthContext, patientId: string, accessId: string): Promise<string> {
    await requirePatientSelf(ctx, patientId);
    const id = parse(Id, patientId, 'patientId');
    const access = parse(Id, accessId, 'accessId');
    const patient = await findPatient(ctx.ledger, id);
    requireCustodianPeer(
      ctx.ledger,
      patient.registeredBy,
      `the note of an emergency access to patient ${id}`,
    );
    const declared = (await attestedEmergencies(ctx, id)).find((e) => e.accessId === access);
    if (declared === undefined) throw notFound(`emergency access ${access} to patient ${id}`);
    const kept = await emergencyNoteOf(ctx.ledger, patient.registeredBy, access);
    if (kept === undefined) throw notFound(`a note of emergency access ${access}`);
    return canonicalJson({
      accessId: access,
      patientId: id,
      reason: declared.reason,
      note: kept.note,
    });
  }

  /** Every emergency access declared on the patient, grouped by physician; for the patient. */
  @Transaction(false)
  @Returns('string')
  async listEmergencyAccesses(ctx: HealthContext, patientId: string): Promise<string> {
    await requirePatientSelf(ctx, patientId);
    return canonicalJson(await attestedEmergencies(ctx, patientId));
  }

  /** Every read of the patient's data, newest first: {items, bookmark}; '' bookmark = first page. */
  @Transaction(false)
  @Returns('string')
  async listAccessLog(
    ctx: HealthContext,
    patientId: string,
    pageSize: string,
    bookmark: string,
  ): Promise<string> {
    await requirePatientSelf(ctx, patientId);
    const size = parse(PageSizeSchema, pageSize, 'pageSize');
    const page = await ctx.ledger.page(
      AccessEntrySchema,
      size,
      bookmark,
      ObjectType.Access,
      patientId,
    );
    // A page may come back shorter than pageSize; its bookmark still continues the scan.
    return canonicalJson({ ...page, items: await attestedTrail(ctx, page.items) });
  }
}
