/**
 * What learner code must not reach, even if the sandbox around it failed: the network, storage,
 * other workers and channels to other contexts. None of it is needed by the kit or a lab.
 */
const SCOPE_NAMES = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'importScripts',
  'caches',
  'indexedDB',
  'cookieStore',
  'BroadcastChannel',
  'Worker',
  'SharedWorker',
];
const NAVIGATOR_NAMES = ['storage', 'locks', 'serviceWorker'];

/**
 * Removes each name from `target` and from every prototype above it. Setting an own property to
 * undefined is not enough: the real getter stays on the prototype (`WorkerGlobalScope.prototype`)
 * and can be called on the global object.
 */
function removeAlongChain(target: object, names: string[]): void {
  for (const name of names) {
    for (let holder: object | null = target; holder; holder = Object.getPrototypeOf(holder)) {
      if (!Object.hasOwn(holder, name) || Reflect.deleteProperty(holder, name)) continue;
      try {
        Object.defineProperty(holder, name, {
          value: undefined,
          writable: false,
          configurable: false,
        });
      } catch {
        // Neither deletable nor redefinable: the opaque origin and the sandbox's CSP still stand.
      }
    }
  }
}

/** Strips the worker's global scope before learner code loads. */
export function stripGlobals(scope: typeof globalThis): void {
  if (scope.navigator) removeAlongChain(scope.navigator, NAVIGATOR_NAMES);
  removeAlongChain(scope, SCOPE_NAMES);
}
