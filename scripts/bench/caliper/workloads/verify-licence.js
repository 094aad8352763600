/** Caliper workload: anyone verifies a practitioner's licence (evaluate only). */
'use strict';

const { readFileSync } = require('node:fs');

class VerifyLicence {
  async initializeWorkloadModule(
    workerIndex,
    totalWorkers,
    roundIndex,
    roundArguments,
    sutAdapter,
  ) {
    this.sut = sutAdapter;
    this.licences = JSON.parse(readFileSync(roundArguments.fixtures, 'utf8')).licences;
    this.n = workerIndex;
  }

  async submitTransaction() {
    // Each licence is verified at the organisation it names (prepare.ts writes both).
    const { licenceNumber, organisation } = this.licences[this.n++ % this.licences.length];
    return this.sut.sendRequests({
      contractId: 'healthledger',
      contractFunction: 'credentials:verifyLicence',
      contractArguments: [licenceNumber, organisation, ''],
      invokerIdentity: 'physician',
      readOnly: true,
    });
  }

  async cleanupWorkloadModule() {}
}

module.exports.createWorkloadModule = () => new VerifyLicence();
