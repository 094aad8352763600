/** What a failed transaction failed with: a chaincode error code, or a commit validation code. */
import { CommitFailedError } from '../../../gateway/src/fabric/transactions';

const CODES =
  /\b(INVALID_ARGUMENT|NOT_FOUND|FORBIDDEN|CONFLICT|ERASED|CREDENTIAL_INVALID|FAILED_PRECONDITION)\b/;

export async function failureOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    if (err instanceof CommitFailedError) return err.code;
    const details = (err as { details?: { message?: string }[] }).details ?? [];
    const text = [String((err as Error).message), ...details.map((d) => d.message ?? '')].join(
      '\n',
    );
    const match = CODES.exec(text);
    if (match?.[1]) return match[1];
    throw err;
  }
  throw new Error('expected the transaction to fail, but it succeeded');
}
