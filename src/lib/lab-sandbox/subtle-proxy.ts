import {
  isWireKey,
  mapKeys,
  SUBTLE_METHODS,
  type SubtleAnswer,
  type SubtleCall,
  type WireKey,
} from './subtle-wire.ts';

/**
 * Gives a lab worker without a secure context a `crypto.subtle` that asks the sandbox document
 * over `port`. Keys are handles shaped like CryptoKey (jose recognises them by their tag); the
 * real keys stay in the document. A worker that has its own `crypto.subtle` keeps it.
 */
export function installSubtleProxy(port: MessagePort): void {
  if (globalThis.crypto?.subtle) {
    port.close();
    return;
  }
  const send: (call: SubtleCall) => void = MessagePort.prototype.postMessage.bind(port);
  const pending = new Map<
    number,
    { resolve(value: unknown): void; reject(error: unknown): void }
  >();
  const refs = new WeakMap<object, number>();
  let nextCall = 1;

  const toHandle = (value: unknown): unknown => {
    if (!isWireKey(value)) return value;
    const { keyRef, type, algorithm, extractable, usages } = value;
    const handle = Object.freeze({
      [Symbol.toStringTag]: 'CryptoKey',
      type,
      algorithm,
      extractable,
      usages,
    });
    refs.set(handle, keyRef);
    return handle;
  };
  const toWire = (value: unknown): unknown => {
    const keyRef = typeof value === 'object' && value !== null ? refs.get(value) : undefined;
    return keyRef === undefined ? value : ({ keyRef } as Pick<WireKey, 'keyRef'>);
  };

  port.onmessage = (event: MessageEvent<SubtleAnswer>) => {
    const answer = event.data;
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if ('error' in answer)
      waiting.reject(new DOMException(answer.error.message, answer.error.name));
    else waiting.resolve(mapKeys(answer.result, toHandle));
  };
  const subtle = Object.fromEntries(
    SUBTLE_METHODS.map((method) => [
      method,
      (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          const id = nextCall++;
          pending.set(id, { resolve, reject });
          send({ id, method, args: args.map((arg) => mapKeys(arg, toWire)) });
        }),
    ]),
  );
  Object.defineProperty(globalThis.crypto, 'subtle', {
    value: Object.freeze(subtle),
    enumerable: true,
  });
}
