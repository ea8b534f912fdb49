/**
 * Wires the file tabs the page sends bare. The page carries each tab's name and whether it is
 * read-only, which is all it shows before scripts run; the ids, the link to the panel, the roving
 * tabindex and the empty slots for an exercise's mark and status are the same for every tab and
 * only mean something once the workbench works, so they are added here instead of repeated in the
 * HTML of every lab page (about 0.2 KB a tab, nineteen tabs on the Azure lab).
 */
export function wireFileTabs(root: HTMLElement): HTMLButtonElement[] {
  const panel = root.querySelector<HTMLElement>('[role="tabpanel"]')!;
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('.wb-tabs [role="tab"]')];
  tabs.forEach((tab, index) => {
    const selected = index === 0;
    tab.id = `${panel.id}-tab-${index}`;
    tab.setAttribute('aria-controls', panel.id);
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    // A support file is not an exercise: it has no mark or status to show.
    if (!tab.querySelector('.wb-readonly')) {
      const mark = span('wb-tab-mark');
      mark.setAttribute('aria-hidden', 'true');
      tab.append(mark, span('sr-only wb-tab-status'));
    }
  });
  panel.setAttribute('aria-labelledby', tabs[0].id);
  return tabs;
}

function span(className: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  return element;
}
