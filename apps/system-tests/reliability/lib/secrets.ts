/** The accounts of the suite. Their passwords must never show up in a log line or a response. */
export const ACCOUNTS = {
  admin: { email: 'chief@reliability.example.org', password: 'Chief-pass 9d1e reliability' },
  publisher: {
    email: 'publisher@reliability.example.org',
    password: 'Publisher-pass 4b7c reliability',
  },
  editor: { email: 'editor@reliability.example.org', password: 'Editor-pass 2a5f reliability' },
} as const;

/** Wrong passwords the access tests try (they must not be echoed either). */
export const WRONG_PASSWORDS = [
  'Wrong-guess 1 c0ffee',
  'Wrong-guess 2 c0ffee',
  'Wrong-guess 3 c0ffee',
  'Wrong-guess 4 c0ffee',
] as const;

export const ALL_PASSWORDS: readonly string[] = [
  ...Object.values(ACCOUNTS).map((a) => a.password),
  ...WRONG_PASSWORDS,
];
