import { ApiError } from '../api/api-error.js';

/** The Chinese message of anything thrown by an API call. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    const details = error.body.issues.map((i) => i.message).filter((m) => m !== error.message);
    return details.length === 0 ? error.message : `${error.message}：${details.join('；')}`;
  }
  return '发生意外错误，请刷新页面后重试';
}

export function ErrorMessage({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <p className="error-banner" role="alert">
      {messageOf(error)}
    </p>
  );
}
