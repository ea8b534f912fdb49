import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filesUnder, readLabFolder } from '../../helpers/lab-files.ts';
import {
  assertCaught,
  describeUnderManySeeds,
  withTextMistake,
  type WrongSolution,
} from '../../helpers/lab-checks.ts';
import { lab } from '../../../labs/secure-spa-auth/lab.ts';
import { VirtualClock } from '../../../labs/kit/virtual-clock.ts';
import {
  derToJoseSignature,
  joseToDerSignature,
} from '../../../labs/secure-spa-auth/support/der-signature.ts';
import {
  FakeApi,
  FakeIdentityService,
} from '../../../labs/secure-spa-auth/support/fake-identity.ts';
import { FakeKms, MAX_MESSAGE_BYTES } from '../../../labs/secure-spa-auth/support/fake-kms.ts';
import {
  AccessDeniedException,
  FakeTable,
} from '../../../labs/secure-spa-auth/support/fake-table.ts';
import {
  evaluate,
  type AccessRequest,
  type PolicyDocument,
} from '../../../labs/secure-spa-auth/support/policy-evaluator.ts';
import {
  CREDENTIALS_SECONDS,
  SESSION_SECONDS,
} from '../../../labs/secure-spa-auth/support/session.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the fake KMS', () => {
  it('refuses to export the private key', async () => {
    const kms = await FakeKms.create();
    await assert.rejects(kms.exportPrivateKey(), /cannot be exported: it never leaves KMS/);
  });

  it('exposes only the public half of its key pair', async () => {
    const kms = await FakeKms.create();
    assert.equal(kms.getPublicKey().type, 'public');
    const exposed = Object.values(kms).filter((value) => value instanceof CryptoKey);
    assert.deepEqual(exposed, []);
    assert.equal(
      'd' in (await kms.exportPublicJwk()),
      false,
      'the JWK must not carry the private scalar d',
    );
  });

  it('signs like KMS Sign: a DER signature that the public key verifies once turned into r‖s', async () => {
    const kms = await FakeKms.create();
    const message = bytes('header.payload');
    const der = await kms.sign({ keyId: kms.keyId, message, signingAlgorithm: 'ECDSA_SHA_256' });
    assert.equal(der[0], 0x30);
    const raw = derToJoseSignature(der);
    assert.equal(raw.length, 64);
    assert.ok(
      await crypto.subtle.verify(
        { name: 'ECDSA', hash: 'SHA-256' },
        kms.getPublicKey(),
        raw as BufferSource,
        message,
      ),
    );
    assert.equal(kms.signatures, 1);
  });

  it('refuses another key id, another algorithm and a message over 4,096 bytes', async () => {
    const kms = await FakeKms.create('key-a');
    await assert.rejects(
      kms.sign({ keyId: 'key-b', message: bytes('x'), signingAlgorithm: 'ECDSA_SHA_256' }),
      /NotFoundException: no KMS key "key-b"/,
    );
    await assert.rejects(
      kms.sign({
        keyId: 'key-a',
        message: bytes('x'),
        signingAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' as 'ECDSA_SHA_256',
      }),
      /InvalidKeyUsageException/,
    );
    await assert.rejects(
      kms.sign({
        keyId: 'key-a',
        message: new Uint8Array(MAX_MESSAGE_BYTES + 1),
        signingAlgorithm: 'ECDSA_SHA_256',
      }),
      /at most 4096/,
    );
    await kms.sign({
      keyId: 'key-a',
      message: new Uint8Array(MAX_MESSAGE_BYTES),
      signingAlgorithm: 'ECDSA_SHA_256',
    });
    assert.equal(kms.signatures, 1);
  });
});

describe('DER and r‖s signatures', () => {
  const cases: Array<[string, number[], number[]]> = [
    ['small numbers', [1], [2]],
    [
      'numbers with the high bit set, which DER pads with 0x00',
      [0xff, ...new Array(31).fill(0x11)],
      [0x80, ...new Array(31).fill(0)],
    ],
    [
      'numbers with leading zero bytes, which DER drops',
      [0, 0, 0x7f, ...new Array(29).fill(0x22)],
      [0, 1, ...new Array(30).fill(0x33)],
    ],
  ];
  for (const [name, r, s] of cases) {
    it(`round-trips ${name}`, () => {
      const raw = new Uint8Array(64);
      raw.set(r, 32 - r.length);
      raw.set(s, 64 - s.length);
      assert.deepEqual(derToJoseSignature(joseToDerSignature(raw)), raw);
    });
  }

  it('rejects bytes that are not a DER signature, and says what to pass instead', () => {
    assert.throws(
      () => derToJoseSignature(new Uint8Array(64).fill(1)),
      /not a DER ECDSA signature.*kms\.sign/,
    );
  });
});

