/** What to tell an analyst whose sign-in failed, by what the console server answered. */
import { ApiError } from '../api/client';

export function signInProblem(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  if (error.status === 401)
    return 'This key is not valid. It may have been revoked or rotated; ask your agency’s administrator for a current analyst key.';
  if (error.status === 403 && error.code === 'forbidden')
    return 'This key is valid but does not have the analyst role (nor frontline, nor operator). The console needs an analyst key.';
  if (error.status === 400) {
    const keyProblem = error.details.find((problem) => problem.field === 'key');
    return keyProblem
      ? `That does not look like a crosscheck key: it ${keyProblem.message}.`
      : 'That does not look like a crosscheck key. Keys start with cck_.';
  }
  if (error.status === 502) return 'The alerting service is not answering. Try again in a moment.';
  return error.message;
}
