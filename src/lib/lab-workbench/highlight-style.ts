import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

/** Token colours, from the same CSS variables as the editor theme (editor-theme.ts). */
export const highlightStyle = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.modifier, tags.controlKeyword, tags.operatorKeyword],
    color: 'var(--wb-keyword)',
  },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--wb-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--wb-number)' },
  {
    tag: [tags.comment, tags.lineComment, tags.blockComment],
    color: 'var(--wb-comment)',
    fontStyle: 'italic',
  },
  { tag: [tags.typeName, tags.className, tags.namespace], color: 'var(--wb-type)' },
  {
    tag: [
      tags.function(tags.variableName),
      tags.function(tags.propertyName),
      tags.definition(tags.variableName),
    ],
    color: 'var(--wb-function)',
  },
  { tag: [tags.propertyName], color: 'var(--wb-property)' },
]);
