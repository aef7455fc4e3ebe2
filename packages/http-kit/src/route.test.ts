import { describe, expect, it } from 'vitest';
import { testRoutes } from './testing-routes.js';

const byId = (id: string) => {
  const route = testRoutes.find((r) => r.operationId === id);
  if (route === undefined) throw new Error(`no route ${id}`);
  return route;
};
const raw = (parts: { params?: unknown; query?: unknown; body?: unknown }) => ({
  params: parts.params ?? {},
  query: parts.query ?? {},
  body: parts.body,
});

describe('a route built with routesFor', () => {
  it('parses params and query with their schemas and answers the checked JSON', async () => {
    const answer = await byId('getItem').run(raw({ params: { id: 'a1' } }), { caller: 'u1' });
    expect(answer).toEqual({
      kind: 'json',
      status: 200,
      headers: {},
      json: JSON.stringify({ id: 'a1', name: '光伏组件', price: 120 }),
    });
  });

  it('refuses input that breaks a schema with 400 invalid-input and one issue per field', async () => {
    await expect(
      byId('getItem').run(raw({ params: { id: 'x' } }), { caller: 'u1' }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'invalid-input',
      issues: [{ path: 'params.id', message: expect.stringMatching(/[\u4e00-\u9fff]/) as unknown }],
    });
    await expect(
      byId('getItem').run(raw({ params: { id: 'a1' }, query: { currency: 'EUR' } }), {
        caller: 'u1',
      }),
    ).rejects.toMatchObject({ status: 400, issues: [{ path: 'query.currency' }] });
  });

  it('lets a handler throw an ApiError of its own', async () => {
    await expect(
      byId('getItem').run(raw({ params: { id: 'zz' } }), { caller: 'u1' }),
    ).rejects.toMatchObject({ status: 404, code: 'not-found' });
  });

  it('hands the handler its context and answers the declared status', async () => {
    const answer = await byId('createItem').run(raw({ body: { name: '风电', price: 3 } }), {
      caller: 'u9',
    });
    expect(answer).toMatchObject({ status: 201, json: '{"id":"u9-风电","name":"风电","price":3}' });
  });

  it('treats an answer that breaks its own schema as a bug, not a reply', async () => {
    await expect(
      byId('createItem').run(raw({ body: { name: '风电', price: 1 } }), { caller: 'u9' }),
    ).rejects.toThrow(/produced an invalid 201 body/);
  });

  it('sends prepared JSON as it was made, with the reply’s headers', async () => {
    const answer = await byId('listItems').run(raw({}), { caller: undefined });
    expect(answer).toMatchObject({
      kind: 'json',
      headers: { 'Cache-Control': 'public, max-age=60' },
      json: '{"items":[{"id":"a1","name":"光伏组件","price":120}]}',
    });
  });

  it('answers a file with its declared media type and attachment name', async () => {
    const answer = await byId('getItemPhoto').run(raw({ params: { id: 'a1' } }), {
      caller: undefined,
    });
    expect(answer).toMatchObject({ kind: 'media', mediaType: 'image/png', attachment: 'a1.png' });
  });

  it('exposes what it reads: no schema for a part it does not read', () => {
    const list = byId('listItems');
    expect([list.params, list.query, list.body]).toEqual([undefined, undefined, undefined]);
    expect(byId('getItem').params).toBeDefined();
    expect(byId('createItem').errors).toEqual([409]);
  });
});
