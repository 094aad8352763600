/** The healthledger chaincode: one contract per domain. */
import { ConsentContract } from './consent/contract';
import { CredentialsContract } from './credentials/contract';

export const contracts = [ConsentContract, CredentialsContract];
