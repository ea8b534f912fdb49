/**
 * The exercise whose text holds the element a fragment names (by default the address's: a heading
 * linked from the page's "On this page" or from another page), and that element. Only the current
 * exercise's text is shown, so such a link has to open its exercise first, or it goes nowhere.
 */
export function linkedExercise(
  sections: Map<number, HTMLElement>,
  fragment = location.hash,
): { number: number; target: HTMLElement } | undefined {
  const id = decodeURIComponent(fragment.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return undefined;
  for (const [number, section] of sections) if (section.contains(target)) return { number, target };
  return undefined;
}
