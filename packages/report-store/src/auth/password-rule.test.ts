import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';
import { loadCommonPasswords, passwordProblemIn } from './password-rule.js';

const SAMPLES = [
  '',
  'short',
  ' '.repeat(12),
  'password1234',
  ' Password1234 ',
  'qwertyuiopas',
  '李编辑的新密码是很长的一句话',
  'correct horse battery staple',
  'x'.repeat(201),
];

describe('the one password rule (issue 15), in the store and in a browser', () => {
  it('gives the store’s reason for every sample once the browser has loaded the list', async () => {
    const common = await loadCommonPasswords();
    for (const sample of SAMPLES)
      expect(passwordProblemIn(sample, common), sample).toEqual(passwordProblem(sample));
  });

  it('checks only the shape without the list, so a common password passes until it arrives', () => {
    expect(passwordProblemIn('password1234', new Set())).toBeNull();
    expect(passwordProblemIn(' '.repeat(12), new Set())?.zh).toBe('密码不能只由空格组成');
  });

  it('loads the list once', async () => {
    expect(await loadCommonPasswords()).toBe(await loadCommonPasswords());
  });
});
