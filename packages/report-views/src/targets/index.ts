// The targets explorer alone, for a browser bundle that hydrates it: no zod and nothing from
// report-core's runtime beyond its labels, so the phone's first load stays small.
export { TargetsExplorer } from './targets-explorer.js';
export type { TargetsProps } from './targets-types.js';
