/**
 * Every name the chaincode writes or reads by string: private data collections, transient
 * fields and MSP IDs. Object types live beside their state types; event names in events.ts.
 */

export const Msp = {
  ProviderA: 'ProviderAMSP',
  ProviderB: 'ProviderBMSP',
  Insurer: 'InsurerMSP',
  Board: 'BoardMSP',
} as const;

export const PROVIDER_MSPS: readonly string[] = [Msp.ProviderA, Msp.ProviderB];

/** Private data collections, as defined in network/collections.json. */
export const Collection = {
  /** Defined in network/collections.json and no longer written: demographics and records live
   * in their custodian's implicit collection (custodian.ts). Fabric cannot remove a collection
   * from a chaincode definition, so networks that used it keep it defined and empty. */
  Clinical: 'clinical',
  /** Defined in network/collections.json and no longer written: membership, prior
   * authorisations and accumulators live with the insurer alone (its implicit collection,
   * claims/insurer-secret.ts). Kept defined for the same reason as Clinical. */
  Membership: 'membership',
} as const;

/** Claim contents live in a collection shared by one provider and the insurer. */
export function claimsCollection(providerMsp: string): string {
  return `claims${providerMsp.replace(/MSP$/, '')}`;
}

/** The implicit collection every organisation has for itself. */
export function implicitCollection(mspId: string): string {
  return `_implicit_org_${mspId}`;
}

/** The organisations whose peers hold a collection (network/collections.json, and each
 * organisation alone for its implicit collection); undefined for a name we do not know. */
export function collectionMembers(collection: string): readonly string[] | undefined {
  if (collection.startsWith('_implicit_org_')) return [collection.slice('_implicit_org_'.length)];
  switch (collection) {
    case Collection.Clinical:
      return PROVIDER_MSPS;
    case Collection.Membership:
      return [...PROVIDER_MSPS, Msp.Insurer];
    default: {
      const provider = PROVIDER_MSPS.find((msp) => claimsCollection(msp) === collection);
      return provider === undefined ? undefined : [provider, Msp.Insurer];
    }
  }
}

/** Fields of the transient map. PHI reaches the chaincode only through these. */
export const Transient = {
  /** JSON of the private payload of the transaction (demographics, a FHIR resource, a claim). */
  Payload: 'payload',
  /** Random salt chosen by the client, at least 16 bytes, hex; hashes of PHI are salted with it. */
  Salt: 'salt',
} as const;
