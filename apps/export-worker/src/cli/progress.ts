/** Where the CLI writes: a TTY gets a redrawn progress bar, anything else plain lines. */
export interface Output {
  write: (text: string) => void;
  isTTY: boolean;
}

const BAR = 24;

/** Reports each step; on a TTY the bar line is redrawn in place and erased before each result line. */
export class Progress {
  private done = 0;

  constructor(
    private readonly out: Output,
    private readonly total: number,
  ) {}

  start(label: string): void {
    if (!this.out.isTTY) return;
    const filled = Math.round((this.done / this.total) * BAR);
    this.out.write(
      `\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${this.done}/${this.total} ${label}`,
    );
  }

  finish(line: string): void {
    this.done += 1;
    this.out.write(`${this.out.isTTY ? '\r\x1b[2K' : ''}${line}\n`);
  }
}
