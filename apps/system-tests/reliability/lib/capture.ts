/**
 * Everything a test file saw: every line the processes printed and every response body and header
 * the clients received. The suite checks that no password it used appears in any of it.
 */
export class Capture {
  readonly lines: string[] = [];
  readonly responses: string[] = [];

  line(source: string, text: string): void {
    this.lines.push(`${source}: ${text}`);
  }

  response(text: string): void {
    this.responses.push(text);
  }

  /** Where each secret shows up (none, when all is well). */
  leaks(secrets: readonly string[]): { secret: string; where: string }[] {
    const found: { secret: string; where: string }[] = [];
    for (const secret of secrets) {
      for (const line of this.lines)
        if (line.includes(secret))
          found.push({ secret: mask(secret), where: `log: ${line.slice(0, 200)}` });
      for (const body of this.responses)
        if (body.includes(secret))
          found.push({ secret: mask(secret), where: `response: ${body.slice(0, 200)}` });
    }
    return found;
  }
}

const mask = (secret: string): string => `${secret.slice(0, 3)}…(${secret.length})`;

/** One capture per test file (each file runs in its own worker). */
export const capture = new Capture();
