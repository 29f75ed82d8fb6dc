import { ApiError } from '../api/client';
import { signInProblem } from './sign-in-problem';

const tooShort = {
  field: 'key',
  rule: 'minLength',
  message: 'is too short: a crosscheck key is 64 characters (…), this is 40',
};

it.each([
  [new ApiError(401, 'unauthenticated', 'key: not valid'), /not valid/],
  [new ApiError(403, 'forbidden', 'no analyst role'), /does not have the analyst role/],
  [
    new ApiError(400, 'validation_failed', `key: ${tooShort.message}`, [tooShort]),
    /^That does not look like a crosscheck key: it is too short: a crosscheck key is 64 characters \(…\), this is 40\.$/,
  ],
  [new ApiError(400, 'malformed_json', 'request body is not valid JSON'), /start with cck_/],
  [
    new ApiError(
      403,
      'cross_origin_refused',
      'Origin: is https://console.example, not this console (http://10.0.0.5:3005)',
    ),
    /^Origin: is https:\/\/console.example, not this console/,
  ],
  [new ApiError(502, 'upstream_unavailable', 'down'), /not answering/],
  [new ApiError(0, 'network_error', 'The console server did not answer.'), /did not answer/],
  [new Error('boom'), /went wrong/],
])('a failed sign-in (%#) is explained to the analyst', (error, text) => {
  expect(signInProblem(error)).toMatch(text);
});
