// One inline stylesheet: the file must render the same offline, from a USB stick or an archive,
// so it loads no fonts, scripts or images from anywhere.
export const HTML_STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --accent: #8c1d18; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.5rem 4rem; color: var(--ink); background: #fff;
  font: 16px/1.8 "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.3; margin: 0 0 .25rem; color: var(--accent); }
h2 { font-size: 1.4rem; margin: 2.5rem 0 1rem; padding-bottom: .3rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.15rem; margin: 1.8rem 0 .6rem; }
.subtitle, .meta, .facts, .colophon { color: var(--muted); }
.measure { margin: 0 0 1.2rem; padding: .6rem .9rem; border-left: 3px solid var(--rule); break-inside: avoid; }
.measure p { margin: 0 0 .3rem; }
.id { font: .75rem/1 ui-monospace, monospace; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: .9rem; }
th, td { border: 1px solid var(--rule); padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num { text-align: right; white-space: nowrap; }
nav ol { padding-left: 1.2rem; }
.note { margin-bottom: 1.2rem; break-inside: avoid; }
.missing { color: var(--accent); }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: 1rem; font-size: .85rem; word-break: break-all; }
@media print {
  @page { size: A4; margin: 20mm 18mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { break-after: page; }
  h2 { break-before: page; break-after: avoid; }
  h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .8em; word-break: break-all; }
}
`;
