/** A form value: one string, or a list sent as the same key repeated. */
export type FormValue = string | number | boolean | readonly string[] | undefined;

/**
 * Percent-encodes every character outside RFC 3986's unreserved set. `encodeURIComponent`
 * leaves `! ' ( ) *` alone; encoding them too keeps the body unambiguous for any parser.
 */
export function percentEncode(value: string): string {
  // A lone surrogate would make encodeURIComponent throw; it becomes U+FFFD instead (inputs are checked long before).
  return encodeURIComponent(value.toWellFormed()).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Builds an `application/x-www-form-urlencoded` body; lists repeat their key, `undefined` is left out. */
export function encodeForm(params: Readonly<Record<string, FormValue>>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [String(value)];
    for (const item of values) pairs.push(`${percentEncode(key)}=${percentEncode(item)}`);
  }
  return pairs.join('&');
}
