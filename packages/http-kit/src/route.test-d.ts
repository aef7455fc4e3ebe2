import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { PreparedJson } from './prepared-json.js';
import { routesFor } from './route.js';
import type { Reply, Route } from './route.js';

const route = routesFor<{ caller: string }, 'public' | 'member'>();
const Item = z.object({ id: z.string(), price: z.coerce.number() });

describe('route types', () => {
  it('infers the handler input from the schemas and the context, with no cast', () => {
    route({
      method: 'post',
      path: '/items/:id',
      operationId: 'x',
      summary: 'x',
      access: 'member',
      responses: { 200: Item },
    })
      .params(z.object({ id: z.string() }))
      .query(z.object({ n: z.coerce.number().default(1) }))
      .body(Item.omit({ id: true }))
      .handle((input) => {
        expectTypeOf(input.params).toEqualTypeOf<{ id: string }>();
        expectTypeOf(input.query).toEqualTypeOf<{ n: number }>();
        expectTypeOf(input.body).toEqualTypeOf<{ price: number }>();
        expectTypeOf(input.caller).toEqualTypeOf<string>();
        return { body: { id: input.params.id, price: input.body.price } };
      });
  });

  it('gives the handler undefined for a part the route does not read', () => {
    route({
      method: 'get',
      path: '/',
      operationId: 'y',
      summary: 'y',
      access: 'public',
      responses: { 200: Item },
    }).handle((input) => {
      expectTypeOf(input.params).toEqualTypeOf<undefined>();
      expectTypeOf(input.query).toEqualTypeOf<undefined>();
      expectTypeOf(input.body).toEqualTypeOf<undefined>();
      return { body: { id: 'a', price: 1 } };
    });
  });

  it('allows only declared statuses, each with its own body (status 200 may be left out)', () => {
    type R = Reply<{ 200: typeof Item; 201: z.ZodObject<{ created: z.ZodLiteral<true> }> }>;
    expectTypeOf<{ body: { id: string; price: number } }>().toExtend<R>();
    expectTypeOf<{ status: 201; body: { created: true } }>().toExtend<R>();
    expectTypeOf<{ status: 201; body: { id: string; price: number } }>().not.toExtend<R>();
    expectTypeOf<{ status: 404; body: { id: string; price: number } }>().not.toExtend<R>();
    expectTypeOf<{ body: { id: number; price: number } }>().not.toExtend<R>();
  });

  it('accepts prepared JSON only of the declared answer’s type', () => {
    type R = Reply<{ 200: typeof Item }>;
    const item = PreparedJson.of(Item, { id: 'a', price: '3' });
    const other = PreparedJson.of(z.object({ other: z.string() }), { other: 'b' });
    expectTypeOf({ prepared: item }).toExtend<R>();
    expectTypeOf({ prepared: other }).not.toExtend<R>();
    expectTypeOf({ prepared: { json: '{}', value: { id: 'a', price: 1 } } }).not.toExtend<R>();
  });

  it('files answer content, not JSON', () => {
    type R = Reply<{ 200: { mediaType: string; description: string } }>;
    expectTypeOf<{ content: Uint8Array; attachment: string }>().toExtend<R>();
    expectTypeOf<{ body: unknown }>().not.toExtend<R>();
  });

  it('keeps routes of different schemas in one list of the app’s route type', () => {
    const a = route({
      method: 'get',
      path: '/a',
      operationId: 'a',
      summary: 'a',
      access: 'public',
      responses: { 200: z.string() },
    }).handle(() => ({ body: 'a' }));
    const b = route({
      method: 'get',
      path: '/b/:n',
      operationId: 'b',
      summary: 'b',
      access: 'member',
      responses: { 200: z.number() },
    })
      .params(z.object({ n: z.coerce.number() }))
      .handle(({ params }) => ({ body: params.n }));
    expectTypeOf([a, b]).toEqualTypeOf<Route<{ caller: string }, 'public' | 'member'>[]>();
  });
});
