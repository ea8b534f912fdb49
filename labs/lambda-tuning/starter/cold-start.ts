// Exercise 2 — Cold starts and global scope.
import type { FakeSdk, Handler } from '../support/execution-environments.ts';

/**
 * Lambda runs the code outside your handler once per execution environment (the init phase, part
 * of a cold start) and then calls the handler for every request that environment serves.
 * Here the body of `createFunction` is that outside code, and the function it returns is the
 * handler. (The simulator runs many environments in one JavaScript module, so a variable at the
 * top of this file would be shared by all of them, which real environments never do.)
 *
 * The handler below builds a database client on every request. Make it build one per
 * environment instead, and keep answering every request with the order it asked for.
 */
export function createFunction(sdk: FakeSdk): Handler {
  // Init phase: runs once per execution environment.

  return function handler(event) {
    // TODO: this client is expensive to build; it should not be built on every request.
    const client = sdk.createDatabaseClient();
    return client.getOrder(event.orderId);
  };
}
