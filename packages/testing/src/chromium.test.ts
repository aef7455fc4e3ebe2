import { describe, expect, it } from 'vitest';
import { launchChromium, watchProblems } from './chromium.js';

describe('launchChromium', () => {
  it("runs Debian's Chromium, and watchProblems records a page's script errors", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.setContent('<p>乐山</p><script>throw new Error("boom")</script>');
      expect(await page.textContent('p')).toBe('乐山');
      await expect.poll(() => problems).toEqual(['pageerror: boom']);
    } finally {
      await browser.close();
    }
  });
});
