import { usePage } from '../context.js';

/** A page that only says something: not found, nothing published yet, a bad query. */
export function MessagePage({ title, lines }: { title: string; lines: readonly string[] }) {
  const { link, t } = usePage();
  return (
    <>
      <h1>{title}</h1>
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      <p>
        <a href={link('/')}>{t.home}</a>
      </p>
    </>
  );
}