describe('the policy evaluator', () => {
  const request: AccessRequest = { action: 'dynamodb:GetItem', resource: 'arn:table', context: {} };
  const allowGetIf = (operator: string, key: string, value: string): PolicyDocument => ({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 'dynamodb:GetItem',
        Resource: 'arn:table',
        Condition: { [operator]: { [key]: value } },
      },
    ],
  });

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
    assert.equal(evaluate(policy, { ...request, action: 'dynamodb:Query' }), 'Allow');
  });

  it('substitutes policy variables from the request context', () => {
    const policy = allowGetIf('StringEquals', 'owner', '${who}');
    assert.equal(evaluate(policy, { ...request, context: { who: 'me', owner: 'me' } }), 'Allow');
    assert.equal(evaluate(policy, { ...request, context: { who: 'me', owner: 'you' } }), 'Deny');
    assert.equal(
      evaluate(policy, { ...request, context: { owner: '' } }),
      'Deny',
      'a missing variable matches nothing',
    );
  });

  it('treats an absent multivalued key as matching ForAllValues and not matching ForAnyValue, as IAM does', () => {
    assert.equal(
      evaluate(allowGetIf('ForAllValues:StringEquals', 'keys', 'mine'), request),
      'Allow',
    );
    assert.equal(evaluate(allowGetIf('ForAnyValue:StringEquals', 'keys', 'mine'), request), 'Deny');
  });

  it('needs every value to match for ForAllValues and one for ForAnyValue', () => {
    const mixed = { ...request, context: { keys: ['mine', 'theirs'] } };
    assert.equal(evaluate(allowGetIf('ForAllValues:StringEquals', 'keys', 'mine'), mixed), 'Deny');
    assert.equal(evaluate(allowGetIf('ForAnyValue:StringEquals', 'keys', 'mine'), mixed), 'Allow');
  });

  it('refuses what it does not model instead of guessing', () => {
    assert.throws(
      () =>
        evaluate(allowGetIf('StringEquals', 'keys', 'mine'), {
          ...request,
          context: { keys: ['mine'] },
        }),
      /needs a set operator/,
    );
    assert.throws(
      () => evaluate(allowGetIf('StringLike', 'owner', 'm*'), request),
      /does not know the condition operator "StringLike"/,
    );
  });
});

describe('the fake DynamoDB table', () => {
  const arn = 'arn:aws:dynamodb:ap-northeast-1:123456789012:table/Orders';
  const orders = [
    { userId: 'me', orderId: '1', item: 'a' },
    { userId: 'you', orderId: '2', item: 'b' },
  ];
  const ownOnly = (actions: string | string[]): PolicyDocument => ({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: actions,
        Resource: arn,
        Condition: {
          'ForAllValues:StringEquals': {
            'dynamodb:LeadingKeys': ['${cognito-identity.amazonaws.com:sub}'],
          },
        },
      },
    ],
  });

  it('evaluates each request with the caller’s identity id and the partition keys it touches', () => {
    const client = new FakeTable(arn, orders).clientFor(
      'me',
      ownOnly(['dynamodb:GetItem', 'dynamodb:BatchGetItem']),
    );
    assert.deepEqual(client.getItem({ userId: 'me', orderId: '1' }), orders[0]);
    assert.throws(() => client.getItem({ userId: 'you', orderId: '2' }), AccessDeniedException);
    assert.throws(
      () =>
        client.batchGetItem([
          { userId: 'me', orderId: '1' },
          { userId: 'you', orderId: '2' },
        ]),
      /partition keys \["me","you"\]/,
    );
  });

  it('lets a scan through a LeadingKeys condition alone, because a scan names no partition key', () => {
    assert.equal(
      new FakeTable(arn, orders).clientFor('me', ownOnly('dynamodb:*')).scan().length,
      2,
    );
    assert.throws(
      () => new FakeTable(arn, orders).clientFor('me', ownOnly('dynamodb:GetItem')).scan(),
      /dynamodb:LeadingKeys is absent/,
    );
  });

  it('keeps writes inside the table it was given and leaves the caller’s array alone', () => {
    const client = new FakeTable(arn, orders).clientFor(
      'me',
      ownOnly(['dynamodb:PutItem', 'dynamodb:Query']),
    );
    client.putItem({ userId: 'me', orderId: '3', item: 'c' });
    assert.equal(client.query('me').length, 2);
    assert.equal(orders.length, 2);
  });
});

