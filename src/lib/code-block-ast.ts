/** The part of a code block's rendered HAST tree (Expressive Code's `renderData`) our plugins read and change. */
export type CodeBlockNode = {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: CodeBlockNode[];
};
