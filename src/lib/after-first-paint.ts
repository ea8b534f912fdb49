/**
 * Resolves once the page's first text or image has painted, so script that is not needed to read
 * (the lab's editor, a few hundred KB) is fetched and run after the reader sees the page rather
 * than before. A hidden tab paints nothing, so there it resolves at once; a browser that does not
 * report paints waits two frames (the second frame's callbacks run after the first frame painted).
 * `limitMs` is the longest wait: the page must come to life even if no paint is ever reported.
 */
export function afterFirstPaint(limitMs = 3000): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(limit);
      resolve();
    };
    const limit = setTimeout(done, limitMs);
    if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      requestAnimationFrame(() => requestAnimationFrame(done));
      return;
    }
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      done();
    });
    observer.observe({ type: 'paint', buffered: true });
  });
}
