/**
 * First step of `pnpm test`: checks that this machine has the system packages the tests need
 * and installs the missing ones when it can (as root, or with sudo that needs no password);
 * otherwise stops at once with the one command to run — never a wall of failing tests.
 */
import { spawnSync } from 'node:child_process';
import { repoEnv } from './env.js';
import {
  machineProbe,
  planSystemSetup,
  readOsRelease,
  SYSTEM_NEEDS,
  installCommandLine,
} from './system-needs.js';

const probe = machineProbe(repoEnv.PATH);
const missingNow = () => SYSTEM_NEEDS.filter((need) => !need.present(probe));

const missing = missingNow();
const plan = planSystemSetup({
  missing,
  os: readOsRelease(),
  isRoot: process.getuid?.() === 0,
  sudoWithoutPassword: spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
  hasAptGet: probe.onPath('apt-get'),
});

switch (plan.kind) {
  case 'ready':
    break;
  case 'stop':
    process.stderr.write(`\n${plan.message}\n`);
    process.exit(1);
    break;
  case 'install': {
    process.stdout.write(
      `system: installing ${missing.map((n) => n.debianPackage).join(', ')} (the tests need them)\n`,
    );
    for (const command of plan.commands) {
      const [program, ...args] = command;
      if (program === undefined) continue;
      const result = spawnSync(program, args, { stdio: ['ignore', 'ignore', 'inherit'] });
      if (result.status !== 0) {
        process.stderr.write(
          `\nsystem: \`${command.join(' ')}\` failed (exit ${String(result.status)}). ` +
            `Install the packages by hand, then run the tests again:\n\n  ${installCommandLine(missing)}\n`,
        );
        process.exit(1);
      }
    }
    const still = missingNow();
    if (still.length > 0) {
      process.stderr.write(
        `\nsystem: still missing after installing: ${still.map((n) => n.label).join('; ')}\n`,
      );
      process.exit(1);
    }
    break;
  }
}
