import { TargetsExplorer, TargetsPage as TargetsBody } from '@leshan/report-views';
import type { IndicatorQuery } from '@leshan/report-views';
import type { Report } from '@leshan/report-core';
import { Island } from '../island.js';

/** The targets page of @leshan/report-views with its explorer marked as the island to hydrate. */
export function TargetsPage({ report, query }: { report: Report; query: IndicatorQuery }) {
  return (
    <TargetsBody
      report={report}
      query={query}
      explorer={(props) => (
        <Island name="targets" props={props}>
          <TargetsExplorer {...props} />
        </Island>
      )}
    />
  );
}
