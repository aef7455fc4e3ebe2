import { FEEDBACK_CONTACT_MAX, FEEDBACK_TEXT_MAX } from '@leshan/report-store/feedback';
import type { FeedbackKind } from '@leshan/report-store/feedback';
import { usePage } from './context.js';
import { localPath } from './i18n.js';

/** What the citizen typed, kept when the form comes back with an error. */
export interface FeedbackFormValues {
  kind: FeedbackKind;
  text: string;
  contact: string;
}

export type FeedbackField = keyof FeedbackFormValues;
export type FeedbackErrors = Partial<Record<FeedbackField, string>>;

const KINDS: [FeedbackKind, string, string][] = [
  ['correction', '内容有误（纠错）', 'Something is wrong (correction)'],
  ['progress-tip', '提供进展线索', 'News of the progress'],
];

const EMPTY: FeedbackFormValues = { kind: 'correction', text: '', contact: '' };

/** The field names as the error summary says them. */
export function feedbackFieldName(field: FeedbackField, lang: 'zh' | 'en'): string {
  const names: Record<FeedbackField, [string, string]> = {
    kind: ['类别', 'Kind'],
    text: ['意见内容', 'Your message'],
    contact: ['联系方式', 'Contact'],
  };
  return names[field][lang === 'en' ? 1 : 0];
}

/** The path the form posts to (latest edition, in the interface language). */
export function feedbackAction(lang: 'zh' | 'en', measureId: string): string {
  return localPath(lang, `/measures/${measureId}/feedback`);
}

/**
 * 我要纠错 (issue 19): a plain form that works without JavaScript, posted to the viewer. What a
 * citizen writes goes to the editors' queue only; it is never shown on the site.
 */
export function FeedbackForm({
  measureId,
  editionNumber,
  values = EMPTY,
  errors = {},
}: {
  measureId: string;
  editionNumber: number;
  values?: FeedbackFormValues;
  errors?: FeedbackErrors;
}) {
  const { lang, pick } = usePage();
  const id = (name: string): string => `feedback-${name}`;
  const invalid = (field: FeedbackField) =>
    errors[field] === undefined
      ? {}
      : { 'aria-invalid': true as const, 'aria-describedby': id(`${field}-error`) };
  const problem = (field: FeedbackField) =>
    errors[field] === undefined ? null : (
      <p className="feedback-error" id={id(`${field}-error`)}>
        {errors[field]}
      </p>
    );
  const listed = (Object.keys(errors) as FeedbackField[]).filter((f) => errors[f] !== undefined);
  return (
    <section className="feedback" aria-labelledby={id('h')}>
      <h2 id={id('h')}>{pick('我要纠错', 'Report an error')}</h2>
      <p>
        {pick(
          '发现这条举措的内容或进展有误，或知道最新进展？请告诉编辑。您写的内容只发给编辑核实，不会在网站上公开。',
          'Is something about this measure wrong, or do you know of new progress? Tell the editors. What you write goes to them only and is never published on this site.',
        )}
      </p>
      {listed.length > 0 && (
        <div className="feedback-summary" role="alert">
          <p>{pick('请修改以下内容后再提交：', 'Please correct the following and send again:')}</p>
          <ul>
            {listed.map((field) => (
              <li key={field}>
                <a href={`#${id(field)}`}>
                  {feedbackFieldName(field, lang)}：{errors[field]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={feedbackAction(lang, measureId)} className="feedback-form">
        <input type="hidden" name="edition" value={editionNumber} />
        <fieldset id={id('kind')} {...invalid('kind')}>
          <legend>{pick('类别', 'Kind')}</legend>
          {KINDS.map(([kind, zh, en]) => (
            <label key={kind}>
              <input type="radio" name="kind" value={kind} defaultChecked={values.kind === kind} />{' '}
              {pick(zh, en)}
            </label>
          ))}
          {problem('kind')}
        </fieldset>
        <label htmlFor={id('text')}>
          {pick('意见内容', 'Your message')}
          <span className="feedback-hint">
            {pick(
              `（必填，不超过 ${FEEDBACK_TEXT_MAX} 字）`,
              ` (required, up to ${FEEDBACK_TEXT_MAX} characters)`,
            )}
          </span>
        </label>
        <textarea
          id={id('text')}
          name="text"
          rows={6}
          required
          maxLength={FEEDBACK_TEXT_MAX}
          defaultValue={values.text}
          {...invalid('text')}
        />
        {problem('text')}
        <label htmlFor={id('contact')}>
          {pick('联系方式', 'Contact')}
          <span className="feedback-hint">
            {pick(
              `（选填，不超过 ${FEEDBACK_CONTACT_MAX} 字，仅供编辑回复您）`,
              ` (optional, up to ${FEEDBACK_CONTACT_MAX} characters, only for the editors to reply)`,
            )}
          </span>
        </label>
        <input
          id={id('contact')}
          name="contact"
          type="text"
          autoComplete="email"
          maxLength={FEEDBACK_CONTACT_MAX}
          defaultValue={values.contact}
          {...invalid('contact')}
        />
        {problem('contact')}
        <button type="submit">{pick('提交给编辑', 'Send to the editors')}</button>
      </form>
    </section>
  );
}
