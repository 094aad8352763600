/**
 * Caliper workload: a licensed physician of ProviderA files a FHIR Observation (transient
 * payload and salt; the record goes to ProviderA's implicit private data collection). Written without
 * @hyperledger/caliper-core so it loads from this folder: Caliper only needs
 * createWorkloadModule() and the three methods below.
 */
'use strict';

const { randomBytes, randomInt } = require('node:crypto');
const { readFileSync } = require('node:fs');

class AddRecord {
  async initializeWorkloadModule(
    workerIndex,
    totalWorkers,
    roundIndex,
    roundArguments,
    sutAdapter,
  ) {
    this.sut = sutAdapter;
    this.patients = JSON.parse(readFileSync(roundArguments.fixtures, 'utf8')).patients;
    this.n = workerIndex;
  }

  async submitTransaction() {
    const patientId = this.patients[this.n++ % this.patients.length];
    const resource = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '2339-0', display: 'Glucose' }] },
      valueQuantity: {
        value: randomInt(60, 200),
        unit: 'mg/dL',
        system: 'http://unitsofmeasure.org',
        code: 'mg/dL',
      },
    };
    return this.sut.sendRequests({
      contractId: 'healthledger',
      contractFunction: 'records:addRecord',
      contractArguments: [patientId, ''],
      transientMap: { payload: JSON.stringify(resource), salt: randomBytes(32).toString('hex') },
      invokerIdentity: 'physician',
      readOnly: false,
    });
  }

  async cleanupWorkloadModule() {}
}

module.exports.createWorkloadModule = () => new AddRecord();
