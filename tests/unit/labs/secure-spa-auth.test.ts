import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VirtualClock } from '../../../labs/kit/virtual-clock.ts';
import { FakeIdentityService } from '../../../labs/secure-spa-auth/support/fake-identity.ts';
import { FakeKms } from '../../../labs/secure-spa-auth/support/fake-kms.ts';
import { evaluate, type PolicyDocument } from '../../../labs/secure-spa-auth/support/policy-evaluator.ts';

describe('the fake KMS', () => {
  it('refuses to export the private key', async () => {
    const kms = await FakeKms.create();
    assert.throws(() => kms.exportPrivateKey(), /cannot be exported/);
  });

  it('signs so that the public key verifies, and only with its own key id', async () => {
    const kms = await FakeKms.create('alias/a');
    const message = new TextEncoder().encode('header.payload');
    const signature = await kms.sign({ keyId: 'alias/a', message, signingAlgorithm: 'ECDSA_SHA_256' });
    assert.ok(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, kms.getPublicKey(), signature, message));
    await assert.rejects(kms.sign({ keyId: 'alias/b', message, signingAlgorithm: 'ECDSA_SHA_256' }), /no key "alias\/b"/);
  });
});

describe('the policy evaluator', () => {
  const request = { action: 'dynamodb:GetItem', resource: 'arn:table', context: {} };

  it('denies by default', () => {
    assert.equal(evaluate({ Version: '2012-10-17', Statement: [] }, request), 'Deny');
  });

  it('lets an explicit Deny win over an Allow', () => {
    const policy: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' },
        { Effect: 'Deny', Action: 'dynamodb:GetItem', Resource: 'arn:table' },
      ],
    };
    assert.equal(evaluate(policy, request), 'Deny');
  });

  it('substitutes policy variables from the request context', () => {
    const policy: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:table', Condition: { StringEquals: { owner: '${who}' } } }],
    };
    assert.equal(evaluate(policy, { ...request, context: { who: 'me', owner: 'me' } }), 'Allow');
    assert.equal(evaluate(policy, { ...request, context: { who: 'me', owner: 'you' } }), 'Deny');
  });
});

describe('the fake identity service', () => {
  it('issues one-hour credentials and refuses a session token once the clock passes its expiry', () => {
    const clock = new VirtualClock();
    const service = new FakeIdentityService(clock);
    const session = service.login('u');
    assert.equal(service.getCredentials(session).expiresAt, 60 * 60_000);
    clock.advance(24 * 60 * 60_000);
    assert.throws(() => service.getCredentials(session), /expired/);
  });
});
