import { usePage } from './context.js';
import { localPath } from './i18n.js';
import { TEXT_SIZE_LABELS, TEXT_SIZES, textSizeHref } from './text-size.js';

/**
 * 字号：标准 / 大 / 特大 — plain links, so it works without JavaScript: the server sets a cookie
 * and sends the reader back to this page (see server/pages/text-size-route.ts). Absent from
 * the static build, which has no server to remember the choice.
 */
export function TextSizeControl() {
  const { lang, path, base, query, textSize, textSizeControl, pick } = usePage();
  if (!textSizeControl) return null;
  const back = `${localPath(lang, `${base}${path === '/' && base !== '' ? '' : path}`)}${query}`;
  return (
    <nav className="text-size" aria-label={pick('字号', 'Text size')}>
      <span className="text-size-label" aria-hidden="true">
        {pick('字号', 'Text size')}
      </span>
      <ul>
        {TEXT_SIZES.map((size) => (
          <li key={size}>
            <a
              href={textSizeHref(size, back)}
              rel="nofollow"
              aria-current={size === textSize ? 'true' : undefined}
              className={`text-size-${size}`}
            >
              {pick(TEXT_SIZE_LABELS[size].zh, TEXT_SIZE_LABELS[size].en)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
