import type { Command } from './command.js';
import { diffCommand } from './diff-command.js';
import { indicatorsCommand } from './indicators-command.js';
import { parseCommand } from './parse-command.js';
import { printCommand } from './print-command.js';
import { searchCommand } from './search-command.js';
import { statsCommand } from './stats-command.js';
import { validateCommand } from './validate-command.js';

/** Every command of `report-core`, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  validateCommand,
  printCommand,
  statsCommand,
  parseCommand,
  indicatorsCommand,
  diffCommand,
  searchCommand,
];
