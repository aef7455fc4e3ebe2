import type { SessionView } from '../api/endpoints.js';
import type { Route } from './router.js';

/**
 * The menus of the header: a screen in a group is one of the group's menu (a disclosure button in
 * the header; on a phone a headed part of the one 更多 menu). A group with one screen the role
 * may open is shown as that screen's link.
 */
export const NAV_GROUPS = [
  { id: 'follow-up', label: '跟踪督办' },
  { id: 'publishing', label: '导入与发布' },
  { id: 'manage', label: '管理' },
] as const;
export type NavGroup = (typeof NAV_GROUPS)[number]['id'];

export interface NavItem {
  route: Route;
  label: string;
  needs: keyof SessionView['permissions'] | null;
  /** null: always in the header (编辑 · 预览 · 修订历史); else the menu it is in. */
  group: NavGroup | null;
}

/**
 * The screens in the order editors work through them, with the permission each needs and the menu
 * it is in. A new screen adds one line here with its group (公众反馈: follow-up, 站点设置: manage);
 * within a group the order here is the menu's order.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { route: 'edit', label: '编辑', needs: null, group: null },
  { route: 'preview', label: '预览', needs: null, group: null },
  { route: 'history', label: '修订历史', needs: null, group: null },
  { route: 'oversight', label: '督办看板', needs: 'edit', group: 'follow-up' },
  { route: 'departments', label: '单位管理', needs: 'edit', group: 'follow-up' },
  { route: 'sheet', label: '批量更新', needs: 'edit', group: 'follow-up' },
  { route: 'review', label: '待审核', needs: 'edit', group: 'follow-up' },
  { route: 'feedback', label: '公众反馈', needs: 'edit', group: 'follow-up' },
  { route: 'import', label: '导入原文', needs: 'edit', group: 'publishing' },
  { route: 'publish', label: '发布', needs: 'publish', group: 'publishing' },
  { route: 'users', label: '用户管理', needs: 'manageUsers', group: 'manage' },
  { route: 'audit', label: '审计日志', needs: 'manageUsers', group: 'manage' },
  { route: 'settings', label: '站点设置', needs: 'manageUsers', group: 'manage' },
];

/** The items the role may open (what it may not do is not offered). */
export function navItemsFor(permissions: SessionView['permissions']): NavItem[] {
  return NAV_ITEMS.filter((item) => item.needs === null || permissions[item.needs]);
}

/** What the header shows: links, and menus of two or more links, in NAV_ITEMS order. */
export type NavEntry =
  { kind: 'link'; item: NavItem } | { kind: 'menu'; id: NavGroup; label: string; items: NavItem[] };

/** The header's entries for these items: ungrouped links first, then each group's menu. */
export function navEntries(items: readonly NavItem[]): NavEntry[] {
  const links: NavEntry[] = items
    .filter((item) => item.group === null)
    .map((item) => ({ kind: 'link', item }));
  const menus = NAV_GROUPS.flatMap((group): NavEntry[] => {
    const inGroup = items.filter((item) => item.group === group.id);
    if (inGroup.length === 1 && inGroup[0] !== undefined)
      return [{ kind: 'link', item: inGroup[0] }];
    return inGroup.length === 0 ? [] : [{ kind: 'menu', ...group, items: inGroup }];
  });
  return [...links, ...menus];
}

/** What the role may not do is not offered: the screens it may open (and everyone's own account). */
export function allowedRoutes(permissions: SessionView['permissions']): Route[] {
  return [...navItemsFor(permissions).map((item) => item.route), 'account'];
}
