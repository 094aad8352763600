/**
 * The credentials contract: a licensing board's credentialing officers issue, renew,
 * suspend, reinstate and revoke practitioners' licences; anyone in the consortium verifies a
 * licence, lists a practitioner's licences or reads a licence's history. Credentials are
 * public facts, not PHI; suspension and revocation reasons are public too, so they are codes
 * (licence-reasons.ts), and the board's free-text note, if any, is kept only in the board's
 * implicit collection (shared/private-note.ts), never in state, events or answers.
 */
import { Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { HealthContext } from '../shared/context';
import { conflict, forbidden, notFound } from '../shared/errors';
import { EventName, EVERY_ORGANISATION } from '../shared/events';
import { requireMsp, requireRole } from '../shared/identity';
import { canonicalJson } from '../shared/json';
import { Msp } from '../shared/names';
import { keepNote, readNote, transientNote } from '../shared/private-note';
import { Role } from '../shared/roles';
import { Id, IsoDate, MspId, parse, parseJson } from '../shared/schema';
import { historySteps } from './history';
import { type Credential, IssueRequestSchema, ReasonSchema } from './state';
import {
  credentialExists,
  credentialsOf,
  credentialVersions,
  findCredential,
  insertCredential,
  loadCredential,
  updateCredential,
} from './store';
import { type Actor, issue, reinstate, renew, revoke, suspend } from './transitions';
import { verification } from './verification';
import { requireOrderedWindow, txDate } from './window';

@Info({
  title: 'credentials',
  description: 'Practitioner licences: issued and changed by the board, verified by anyone',
})
export class CredentialsContract extends Contract {
  constructor() {
    super('credentials');
  }

  override createContext(): HealthContext {
    return new HealthContext();
  }

  /** requestJson: { practitionerId, licenceNumber, licenceType, organisation, specialty,
   * jurisdiction, validFrom, validTo } */
  @Transaction()
  @Returns('string')
  async issueCredential(ctx: HealthContext, requestJson: string): Promise<string> {
    const actor = boardOfficer(ctx);
    const request = parseJson(IssueRequestSchema, requestJson, 'request');
    if (await credentialExists(ctx.ledger, request.licenceNumber)) {
      throw conflict(`licence ${request.licenceNumber} exists already`);
    }
    const credential = issue(request, actor);
    await insertCredential(ctx.ledger, credential);
    return announce(ctx, EventName.CredentialIssued, credential);
  }

  @Transaction()
  @Returns('string')
  async renewCredential(
    ctx: HealthContext,
    licenceNumber: string,
    validFrom: string,
    validTo: string,
  ): Promise<string> {
    const actor = boardOfficer(ctx);
    const window = {
      validFrom: parse(IsoDate, validFrom, 'validFrom'),
      validTo: parse(IsoDate, validTo, 'validTo'),
    };
    requireOrderedWindow(window.validFrom, window.validTo);
    return change(ctx, actor, licenceNumber, EventName.CredentialRenewed, (current) =>
      renew(current, window, actor),
    );
  }

  @Transaction()
  @Returns('string')
  async suspendCredential(
    ctx: HealthContext,
    licenceNumber: string,
    reason: string,
  ): Promise<string> {
    const actor = boardOfficer(ctx);
    const why = parse(ReasonSchema, reason, 'reason');
    const note = transientNote(ctx.ledger);
    const answer = await change(
      ctx,
      actor,
      licenceNumber,
      EventName.CredentialSuspended,
      (current) => suspend(current, why, actor),
    );
    await keepLicenceNote(ctx, licenceNumber, note);
    return answer;
  }

  @Transaction()
  @Returns('string')
  async reinstateCredential(ctx: HealthContext, licenceNumber: string): Promise<string> {
    const actor = boardOfficer(ctx);
    return change(ctx, actor, licenceNumber, EventName.CredentialReinstated, (current) =>
      reinstate(current, actor),
    );
  }

  @Transaction()
  @Returns('string')
  async revokeCredential(
    ctx: HealthContext,
    licenceNumber: string,
    reason: string,
  ): Promise<string> {
    const actor = boardOfficer(ctx);
    const why = parse(ReasonSchema, reason, 'reason');
    const note = transientNote(ctx.ledger);
    const answer = await change(ctx, actor, licenceNumber, EventName.CredentialRevoked, (current) =>
      revoke(current, why, actor),
    );
    await keepLicenceNote(ctx, licenceNumber, note);
    return answer;
  }

  /** organisation: MSP ID where the practitioner acts; the licence counts only at the one it
   * names. date: YYYY-MM-DD, or '' for the transaction's day (UTC). An unknown licence is an
   * answer (UNKNOWN), not an error. */
  @Transaction(false)
  @Returns('string')
  async verifyLicence(
    ctx: HealthContext,
    licenceNumber: string,
    organisation: string,
    date: string,
  ): Promise<string> {
    const number = parse(Id, licenceNumber, 'licenceNumber');
    const where = parse(MspId, organisation, 'organisation');
    const day = date === '' ? txDate(ctx.ledger) : parse(IsoDate, date, 'date');
    const credential = await findCredential(ctx.ledger, number);
    return canonicalJson(verification(number, where, day, credential));
  }

  /** The board's officers: the private note of one change of a licence (the transaction ID
   * its history names), on the board's peer, the only one that holds it. Returns
   * {licenceNumber, txId, note}. */
  @Transaction(false)
  @Returns('string')
  async licenceNote(ctx: HealthContext, licenceNumber: string, txId: string): Promise<string> {
    boardOfficer(ctx);
    const number = parse(Id, licenceNumber, 'licenceNumber');
    const tx = parse(Id, txId, 'txId');
    const peer = ctx.ledger.peerMsp();
    if (peer !== undefined && peer !== Msp.Board) {
      throw forbidden(`licence notes are held by ${Msp.Board}, not by this peer's organisation`);
    }
    const kept = await readNote(ctx.ledger, Msp.Board, LICENCE_NOTE, [number, tx]);
    if (kept === undefined) throw notFound(`a note of change ${tx} of licence ${number}`);
    return canonicalJson({ licenceNumber: number, txId: tx, note: kept.note });
  }

  @Transaction(false)
  @Returns('string')
  async credentialsOfPractitioner(ctx: HealthContext, practitionerId: string): Promise<string> {
    const id = parse(Id, practitionerId, 'practitionerId');
    return canonicalJson(await credentialsOf(ctx.ledger, id));
  }

  /** Every version of the credential, oldest first, each with its action, actor and time. */
  @Transaction(false)
  @Returns('string')
  async credentialHistory(ctx: HealthContext, licenceNumber: string): Promise<string> {
    const number = parse(Id, licenceNumber, 'licenceNumber');
    const steps = historySteps(await credentialVersions(ctx.ledger, number));
    if (steps.length === 0) throw notFound(`licence ${number}`);
    return canonicalJson(steps);
  }
}

/** What a licence note is about, in its key (shared/private-note.ts). */
export const LICENCE_NOTE = 'licence';

/** The board's note on this change of the licence, kept in the board's implicit collection
 * under the licence and this transaction (a licence changes many times). */
async function keepLicenceNote(
  ctx: HealthContext,
  licenceNumber: string,
  note: { note: string; salt: string } | undefined,
): Promise<void> {
  if (note === undefined) return;
  const subject = [parse(Id, licenceNumber, 'licenceNumber'), ctx.ledger.txId()];
  await keepNote(ctx.ledger, Msp.Board, LICENCE_NOTE, subject, note);
}

/** Only a credentialing officer of the board changes credentials. */
function boardOfficer(ctx: HealthContext): Actor {
  const caller = ctx.caller;
  requireMsp(caller, Msp.Board);
  requireRole(caller, Role.CredentialingOfficer);
  return { id: caller.id, mspId: caller.mspId, at: ctx.ledger.txTime() };
}

/** Load, check the issuer, apply the pure change, store, announce. */
async function change(
  ctx: HealthContext,
  actor: Actor,
  licenceNumber: string,
  event: EventName,
  apply: (current: Credential) => Credential,
): Promise<string> {
  const number = parse(Id, licenceNumber, 'licenceNumber');
  const current = await loadCredential(ctx.ledger, number);
  if (current.issuingBoard !== actor.mspId) {
    throw forbidden(
      `licence ${number} was issued by ${current.issuingBoard}; only it may change it`,
    );
  }
  const next = apply(current);
  await updateCredential(ctx.ledger, next);
  return announce(ctx, event, next);
}

/** One event per transaction, IDs and status only. */
function announce(ctx: HealthContext, event: EventName, credential: Credential): string {
  // Licences are public facts every member verifies: every organisation hears of a change.
  ctx.ledger.emit(
    event,
    {
      licenceNumber: credential.licenceNumber,
      practitionerId: credential.practitionerId,
      status: credential.status,
    },
    [EVERY_ORGANISATION],
  );
  return canonicalJson(credential);
}
