import type { ShikiTransformer } from 'shiki';

/**
 * Lets Shiki finish every line it highlights. By default it gives up on a line after 500 ms of
 * wall time and leaves the rest uncoloured; on a busy build machine an ordinary line can take
 * that long, so the same source came out in other colours from one build to the next, and every
 * returning reader downloaded those pages again. Our code blocks are short and their grammars
 * ordinary: no line needs a limit to end.
 */
export function untimedHighlighting(): ShikiTransformer {
  return {
    name: 'untimed-highlighting',
    preprocess(_code, options) {
      options.tokenizeTimeLimit = 0;
    },
  };
}
