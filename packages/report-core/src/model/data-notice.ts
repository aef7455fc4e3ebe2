import type { Message } from './message.js';

// What the data is and on what terms it is shared: one statement, used by the package's
// DATA-NOTICE.md (checked by test/licence.test.ts), the viewer's footer and every export.

/** The licence of the code (the LICENSE file, MIT). */
export const CODE_LICENSE = 'MIT';

/** The licence of the editorial additions, as a Frictionless Data Package `licenses` entry. */
export const DATA_LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0',
} as const;

/** What the report text is, on what basis it is republished, and the editorial additions' licence. */
export const DATA_NOTICE: Message = {
  zh:
    '报告正文是乐山市人民政府的政府工作报告，属于公开发布的政府公文，按原文转载（著作权法第五条：' +
    '法律、法规，国家机关的决议、决定、命令和其他具有立法、行政、司法性质的文件不受著作权法保护）。' +
    '编辑补充的内容（编辑说明、整理的量化目标、地名表和进展跟踪）按知识共享署名 4.0 国际许可协议' +
    '（CC BY 4.0）提供；代码按 MIT 许可证提供。',
  en:
    'The report text is the government work report of the Leshan Municipal People’s Government, a ' +
    'public official document republished as issued (Copyright Law of the PRC, art. 5: laws, ' +
    'regulations and other documents of a legislative, administrative or judicial nature are not ' +
    'protected). The editorial additions (editorial notes, curated targets, the gazetteer and ' +
    'progress tracking) are licensed under Creative Commons Attribution 4.0 International ' +
    '(CC BY 4.0); the code under the MIT licence.',
};
