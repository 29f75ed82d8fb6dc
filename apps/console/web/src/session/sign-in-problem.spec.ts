import { ApiError } from '../api/client';
import { signInProblem } from './sign-in-problem';

it.each([
  [new ApiError(401, 'unauthenticated', 'key: not valid'), /not valid/],
  [new ApiError(403, 'forbidden', 'no analyst role'), /does not have the analyst role/],
  [new ApiError(400, 'validation_failed', 'key: must be'), /start with cck_/],
  [new ApiError(502, 'upstream_unavailable', 'down'), /not answering/],
  [new ApiError(0, 'network_error', 'The console server did not answer.'), /did not answer/],
  [new Error('boom'), /went wrong/],
])('a failed sign-in (%#) is explained to the analyst', (error, text) => {
  expect(signInProblem(error)).toMatch(text);
});
