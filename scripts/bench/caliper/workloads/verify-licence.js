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
    return this.sut.sendRequests({
      contractId: 'healthledger',
      contractFunction: 'credentials:verifyLicence',
      contractArguments: [this.licences[this.n++ % this.licences.length], ''],
      invokerIdentity: 'physician',
      readOnly: true,
    });
  }

  async cleanupWorkloadModule() {}
}

module.exports.createWorkloadModule = () => new VerifyLicence();
