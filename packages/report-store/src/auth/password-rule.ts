// Issue 15: "password1234" and twelve spaces were accepted as admin passwords. The one password
// rule, for the store and the admin's browser form alike: this module imports nothing of the
// server (subpath `@leshan/report-store/password-rule`), and the common-password list (zxcvbn-ts's
// dictionary, about 49,000 passwords seen in leaks, kept by its project) is passed in, so a
// browser loads it only when a form needs it (loadCommonPasswords).

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** Why a password may not be used: Chinese for the user, English for logs and developers. */
export interface PasswordProblem {
  zh: string;
  en: string;
}

/**
 * Why `password` may not be used, or null when it may: at least 12 characters, at most 200, not
 * only spaces, not in `common` (compared trimmed, lower-cased, with and without its spaces). With
 * an empty list only the shape is checked.
 */
export function passwordProblemIn(
  password: string,
  common: ReadonlySet<string>,
): PasswordProblem | null {
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
  if (common.has(plain) || common.has(plain.replace(/\s+/g, '')))
    return {
      zh: '这个密码在常见密码名单中，容易被猜到，请换一个',
      en: 'password is in a list of common passwords',
    };
  return null;
}

let loading: Promise<ReadonlySet<string>> | undefined;

/** The common-password list, loaded once (a separate chunk in a browser bundle). */
export function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  loading ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common']),
  );
  return loading;
}
