/** The reader's theme: `auto` follows the system's light or dark. */
export type ThemeChoice = 'auto' | 'dark' | 'light';

/** Where Starlight keeps the choice (`ThemeProvider.astro` reads it before the page paints). */
const STORAGE_KEY = 'starlight-theme';

declare global {
  interface Window {
    StarlightThemeProvider: { updatePickers(choice?: ThemeChoice): void };
  }
}

const asChoice = (value: unknown): ThemeChoice =>
  value === 'dark' || value === 'light' ? value : 'auto';

/** The kept choice; `auto` when nothing is kept or the browser keeps no site data. */
function keptChoice(): ThemeChoice {
  try {
    return asChoice(localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'auto';
  }
}

/** Keeps the choice for the next page; where site data is off it holds for this page only. */
function keepChoice(choice: ThemeChoice): void {
  try {
    localStorage.setItem(STORAGE_KEY, choice === 'auto' ? '' : choice);
  } catch {}
}

const systemLight = matchMedia('(prefers-color-scheme: light)');
const systemTheme = () => (systemLight.matches ? 'light' : 'dark');

/**
 * Makes every theme picker on the page (the header's and the phone menu's) apply and keep the
 * reader's choice, and follows the system's theme while the choice is `auto`.
 */
export function wireThemePickers(): void {
  let current = keptChoice();
  const apply = (choice: ThemeChoice) => {
    current = choice;
    window.StarlightThemeProvider.updatePickers(choice);
    document.documentElement.dataset.theme = choice === 'auto' ? systemTheme() : choice;
  };
  apply(current);
  systemLight.addEventListener('change', () => {
    if (current === 'auto') apply('auto');
  });
  for (const select of document.querySelectorAll<HTMLSelectElement>(
    'starlight-theme-select select',
  ))
    select.addEventListener('change', () => {
      apply(asChoice(select.value));
      keepChoice(current);
    });
}
