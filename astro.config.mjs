// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import { focusableTables } from './src/integrations/focusable-tables.ts';
import { inlineCodeDirection } from './src/integrations/inline-code-direction.ts';
import { labSandbox } from './src/integrations/lab-sandbox.ts';
import { minifiedPages } from './src/integrations/minified-pages.ts';
import { chromeIcons } from './src/integrations/chrome-icons.ts';
import { componentScriptName } from './src/integrations/component-script-name.ts';
import { cheapListSpacing } from './src/integrations/list-spacing.ts';
import { notFoundPages } from './src/integrations/not-found-pages.ts';
import { offlineGuide } from './src/integrations/offline-guide.ts';
import { pickerSelect } from './src/integrations/picker-select.ts';
import { pagefindExcerptWords } from './src/integrations/pagefind-excerpt-words.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { tocList } from './src/integrations/toc-list.ts';
import {
  HEADING_LINK_STYLES,
  LAYER_ORDER,
  sharedHeadingLinkStyles,
} from './src/integrations/shared-heading-link-styles.ts';
import { codeTokenClasses } from './src/lib/code-token-classes.ts';
import { copyCodeFromPage } from './src/lib/copy-code-from-page.ts';
import { plainCodeTokens } from './src/lib/plain-code-tokens.ts';
import { createRendererWithoutScrollFocus } from './src/lib/renderer-without-scroll-focus.ts';
import { untimedHighlighting } from './src/lib/untimed-highlighting.ts';

// `SITE` and `BASE` let the same build be published under any host or sub-path.
const site = process.env.SITE ?? 'https://serverless-meetup-tokyo-2.example';
const base = (process.env.BASE ?? '/').replace(/\/?$/, '/');

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  vite: {
    // ES-module workers may split, so the type checker's worker loads only what it needs.
    worker: { format: 'es' },
    // A component's script is a file every page shares from the browser's cache, not a copy
    // written into each page (Astro inlines scripts under 4 KB by default: the theme and language
    // pickers, the menu, the sidebar's state, the diagrams' sizing were in every page's HTML).
    build: { assetsInlineLimit: (file) => (/\.m?js$/.test(file) ? false : undefined) },
    // A component's script is named after the component (`Search.C7CYo4Oh.js`), without the
    // `.astro_astro_type_script_index_0_lang` of its module id: every page names about fifteen.
    environments: {
      client: {
        build: { rolldownOptions: { output: { entryFileNames: componentScriptName } } },
      },
    },
  },
  integrations: [
    starlight({
      title: { en: 'Serverless Meetup Tokyo #2', ja: 'Serverless Meetup Tokyo #2' },
      description:
        'A study guide and hands-on TypeScript labs built from the talks of Serverless Meetup Tokyo #2 (2017), with notes on what has changed since.',
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        ja: { label: '日本語', lang: 'ja' },
      },
      // The components used on many pages keep their styles here, in the one stylesheet every page
      // shares from the browser's cache: from the component, Astro wrote them into the HTML of each
      // page that uses them (under 4 KB), and scoped ones put a scoping class on every element they
      // draw (77 in the push pipeline's diagram). Rules keep the specificity their scoped ones had.
      // Starlight's heading-link styles, on every page with headings, come here the same way
      // (see sharedHeadingLinkStyles).
      customCss: [
        LAYER_ORDER,
        './src/styles/site.css',
        './src/styles/components/diagram.css',
        './src/styles/components/insecure-context.css',
        './src/styles/components/progress-transfer.css',
        './src/styles/components/push-pipeline-diagram.css',
        './src/styles/components/self-check.css',
        './src/styles/components/takeaways.css',
        './src/styles/components/then-now.css',
        HEADING_LINK_STYLES,
      ],
      routeMiddleware: './src/lib/self-check-toc.ts',
      head: [
        { tag: 'link', attrs: { rel: 'manifest', href: `${base}manifest.webmanifest` } },
        { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `${base}icons/icon-192.png` } },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#1e3a8a' } },
      ],
      components: {
        PageTitle: './src/components/starlight/PageTitle.astro',
        Pagination: './src/components/starlight/Pagination.astro',
        Footer: './src/components/starlight/Footer.astro',
        Hero: './src/components/starlight/Hero.astro',
        Search: './src/components/starlight/Search.astro',
        Sidebar: './src/components/starlight/Sidebar.astro',
        MarkdownContent: './src/components/starlight/MarkdownContent.astro',
        Banner: './src/components/starlight/Banner.astro',
        ThemeProvider: './src/components/starlight/ThemeProvider.astro',
        ThemeSelect: './src/components/starlight/ThemeSelect.astro',
      },
      sidebar: [
        { label: 'Event overview', translations: { ja: 'イベント概要' }, link: '/' },
        {
          label: 'Chapters',
          translations: { ja: '章' },
          items: [{ autogenerate: { directory: 'chapters' } }],
        },
        {
          label: 'Labs',
          translations: { ja: 'ラボ' },
          items: [{ autogenerate: { directory: 'labs' } }],
        },
        { label: 'Glossary', translations: { ja: '用語集' }, slug: 'glossary' },
        {
          label: 'Running the workshop',
          translations: { ja: 'ワークショップの進め方' },
          slug: 'workshop',
        },
        { label: 'Class board', translations: { ja: '進捗ボード' }, slug: 'workshop/class-board' },
      ],
      // Wrapped code never scrolls sideways: readable on phones and paper, and no scroll regions
      // that several code blocks on one page would have to label apart.
      // Highlighting has no time limit, so a busy machine builds the same colours as a quiet one.
      // No code block marks, inserts or deletes lines or text, so the text-markers plugin would only
      // add 3.8 KB of render-blocking CSS to every page with code (tests/unit/code-fences.test.ts).
      expressiveCode: {
        defaultProps: { wrap: true },
        textMarkers: false,
        plugins: [plainCodeTokens(), codeTokenClasses(), copyCodeFromPage()],
        shiki: { transformers: [untimedHighlighting()] },
        // Wrapped blocks never scroll sideways, so the script that makes such blocks focusable goes.
        customCreateRenderer: createRendererWithoutScrollFocus,
      },
      lastUpdated: false,
      // Each language has its own not-found page (src/pages/404.astro, src/pages/ja/404.astro).
      disable404Route: true,
      // The search index is built by searchIndex(), below, which can leave code blocks out by selector.
      pagefind: false,
      pagination: true,
    }),
    // Starlight's own sitemap, less the page the service worker answers offline for a page it has
    // not stored: that page is not one to search for (Starlight adds none when this one is here).
    sitemap({
      i18n: { defaultLocale: 'root', locales: { root: 'en', ja: 'ja' } },
      filter: (page) => !/\/offline\/$/.test(page),
    }),
    // Before every integration that lists the built pages: it moves ja/404/index.html to ja/404.html.
    notFoundPages(),
    // From the pages as Astro wrote them: Pagefind reads the end tags the minifier leaves out
    // (`</p>`, `</li>`) as breaks between words.
    searchIndex(),
    inlineCodeDirection(),
    focusableTables(),
    // Before every integration that reads the built pages' bytes (hashes of scripts and pages).
    minifiedPages(),
    cheapListSpacing(),
    chromeIcons(),
    tocList(),
    pickerSelect(),
    sharedHeadingLinkStyles(),
    // After the search index, and before the offline guide, which stores Pagefind's files.
    pagefindExcerptWords(),
    // Before the headers and the offline guide: both read the files it writes.
    labSandbox(),
    securityHeaders(),
    offlineGuide(),
  ],
});
