import { randomInt } from 'node:crypto';
import { ApiError } from '@leshan/http-kit';
import { passwordProblem } from '@leshan/report-store';

/** The store's password rule, as a 400 naming the field (issue 15: 12 spaces were accepted). */
export function assertAcceptablePassword(password: string, field: string): void {
  const problem = passwordProblem(password);
  if (problem !== null)
    throw new ApiError(400, 'weak-password', problem.zh, {
      issues: [{ path: `body.${field}`, message: problem.zh }],
    });
}

// No 0/O, 1/l/I: the password is read off a screen and typed in by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password: four groups of five (about 115 bits), e.g. `kq7Rw-…`. */
export function oneTimePassword(): string {
  const group = () =>
    Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}