describe('the fake identity service and API', () => {
  it('lets the virtual clock drive STS expiry: the API accepts credentials for their hour, then rejects them', () => {
    const clock = new VirtualClock();
    const service = new FakeIdentityService(clock);
    const api = new FakeApi(clock, service);
    const credentials = service.getCredentialsForIdentity(service.login('u'));
    assert.equal(credentials.expiresAt, CREDENTIALS_SECONDS * 1000);
    clock.advance(CREDENTIALS_SECONDS * 1000 - 1);
    assert.equal(api.call(credentials), 'ok');
    clock.advance(1);
    assert.equal(api.call(credentials), 'ExpiredTokenException');
    assert.deepEqual(
      api.requests.map((request) => request.accepted),
      [true, false],
    );
  });

  it('refuses what it did not issue as issued: made-up or stretched credentials and session tokens', () => {
    const clock = new VirtualClock();
    const service = new FakeIdentityService(clock);
    const api = new FakeApi(clock, service);
    const session = service.login('u');
    const credentials = service.getCredentialsForIdentity(session);
    assert.equal(api.call({ ...credentials, accessKeyId: 'AKIAMADEUP' }), 'InvalidClientTokenId');
    assert.equal(
      api.call({ ...credentials, expiresAt: credentials.expiresAt + 1 }),
      'InvalidClientTokenId',
    );
    assert.equal(api.call(credentials), 'ok');
    assert.throws(
      () => service.getCredentialsForIdentity({ ...session, expiresAt: session.expiresAt + 1 }),
      /NotAuthorizedException: this session token was not issued by the service/,
    );
    assert.throws(
      () => service.getCredentialsForIdentity({ token: 'session-u-2', expiresAt: Infinity }),
      /NotAuthorizedException/,
    );
  });

  it('exchanges a session token until its 24 hours are up, then asks for a new sign-in', () => {
    const clock = new VirtualClock();
    const service = new FakeIdentityService(clock);
    const session = service.login('u');
    clock.advance(SESSION_SECONDS * 1000 - 1);
    service.getCredentialsForIdentity(session);
    clock.advance(1);
    assert.throws(
      () => service.getCredentialsForIdentity(session),
      /NotAuthorizedException: the session token has just expired; sign in again/,
    );
    assert.equal(service.exchanges, 1);
    assert.equal(service.logins, 1);
  });
});

const SLUG = 'secure-spa-auth';
const solution = filesUnder(await readLabFolder(SLUG), 'solution');
const mistake = (file: string, from: string, to: string) =>
  withTextMistake(solution, file, from, to);

