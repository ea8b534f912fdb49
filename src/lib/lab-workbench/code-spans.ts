/**
 * Text with `code spans`, as the kit's messages and hints write them, as nodes: each span a
 * <code>, so the reader sees code set as code instead of literal backticks.
 */
export function withCodeSpans(text: string): Node[] {
  return text.split(/`([^`\n]+)`/).map((part, index) => {
    if (index % 2 === 0) return document.createTextNode(part);
    const code = document.createElement('code');
    code.textContent = part;
    return code;
  });
}
