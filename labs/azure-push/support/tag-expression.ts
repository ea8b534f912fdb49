import {
  NOTIFICATION_HUBS_MAX_TAG_LENGTH,
  NOTIFICATION_HUBS_MAX_TAGS_MIXED,
  NOTIFICATION_HUBS_MAX_TAGS_OR_ONLY,
  NOTIFICATION_HUBS_TAG_PATTERN,
} from './limits.ts';

/** A parsed tag expression: tags combined with && (AND), || (OR), ! (NOT) and parentheses. */
export type TagExpression =
  | { kind: 'tag'; tag: string }
  | { kind: 'not'; operand: TagExpression }
  | { kind: 'and' | 'or'; left: TagExpression; right: TagExpression };

/** Whether `tag` is a tag Notification Hubs accepts; if not, says why. */
export function tagProblem(tag: string): string | undefined {
  if (tag.length === 0) return 'a tag cannot be empty';
  if (tag.length > NOTIFICATION_HUBS_MAX_TAG_LENGTH)
    return `tag "${tag}" is ${tag.length} characters; the limit is ${NOTIFICATION_HUBS_MAX_TAG_LENGTH}`;
  if (!NOTIFICATION_HUBS_TAG_PATTERN.test(tag))
    return `tag "${tag}" may only use letters, digits and _ @ # . : -`;
  return undefined;
}

/**
 * Parses `text` as Notification Hubs does, including its limits: 20 tags in an expression that
 * only uses ||, 6 in any other. Throws an error that says what is wrong.
 */
export function parseTagExpression(text: string): TagExpression {
  const tokens = text.match(/&&|\|\||[!()]|[^\s&|!()]+|\S/g) ?? [];
  let position = 0;
  const fail = (problem: string): never => {
    throw new Error(`Tag expression "${text}": ${problem}.`);
  };
  const peek = () => tokens[position];

  const parseOr = (): TagExpression => {
    let left = parseAnd();
    while (peek() === '||') {
      position += 1;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): TagExpression => {
    let left = parseUnary();
    while (peek() === '&&') {
      position += 1;
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): TagExpression => {
    const token = peek();
    if (token === undefined) return fail('it ends where a tag was expected');
    position += 1;
    if (token === '!') return { kind: 'not', operand: parseUnary() };
    if (token === '(') {
      const inner = parseOr();
      if (peek() !== ')') fail('a "(" is never closed');
      position += 1;
      return inner;
    }
    if (token === ')' || token === '&&' || token === '||')
      return fail(`"${token}" where a tag was expected`);
    const problem = tagProblem(token);
    if (problem) fail(problem);
    return { kind: 'tag', tag: token };
  };

  if (tokens.length === 0) fail('it is empty');
  const expression = parseOr();
  if (position < tokens.length) fail(`unexpected "${tokens[position]}"`);

  const tags = tagsOf(expression);
  const orOnly = !/&&|!/.test(text);
  const limit = orOnly ? NOTIFICATION_HUBS_MAX_TAGS_OR_ONLY : NOTIFICATION_HUBS_MAX_TAGS_MIXED;
  if (tags.length > limit) {
    fail(
      `it has ${tags.length} tags; an expression ${orOnly ? 'of only ||' : 'with && or !'} may have at most ${limit}`,
    );
  }
  return expression;
}

/** Whether a registration carrying `tags` matches `expression`. */
export function matches(expression: TagExpression, tags: ReadonlySet<string>): boolean {
  switch (expression.kind) {
    case 'tag':
      return tags.has(expression.tag);
    case 'not':
      return !matches(expression.operand, tags);
    case 'and':
      return matches(expression.left, tags) && matches(expression.right, tags);
    case 'or':
      return matches(expression.left, tags) || matches(expression.right, tags);
  }
}

/** Every tag the expression names; the model counts a repeated tag each time it appears. */
export function tagsOf(expression: TagExpression): string[] {
  switch (expression.kind) {
    case 'tag':
      return [expression.tag];
    case 'not':
      return tagsOf(expression.operand);
    default:
      return [...tagsOf(expression.left), ...tagsOf(expression.right)];
  }
}
