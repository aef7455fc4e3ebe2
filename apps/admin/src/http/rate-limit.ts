/**
 * Counts failures per key in a sliding window; blocks the key once it reaches `max`.
 * In memory: one admin process per store is the embedded setup (several processes would each
 * keep their own count, which only loosens the limit by the process count).
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const recent = this.prune(key);
    if (recent.length < this.max) return 0;
    return Math.max(0, (recent[0] ?? 0) + this.windowMs - this.now());
  }

  fail(key: string): void {
    const recent = this.prune(key);
    recent.push(this.now());
    this.failures.set(key, recent);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private prune(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const recent = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    return recent;
  }
}
