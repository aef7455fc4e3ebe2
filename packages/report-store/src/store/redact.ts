type JSONType = string | number | boolean | null | JSONType[] | { [key: string]: JSONType };

const SECRET_KEY = /pass(word)?|secret|token|hash|csrf|cookie|authori[sz]ation|api[-_]?key/i;

/** A copy of audit details with every value under a secret-looking key replaced, at any depth. */
export function redactSecrets(value: unknown): JSONType {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value === 'object') {
    const out: Record<string, JSONType> = {};
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      out[key] = SECRET_KEY.test(key) ? '[redacted]' : redactSecrets(child);
    }
    return out;
  }
  return null;
}