const wrongSolutions: WrongSolution[] = [
  {
    name: 'lets in any origin that starts with an allowed one',
    caughtBy: 'cors.other-origins-refused',
    files: mistake(
      'cors.ts',
      '!policy.allowedOrigins.includes(origin)',
      '!policy.allowedOrigins.some((allowed) => origin.startsWith(allowed))',
    ),
  },
  {
    name: 'always allows credentials, whatever the policy says',
    caughtBy: 'cors.preflight-allowed',
    files: mistake(
      'cors.ts',
      "...(policy.allowCredentials ? { 'Access-Control-Allow-Credentials': 'true' } : {}),",
      "'Access-Control-Allow-Credentials': 'true',",
    ),
  },
  {
    name: 'leaves Vary out of a refusal',
    caughtBy: 'cors.vary-origin',
    files: mistake(
      'cors.ts',
      "if (origin === undefined || !policy.allowedOrigins.includes(origin)) return { Vary: 'Origin' };",
      'if (origin === undefined || !policy.allowedOrigins.includes(origin)) return {};',
    ),
  },
  {
    name: 'sends the DER signature KMS returns as it is',
    caughtBy: 'token.verifies-with-public-key',
    files: mistake(
      'session-token.ts',
      'base64url.encode(derToJoseSignature(der))',
      'base64url.encode(der)',
    ),
  },
  {
    name: 'writes exp in milliseconds',
    caughtBy: 'token.claims',
    files: mistake(
      'session-token.ts',
      'exp: nowSeconds + SESSION_SECONDS,',
      'exp: nowSeconds + SESSION_SECONDS * 1000,',
    ),
  },
  {
    name: 'tolerates a minute of clock skew',
    caughtBy: 'authorizer.denies-expired',
    files: mistake(
      'authorizer.ts',
      "requiredClaims: ['sub', 'exp'],",
      "requiredClaims: ['sub', 'exp'],\n      clockTolerance: 60,",
    ),
  },
  {
    name: 'does not require exp',
    caughtBy: 'authorizer.denies-no-exp',
    files: mistake('authorizer.ts', "requiredClaims: ['sub', 'exp'],", "requiredClaims: ['sub'],"),
  },
  {
    name: 'still uses credentials with exactly the margin left',
    caughtBy: 'credentials.refresh-margin',
    files: mistake(
      'credentials.ts',
      'expiresAt - clock.now() > REFRESH_MARGIN_MS',
      'expiresAt - clock.now() >= REFRESH_MARGIN_MS',
    ),
  },
  {
    name: 'signs in again on every exchange',
    caughtBy: 'credentials.no-needless-refresh',
    files: mistake(
      'credentials.ts',
      'if (!session || !lastsBeyondMargin(session.expiresAt)) session',
      'session',
    ),
  },
  {
    name: 'allows the actions on every table',
    caughtBy: 'own-data.other-users-denied',
    files: mistake('own-data-policy.ts', 'Resource: tableArn,', "Resource: '*',"),
  },
  {
    name: 'lookup table: the one table the checks used to name, whatever table it is given',
    caughtBy: 'own-data.own-items-allowed',
    files: mistake(
      'own-data-policy.ts',
      'Resource: tableArn,',
      "Resource: 'arn:aws:dynamodb:ap-northeast-1:123456789012:table/Orders',",
    ),
  },
  {
    name: 'uses ForAnyValue, so one key of your own lets a batch through',
    caughtBy: 'own-data.other-users-denied',
    files: mistake(
      'own-data-policy.ts',
      "'ForAllValues:StringEquals'",
      "'ForAnyValue:StringEquals'",
    ),
  },
  {
    name: 'lookup table: the page’s CORS headers, written out',
    caughtBy: 'cors.preflight-allowed',
    files: mistake(
      'cors.ts',
      "'Access-Control-Allow-Methods': policy.allowedMethods.join(', '),\n      'Access-Control-Allow-Headers': policy.allowedHeaders.join(', '),\n      'Access-Control-Max-Age': String(policy.maxAgeSeconds),",
      "'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE',\n      'Access-Control-Allow-Headers': 'Authorization, Content-Type',\n      'Access-Control-Max-Age': '600',",
    ),
  },
  {
    name: 'lookup table: the user and time the old failure message showed',
    caughtBy: 'token.claims',
    files: mistake(
      'session-token.ts',
      'sub: userId,\n    iat: nowSeconds,',
      "sub: 'user-7',\n    iat: 1_700_000_000,",
    ),
  },
  {
    name: 'lookup table: the principal the page’s example expects',
    caughtBy: 'authorizer.allows-good-token',
    files: mistake(
      'authorizer.ts',
      "return { ...policy(payload.sub!, 'Allow', event.methodArn), context: { userId: payload.sub! } };",
      "return { ...policy('user-42', 'Allow', event.methodArn), context: { userId: 'user-42' } };",
    ),
  },
  {
    name: 'lookup table: the one identity id the checks used to show',
    caughtBy: 'own-data.own-items-allowed',
    files: mistake(
      'own-data-policy.ts',
      "'dynamodb:LeadingKeys': ['${cognito-identity.amazonaws.com:sub}'],",
      "'dynamodb:LeadingKeys': ['ap-northeast-1:1111aaaa-2222-3333-4444-555566667777'],",
    ),
  },
  {
    name: 'lookup table: signs in as the user the example names',
    caughtBy: 'credentials.never-expired',
    files: mistake(
      'credentials.ts',
      'session = service.login(userId);',
      "session = service.login('user-42');",
    ),
  },
  {
    name: 'makes up its own credentials instead of asking the identity service',
    caughtBy: 'credentials.never-expired',
    files: mistake(
      'credentials.ts',
      'credentials = service.getCredentialsForIdentity(session);',
      "credentials = { accessKeyId: 'AKIA', secretKey: 's', sessionToken: 't', expiresAt: clock.now() + 3_600_000 };",
    ),
  },
  {
    name: 'stretches the credentials it holds instead of exchanging again',
    caughtBy: 'credentials.never-expired',
    files: mistake(
      'credentials.ts',
      'if (credentials && lastsBeyondMargin(credentials.expiresAt)) return credentials;',
      'if (credentials) { credentials.expiresAt = clock.now() + 3_600_000; return credentials; }',
    ),
  },
  {
    name: 'exchanges a session token it made up, never signing in',
    caughtBy: 'credentials.never-expired',
    files: mistake(
      'credentials.ts',
      'session = service.login(userId);',
      'session = { token: `session-${userId}-1`, expiresAt: Number.MAX_SAFE_INTEGER };',
    ),
  },
];

describeUnderManySeeds(lab);

describe('secure-spa-auth checks', () => {
  for (const wrong of wrongSolutions) {
    it(`catch a solution that ${wrong.name}: ${wrong.caughtBy}`, () => assertCaught(SLUG, wrong));
  }
});
