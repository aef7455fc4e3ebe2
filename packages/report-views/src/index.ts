// The public site's page bodies, rendered by the viewer (server-side) and by the admin preview
// (the draft, in the browser). Links are injected through <ReportViews links>; the stylesheet is
// `@leshan/report-views/styles.css`.
export { ReportViews, useView } from './context.js';
export type { ViewLinks } from './context.js';
export { labelsFor } from './labels.js';
export type { Labels, Lang } from './labels.js';
export { MeasureItem } from './components/measure-item.js';
export { MeasureText } from './components/measure-text.js';
export { ProgressBar } from './components/progress-bar.js';
export { MissingNoteLink, NodeTitle } from './components/title.js';
export { ChapterPage } from './pages/chapter-page.js';
export { HomePage } from './pages/home-page.js';
export { MeasurePage } from './pages/measure-page.js';
export type { MeasurePageProps } from './pages/measure-page.js';
export { PlacesPage } from './pages/places-page.js';
export { MeasuresPage } from './pages/measures-page.js';
export { DepartmentPage, PlacePage } from './pages/group-page.js';
export { nodeLink, SourcePage } from './pages/source-page.js';
export { TargetsPage, targetsProps } from './pages/targets-page.js';
export { FilterSelect } from './components/filter-select.js';
export type { FilterSelectProps } from './components/filter-select.js';
export { TargetsExplorer } from './targets/targets-explorer.js';
export { targetsSearch } from './targets/targets-types.js';
export type { TargetRowView, TargetsProps } from './targets/targets-types.js';
export { queryIndicatorRows, unitsOf } from './view/indicator-filter.js';
export { IndicatorQuerySchema, StatusFilterSchema } from './view/indicator-query.js';
export type { IndicatorQuery, StatusFilter } from './view/indicator-query.js';
export { indicatorRows, IndicatorRowSchema } from './view/indicator-rows.js';
export type { IndicatorRow } from './view/indicator-rows.js';
export { groupByPlace } from './view/place-groups.js';
export { MeasureQuerySchema } from './view/measure-query.js';
export type { MeasureQuery } from './view/measure-query.js';
export {
  filterMeasureRows,
  measureQueryProblems,
  measureRows,
  measuresSearch,
} from './view/measure-filter.js';
export type { MeasureRow } from './view/measure-filter.js';
export type { PlaceGroup } from './view/place-groups.js';
