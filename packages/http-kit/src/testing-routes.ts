import { z } from 'zod';
import { ApiError } from './api-error.js';
import { PreparedJson } from './prepared-json.js';
import { routesFor } from './route.js';

/** A small app's routes for the toolkit's own tests: a context with a caller, three access levels. */
export interface TestContext {
  caller: string | undefined;
}
export type TestAccess = 'public' | 'member' | 'owner';
const route = routesFor<TestContext, TestAccess>();

export const ItemSchema = z.object({ id: z.string(), name: z.string(), price: z.int().min(0) });
const ITEMS = [{ id: 'a1', name: '光伏组件', price: 120 }];
const prepared = PreparedJson.of(z.object({ items: z.array(ItemSchema) }), { items: ITEMS });

export const testRoutes = [
  route({
    method: 'get',
    path: '/items',
    operationId: 'listItems',
    summary: 'Every item',
    access: 'public',
    responses: { 200: z.object({ items: z.array(ItemSchema) }) },
  }).handle(() => ({ prepared, headers: { 'Cache-Control': 'public, max-age=60' } })),
  route({
    method: 'get',
    path: '/items/:id',
    operationId: 'getItem',
    summary: 'One item',
    tag: 'items',
    access: 'member',
    responses: { 200: ItemSchema },
    errors: [404],
  })
    .params(z.object({ id: z.string().min(2).max(10) }))
    .query(z.object({ currency: z.enum(['CNY', 'USD']).default('CNY') }))
    .handle(({ params }) => {
      const item = ITEMS.find((i) => i.id === params.id);
      if (item === undefined) throw new ApiError(404, 'not-found', `未找到“${params.id}”`);
      return { body: item };
    }),
  route({
    method: 'post',
    path: '/items',
    operationId: 'createItem',
    summary: 'Add an item',
    tag: 'items',
    access: 'owner',
    responses: { 201: ItemSchema },
    errors: [409],
  })
    .body(ItemSchema.omit({ id: true }))
    .handle(({ body, caller }) => {
      // A bug on purpose for a negative price of 1: the answer breaks its schema.
      const price = body.price === 1 ? -1 : body.price;
      return { status: 201, body: { id: `${caller ?? 'x'}-${body.name}`, name: body.name, price } };
    }),
  route({
    method: 'get',
    path: '/items/:id/photo',
    operationId: 'getItemPhoto',
    summary: 'The photo of an item',
    access: 'public',
    responses: { 200: { mediaType: 'image/png', description: 'The photo' } },
  })
    .params(z.object({ id: z.string() }))
    .handle(({ params }) => ({
      content: new TextEncoder().encode(`png of ${params.id}`),
      attachment: `${params.id}.png`,
    })),
];
