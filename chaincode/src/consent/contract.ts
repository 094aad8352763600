/**
 * The consent contract: patients grant, revoke and list consent and read who accessed their
 * data; physicians declare emergency ("break the glass") access. Thin transactions: check the
 * caller, validate, write through the ledger. The decision itself lives in decision.ts and is
 * asked by the other contracts through access.ts.
 */
import { Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { requireActiveCredential } from '../credentials/enforce';
import { LicenceType } from '../credentials/state';
import { HealthContext } from '../shared/context';
import { conflict, invalidArgument, notFound } from '../shared/errors';
import { EventName } from '../shared/events';
import {
  type Caller,
  requireMsp,
  requirePractitionerId,
  requireRole,
  requireSelf,
} from '../shared/identity';
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
  EmergencyAccessSchema,
  emergencyExpiry,
  emergencyKey,
  EmergencyReasonSchema,
  ObjectType,
} from './state';

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
    requireSelf(ctx.caller, request.patientId);
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
    await ctx.ledger.put(consentKey(ctx.ledger, consent.patientId, consent.consentId), consent);
    ctx.ledger.emit(EventName.ConsentGranted, {
      consentId: consent.consentId,
      patientId: consent.patientId,
    });
    return canonicalJson(consent);
  }

  /** Effective from the next transaction on: reads already endorsed are not undone. */
  @Transaction()
  @Returns('string')
  async revokeConsent(ctx: HealthContext, patientId: string, consentId: string): Promise<string> {
    requirePatientSelf(ctx.caller, patientId);
    const key = consentKey(ctx.ledger, patientId, parse(Id, consentId, 'consentId'));
    const consent = await ctx.ledger.get(ConsentSchema, key);
    if (consent === undefined) {
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
    await ctx.ledger.put(key, revoked);
    ctx.ledger.emit(EventName.ConsentRevoked, { consentId, patientId });
    return canonicalJson(revoked);
  }

  /** The patient themself, or a provider's registrar at the front desk. */
  @Transaction(false)
  @Returns('string')
  async listConsents(ctx: HealthContext, patientId: string): Promise<string> {
    const role = requireRole(ctx.caller, Role.Patient, Role.Registrar);
    if (role === Role.Patient) {
      requireSelf(ctx.caller, patientId);
    } else {
      requireMsp(ctx.caller, ...PROVIDER_MSPS);
    }
    const id = parse(Id, patientId, 'patientId');
    return canonicalJson(await ctx.ledger.list(ConsentSchema, ObjectType.Consent, id));
  }

  /**
   * Break the glass: a provider's physician gets treatment access to every category of the
   * patient's records for EMERGENCY_WINDOW_MINUTES. The reason goes on the public ledger and
   * must not contain PHI (see EmergencyReasonSchema). The EmergencyAccess event tells the patient.
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
    const text = parse(EmergencyReasonSchema, reason, 'reason');
    // Before anything is read or written, so a suspended or revoked physician cannot break the glass.
    await requireActiveCredential(ctx, practitionerId, [LicenceType.Physician]);
    if (!(await ctx.ledger.exists(ctx.ledger.key(ObjectType.Patient, id)))) {
      throw notFound(`patient ${id}`);
    }
    const grantedAt = ctx.ledger.txTime();
    const access: EmergencyAccess = {
      accessId: ctx.ledger.txId(),
      patientId: id,
      practitionerId,
      mspId: ctx.caller.mspId,
      reason: text,
      grantedAt,
      expiresAt: emergencyExpiry(grantedAt),
    };
    await ctx.ledger.put(emergencyKey(ctx.ledger, access), access);
    ctx.ledger.emit(EventName.EmergencyAccess, {
      accessId: access.accessId,
      patientId: id,
      mspId: access.mspId,
      practitionerId,
    });
    return canonicalJson(access);
  }

  /** Every emergency access declared on the patient, grouped by physician; for the patient. */
  @Transaction(false)
  @Returns('string')
  async listEmergencyAccesses(ctx: HealthContext, patientId: string): Promise<string> {
    requirePatientSelf(ctx.caller, patientId);
    return canonicalJson(
      await ctx.ledger.list(EmergencyAccessSchema, ObjectType.Emergency, patientId),
    );
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
    requirePatientSelf(ctx.caller, patientId);
    const size = parse(PageSizeSchema, pageSize, 'pageSize');
    const page = await ctx.ledger.page(
      AccessEntrySchema,
      size,
      bookmark,
      ObjectType.Access,
      patientId,
    );
    return canonicalJson(page);
  }
}

/** Only the patient acts on their consents and reads their trail; not their doctor, not an admin. */
function requirePatientSelf(caller: Caller, patientId: string): void {
  requireRole(caller, Role.Patient);
  requireSelf(caller, patientId);
}
