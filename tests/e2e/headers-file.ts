import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from './built-site.ts';

interface HeaderRule {
  pattern: RegExp;
  headers: Record<string, string>;
}

/** Rules of the build's `_headers` file, as Netlify and Cloudflare Pages read them. */
export function readHeaderRules(): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of readFileSync(join(distDir, '_headers'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
    } else {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1)!.headers[name.toLowerCase()] = value.join(':').trim();
    }
  }
  return rules;
}
