import type { z } from 'zod';

/**
 * JSON text made from a value that passed its schema, for answers worth making once (a whole
 * edition, cached by its hash). Only `of` and `fromText` make one, so a route declared to answer
 * `S` can only be given JSON that passed a schema with `S`'s output type.
 */
export class PreparedJson<T> {
  readonly #json: string;

  private constructor(
    readonly value: T,
    json: string,
  ) {
    this.#json = json;
  }

  get json(): string {
    return this.#json;
  }

  /** Checks the value (throws the ZodError when it does not pass) and serializes it once. */
  static of<S extends z.ZodType>(schema: S, value: z.input<S>): PreparedJson<z.output<S>> {
    const checked = schema.parse(value);
    return new PreparedJson(checked, JSON.stringify(checked));
  }

  /** JSON text made elsewhere (a serialized index), checked against the schema it is sent under. */
  static fromText<S extends z.ZodType>(schema: S, text: string): PreparedJson<z.output<S>> {
    const raw: unknown = JSON.parse(text);
    return new PreparedJson(schema.parse(raw), text);
  }
}
