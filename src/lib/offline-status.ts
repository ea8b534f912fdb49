/**
 * Registers the guide's service worker and keeps `element` telling the reader whether the guide
 * is stored for offline reading yet. Browsers without service workers see nothing.
 */
export function watchOfflineReadiness(element: HTMLElement, scriptUrl: string): void {
  if (!('serviceWorker' in navigator)) return;
  const show = (state: 'preparing' | 'ready') => {
    element.dataset.state = state;
    element.textContent = element.dataset[state] ?? '';
    element.hidden = false;
  };
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string; ready?: boolean }>) => {
    if (event.data?.type === 'offline-ready') show(event.data.ready ? 'ready' : 'preparing');
  });
  navigator.serviceWorker.register(scriptUrl).then(
    (registration: ServiceWorkerRegistration | undefined) => {
      // Some embedded browsers and test harnesses block service workers and resolve with nothing.
      if (!registration) return;
      if (!registration.active) show('preparing');
      navigator.serviceWorker.ready.then((ready) => ready.active?.postMessage('is-ready'));
    },
    (error: unknown) => console.warn('The offline copy of the guide could not be set up:', error),
  );
}
