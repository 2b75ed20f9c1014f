// Large payloads (queue snapshots) travel as UTF-8 JSON bytes: the server serialises each one
// once per change and every socket and HTTP reply shares those bytes instead of its own copy.

/** JSON of a `T` as bytes: a Buffer on the server, an ArrayBuffer in browsers, a Buffer in Node clients. */
export type JsonBytes<T> = (ArrayBuffer | Uint8Array) & { readonly __json?: T };

const decoder = new TextDecoder();

export function decodeJson<T>(bytes: JsonBytes<T>): T {
  return JSON.parse(decoder.decode(bytes)) as T;
}
