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
