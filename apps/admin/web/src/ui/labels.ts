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
