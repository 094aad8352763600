/**
 * fabric-shim checks the number of a transaction's arguments before any contract code runs
 * and throws a bare "Expected N parameters, but M have been supplied". Every chaincode error
 * must start with a code the gateway can map, so this wraps that one check to say
 * INVALID_ARGUMENT. It touches nothing else of the library.
 */
import { invalidArgument } from './errors';

interface Marshall {
  handleParameters(
    fn: { parameters?: unknown[] },
    parameters: unknown[],
    prefix: string,
  ): unknown[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const DataMarshall = require('fabric-shim/lib/contract-spi/datamarshall') as {
  prototype: Marshall;
};

const original = DataMarshall.prototype.handleParameters;

DataMarshall.prototype.handleParameters = function (this: Marshall, fn, parameters, prefix) {
  const expected = fn.parameters?.length;
  if (expected !== undefined && expected !== parameters.length) {
    throw invalidArgument('arguments', `expected ${expected}, got ${parameters.length}`);
  }
  return original.call(this, fn, parameters, prefix);
};
