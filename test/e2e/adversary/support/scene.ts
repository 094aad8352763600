/**
 * The scene of the hostile-ProviderB attacks, made fresh for each run through the real CAs
 * and the chaincode. ProviderA's side is genuine: a target patient with a record and a
 * certificate from ProviderA's CA, a control patient and an erasable one for the positive
 * controls (so the target stays untouched), and a physician licensed at ProviderAMSP.
 * ProviderB's side is hostile: its CA issues a patient certificate carrying the target's
 * patientId and a physician certificate carrying the ProviderA physician's practitionerId, and
 * its registrars and its own licensed physician act through ProviderB's peer.
 */
import { enrolUser, runId } from '../../support/enrol';
import { MSP, type Session } from '../../support/network';
import {
  issueLicence,
  licenceRequest,
  licensedPhysician,
  newPhysician,
  type Practitioner,
  type RegisteredPatient,
  registerPatient,
} from '../../support/people';
import { type FiledRecord, fileObservation } from '../../support/records';
import { SettledNetwork } from '../../support/settled';

export interface Scene {
  readonly net: SettledNetwork;
  readonly run: string;
  /** Registered by ProviderA, with one record filed by physicianA: every attack aims here. */
  readonly target: RegisteredPatient;
  readonly record: FiledRecord;
  /** The target's own certificate, from ProviderA's CA. */
  readonly targetUser: Session;
  /** Registered by ProviderA; the positive controls write on this patient. */
  readonly control: RegisteredPatient;
  readonly controlUser: Session;
  /** Registered by ProviderA; its own registrar erases it as a positive control. */
  readonly erasable: RegisteredPatient;
  /** Registered by ProviderB, at whose peer the impostor files a record. */
  readonly patientB: RegisteredPatient;
  /** Licensed by the board to practise at ProviderAMSP. */
  readonly physicianA: Practitioner;
  /** Licensed by the board to practise at ProviderBMSP. */
  readonly physicianB: Practitioner;
  /** ProviderB's CA: role patient, patientId of the target. */
  readonly forgedPatient: Session;
  /** ProviderB's CA: role physician, practitionerId of physicianA. */
  readonly impostor: Session;
  /** registrar1 of network.json at ProviderB. */
  readonly registrarB: Session;
  /** A registrar ProviderB's CA made for the occasion. */
  readonly newRegistrarB: Session;
}

export async function setTheScene(): Promise<Scene> {
  const net = new SettledNetwork();
  const run = runId();
  const [physicianA, physicianB] = await Promise.all([
    newPhysician(net, 'providera', `pr-adv-a-${run}`),
    licensedPhysician(net, 'providerb', `pr-adv-b-${run}`),
  ]);
  // The licence names where its holder practises: the impostor's certificate is ProviderB's.
  await issueLicence(
    net,
    licenceRequest(physicianA.practitionerId, physicianA.licenceNumber, MSP.providera),
  );
  // One at a time: each registration is a distinct MRN, and each settles before the next.
  const target = await registerPatient(net, 'providera', `${run}t`);
  const control = await registerPatient(net, 'providera', `${run}c`);
  const erasable = await registerPatient(net, 'providera', `${run}e`);
  const patientB = await registerPatient(net, 'providerb', `${run}b`);
  const record = await fileObservation(
    await physicianA.session(),
    'providera',
    target.patientId,
    run,
    1,
  );

  const [targetDir, controlDir, forgedDir, impostorDir, registrarDir] = await Promise.all([
    enrolUser('providera', `adv-${run}-target`, { role: 'patient', patientId: target.patientId }),
    enrolUser('providera', `adv-${run}-control`, {
      role: 'patient',
      patientId: control.patientId,
    }),
    enrolUser('providerb', `adv-${run}-forged`, { role: 'patient', patientId: target.patientId }),
    enrolUser('providerb', `adv-${run}-impostor`, {
      role: 'physician',
      practitionerId: physicianA.practitionerId,
    }),
    enrolUser('providerb', `adv-${run}-registrar`, { role: 'registrar' }),
  ]);
  return {
    net,
    run,
    target,
    record,
    targetUser: await net.as('providera', { mspDir: targetDir }),
    control,
    controlUser: await net.as('providera', { mspDir: controlDir }),
    erasable,
    patientB,
    physicianA,
    physicianB,
    forgedPatient: await net.as('providerb', { mspDir: forgedDir }),
    impostor: await net.as('providerb', { mspDir: impostorDir }),
    registrarB: await net.as('providerb', 'registrar1'),
    newRegistrarB: await net.as('providerb', { mspDir: registrarDir }),
  };
}
