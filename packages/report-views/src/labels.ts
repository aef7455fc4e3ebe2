import { chapterLabel } from '@leshan/report-core/labels';

/** Interface language. The report itself is Chinese in both. */
export type Lang = 'zh' | 'en';

const zh = {
  siteName: '乐山今后五年工作',
  skip: '跳到正文',
  nav: '主导航',
  home: '首页',
  measureList: '举措',
  targets: '指标',
  search: '搜索',
  places: '地点',
  downloads: '下载',
  editions: '版本',
  source: '关于原文',
  print: '打印版',
  switchLang: 'English',
  searchLabel: '搜索报告',
  searchButton: '搜索',
  goals: '主要目标',
  ideology: '指导思想',
  chapters: '各章工作',
  measuresCount: (n: number) => `${n} 项举措`,
  targetsCount: (n: number) => `${n} 项量化指标`,
  reportedOf: (r: number, n: number) => `已报告进展 ${r}/${n} 项`,
  chapterLabel: (n: number) => chapterLabel(n).zh,
  contents: '本章目录',
  noMeasures: '原文在此节下没有举措。',
  targetsInMeasure: '量化指标',
  placesInMeasure: '涉及地点',
  tracking: '进展',
  notReported: '尚未报告进展',
  progress: (p: number) => `完成 ${p}%`,
  updates: '进展记录',
  evidence: '佐证',
  shareLink: '这项举措的页面',
  aspirational: '力争',
  binding: '确保',
  previousChapter: '上一章',
  nextChapter: '下一章',
  chapterFeed: '本章进展订阅（Atom）',
  edition: (n: number) => `第 ${n} 版`,
  publishedOn: '发布于',
  footerNote: '本网站公开发布乐山市政府工作报告“今后五年工作”部分的结构化数据。',
  api: '开放数据接口',
  feeds: '订阅',
  editionsFeed: '版本订阅',
  progressFeed: '进展订阅',
} as const;

type Labels = {
  [K in keyof typeof zh]: (typeof zh)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};

const en: Labels = {
  siteName: 'Leshan: the next five years',
  skip: 'Skip to content',
  nav: 'Main navigation',
  home: 'Home',
  measureList: 'Measures',
  targets: 'Targets',
  search: 'Search',
  places: 'Places',
  downloads: 'Downloads',
  editions: 'Editions',
  source: 'About the source',
  print: 'Print version',
  switchLang: '中文',
  searchLabel: 'Search the report',
  searchButton: 'Search',
  goals: 'Main goals',
  ideology: 'Guiding ideology',
  chapters: 'Chapters',
  measuresCount: (n) => `${n} measures`,
  targetsCount: (n) => `${n} quantitative targets`,
  reportedOf: (r, n) => `progress reported on ${r} of ${n}`,
  chapterLabel: (n) => chapterLabel(n).en,
  contents: 'Contents of this chapter',
  noMeasures: 'The source has no measures under this section.',
  targetsInMeasure: 'Targets',
  placesInMeasure: 'Places',
  tracking: 'Progress',
  notReported: 'No progress reported yet',
  progress: (p) => `${p}% done`,
  updates: 'Progress updates',
  evidence: 'evidence',
  shareLink: 'Page of this measure',
  aspirational: 'aspirational',
  binding: 'binding',
  previousChapter: 'Previous chapter',
  nextChapter: 'Next chapter',
  chapterFeed: 'Progress feed of this chapter (Atom)',
  edition: (n) => `Edition ${n}`,
  publishedOn: 'published',
  footerNote:
    'This site publishes the “next five years” part of the Leshan government work report as open data.',
  api: 'Open data API',
  feeds: 'Feeds',
  editionsFeed: 'Editions feed',
  progressFeed: 'Progress feed',
};

export type { Labels };

export function labelsFor(lang: Lang): Labels {
  return lang === 'en' ? en : zh;
}
