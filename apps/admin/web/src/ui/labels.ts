import type { SessionView } from '../api/endpoints.js';

export const ROLE_LABELS: Record<SessionView['user']['role'], string> = {
  editor: '编辑',
  publisher: '发布人',
  admin: '管理员',
};

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Shanghai',
});

/** An ISO time as editors in Leshan read it. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

const day = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: 'Asia/Shanghai',
});

/** Today in Leshan as YYYY-MM-DD, whatever the browser's own time zone. */
export function todayInShanghai(now: Date = new Date()): string {
  return day.format(now);
}
