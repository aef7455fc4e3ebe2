/* global process */
// prepack: the manifest names its dependencies with pnpm's catalog: and workspace: protocols and
// keeps its published "exports" in publishConfig, which only pnpm resolves when it packs. npm
// would publish a manifest no one can install, so packing with anything but pnpm is refused.
// npm keeps an inherited npm_config_user_agent, so the program that runs this script is read from
// npm_execpath, which each package manager sets to itself.
// eslint-disable-next-line no-restricted-properties -- the package manager's own variables, not settings
const { npm_config_user_agent: agent = '', npm_execpath: execPath = '' } = process.env;
if (!agent.startsWith('pnpm/') || !/pnpm[^/\\]*$/u.test(execPath)) {
  process.stderr.write(
    '@leshan/report-core: pack and publish it with pnpm (pnpm pack / pnpm publish), not npm or yarn:\n' +
      'only pnpm replaces the catalog: and workspace: ranges and applies publishConfig.exports,\n' +
      `so any other tool would ship a manifest that cannot be installed (packing with: ${execPath || agent || 'unknown'}).\n`,
  );
  process.exit(1);
}
