import type { SessionView } from '../api/endpoints.js';

export const ROLE_LABELS: Record<SessionView['user']['role'], string> = {
  reporter: '部门填报员',
  editor: '编辑',
  publisher: '发布人',
  admin: '管理员',
};

/** An ISO time as editors in Leshan read it, in Asia/Shanghai: 2024年3月1日 08:05 (report-core). */
export { formatDateTime as formatTime } from '@leshan/report-core/labels';
