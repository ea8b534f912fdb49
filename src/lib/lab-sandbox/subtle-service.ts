import {
  isSubtleCall,
  isWireKey,
  mapKeys,
  type SubtleAnswer,
  type WireKey,
} from './subtle-wire.ts';

/** Answers one lab worker's SubtleCrypto calls on `port` with the sandbox document's own. */
export function serveSubtle(port: MessagePort): void {
  const keys = new Map<number, CryptoKey>();
  const toWire = (value: unknown): unknown => {
    if (!(value instanceof CryptoKey)) return value;
    const keyRef = keys.size + 1;
    keys.set(keyRef, value);
    return {
      keyRef,
      type: value.type,
      algorithm: value.algorithm,
      extractable: value.extractable,
      usages: value.usages,
    } satisfies WireKey;
  };
  const fromWire = (value: unknown): unknown => (isWireKey(value) ? keys.get(value.keyRef) : value);
  port.onmessage = async (event: MessageEvent) => {
    const call = event.data;
    if (!isSubtleCall(call)) return;
    let answer: SubtleAnswer;
    try {
      const method = crypto.subtle[call.method] as (...args: unknown[]) => Promise<unknown>;
      const result = await method.apply(
        crypto.subtle,
        call.args.map((arg) => mapKeys(arg, fromWire)),
      );
      answer = { id: call.id, result: mapKeys(result, toWire) };
    } catch (error) {
      answer = {
        id: call.id,
        error: {
          name: error instanceof Error ? error.name : 'Error',
          message: String((error as Error)?.message ?? error),
        },
      };
    }
    port.postMessage(answer);
  };
}
