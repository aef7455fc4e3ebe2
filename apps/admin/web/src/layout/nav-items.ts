import type { SessionView } from '../api/endpoints.js';
import type { Route } from './router.js';

export interface NavItem {
  route: Route;
  label: string;
  needs: keyof SessionView['permissions'] | null;
}

/** The screens in the order editors work through them, with the permission each needs. */
export const NAV_ITEMS: readonly NavItem[] = [
  { route: 'edit', label: '编辑', needs: null },
  { route: 'preview', label: '预览', needs: null },
  { route: 'history', label: '修订历史', needs: null },
  { route: 'oversight', label: '督办看板', needs: 'edit' },
  { route: 'departments', label: '单位管理', needs: 'edit' },
  { route: 'import', label: '导入原文', needs: 'edit' },
  { route: 'sheet', label: '批量更新', needs: 'edit' },
  { route: 'review', label: '待审核', needs: 'edit' },
  { route: 'feedback', label: '公众反馈', needs: 'edit' },
  { route: 'publish', label: '发布', needs: 'publish' },
  { route: 'users', label: '用户管理', needs: 'manageUsers' },
  { route: 'audit', label: '审计日志', needs: 'manageUsers' },
  { route: 'settings', label: '站点设置', needs: 'manageUsers' },
];

/** What the role may not do is not offered: the screens it may open (and everyone's own account). */
export function allowedRoutes(permissions: SessionView['permissions']): Route[] {
  return [
    ...NAV_ITEMS.filter((item) => item.needs === null || permissions[item.needs]).map(
      (item) => item.route,
    ),
    'account',
  ];
}
