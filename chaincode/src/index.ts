/** The healthledger chaincode: one contract per domain. */
import './shared/argument-count';
import { ClaimsContract } from './claims/contract';
import { ConsentContract } from './consent/contract';
import { CredentialsContract } from './credentials/contract';
import { RecordsContract } from './records/contract';

export const contracts = [RecordsContract, ConsentContract, CredentialsContract, ClaimsContract];
