import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

// Issue 15: "password1234" and twelve spaces were accepted as admin passwords. The list is
// zxcvbn-ts's common-password dictionary (about 49,000 passwords seen in leaks), kept by its project.
const COMMON = new Set(dictionary['passwords-common']);

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** Why a password may not be used, in Chinese (with English), or null when it may. */
export function passwordProblem(password: string): { zh: string; en: string } | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return {
      zh: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符（现在 ${length} 个）；可以用一句容易记住的话`,
      en: `password must have at least ${PASSWORD_MIN_LENGTH} characters`,
    };
  if (length > PASSWORD_MAX_LENGTH)
    return {
      zh: `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`,
      en: `password must have at most ${PASSWORD_MAX_LENGTH} characters`,
    };
  if (password.trim() === '')
    return { zh: '密码不能只由空格组成', en: 'password must not be only spaces' };
  const plain = password.trim().toLowerCase();
  if (COMMON.has(plain) || COMMON.has(plain.replace(/\s+/g, '')))
    return {
      zh: '这个密码在常见密码名单中，容易被猜到，请换一个',
      en: 'password is in a list of common passwords',
    };
  return null;
}

export const PasswordSchema = z
  .string()
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem !== null)
      ctx.addIssue({ code: 'custom', message: `${problem.zh} (${problem.en})` });
  })
  .describe(`At least ${PASSWORD_MIN_LENGTH} characters, not only spaces, not a common password.`);
