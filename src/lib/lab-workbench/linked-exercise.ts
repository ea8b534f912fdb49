/**
 * The exercise whose text holds the element the address's fragment names (a heading linked from
 * the page's "On this page" or from another page), and that element. Only the current exercise's
 * text is shown, so such a link has to open its exercise first, or it goes nowhere.
 */
export function linkedExercise(
  sections: Map<number, HTMLElement>,
): { number: number; target: HTMLElement } | undefined {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return undefined;
  for (const [number, section] of sections) if (section.contains(target)) return { number, target };
  return undefined;
}
