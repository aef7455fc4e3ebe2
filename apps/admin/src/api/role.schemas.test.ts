import { describe, expectTypeOf, it, expect } from 'vitest';
import { RoleSchema as StoreRoleSchema } from '@leshan/report-store';
import type { Role as StoreRole } from '@leshan/report-store';
import { RoleSchema } from './role.schemas.js';
import type { Role } from './role.schemas.js';

describe('RoleSchema', () => {
  it('is the same vocabulary as the store’s', () => {
    expect(RoleSchema.options).toEqual(StoreRoleSchema.options);
    expectTypeOf<Role>().toEqualTypeOf<StoreRole>();
  });
});
