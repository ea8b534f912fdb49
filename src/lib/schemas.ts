import { z } from 'astro/zod';

/** The lab folders under `labs/`; a chapter may point to one of them. */
export const labSlugs = ['lambda-tuning', 'secure-spa-auth', 'azure-push', 'bigquery-dataflow'] as const;
export type LabSlug = (typeof labSlugs)[number];

/** Frontmatter of a talk chapter. */
export const talkSchema = z.object({
  /** The speaker's name as the programme gave it (in the original script). */
  speaker: z.string().min(1),
  /** The speaker's company or organisation at the time of the talk. */
  affiliation: z.string().min(1),
  /** The talk's title exactly as announced, usually Japanese. */
  title: z.string().min(1),
  /** Position in the evening's programme, starting at 1. */
  order: z.number().int().positive(),
  /** Public slides, where the speaker published them. */
  slides: z.url().optional(),
  /** The lab that turns this talk into exercises. */
  lab: z.enum(labSlugs).optional(),
});
export type Talk = z.infer<typeof talkSchema>;

/** Frontmatter of a lab page. */
export const labPageSchema = z.object({
  /** Folder under `labs/` that holds the starter, solution, support code and checks. */
  slug: z.enum(labSlugs),
  /** How long a learner needs, in minutes. */
  minutes: z.number().int().positive(),
});

/**
 * UI strings of our own components. Every key is required in English; other languages may
 * leave a key out and fall back to English.
 */
export const uiStringsSchema = z.object({
  'talk.speaker': z.string(),
  'talk.title': z.string(),
  'talk.slides': z.string(),
  'programme.hasLab': z.string(),
  'lab.minutes': z.string(),
  'thenNow.label': z.string(),
  'thenNow.sources': z.string(),
  'takeaways.heading': z.string(),
  'selfCheck.heading': z.string(),
  'glossary.source': z.string(),
  'offline.preparing': z.string(),
  'offline.ready': z.string(),
  'print.title': z.string(),
  'print.description': z.string(),
  'print.intro': z.string(),
  'print.link': z.string(),
  'progress.heading': z.string(),
  'progress.explain': z.string(),
  'progress.export': z.string(),
  'progress.import': z.string(),
  'progress.exported': z.string(),
  'progress.imported': z.string(),
  'progress.error.notJson': z.string(),
  'progress.error.notProgress': z.string(),
  'progress.error.newerVersion': z.string(),
  'progress.error.badEntry': z.string(),
  'workshop.agendaCaption': z.string(),
  'workshop.step': z.string(),
  'workshop.kind': z.string(),
  'workshop.minutes': z.string(),
  'workshop.lab': z.string(),
  'workshop.reading': z.string(),
  'workshop.total': z.string(),
  'workshop.wholeTime': z.string(),
  'workshop.pageLink': z.string(),
}).partial();

/** One glossary entry, in both languages. */
export const glossaryTermSchema = z.object({
  /** The term as written in English docs (official product names keep their official form). */
  term: z.string().min(1),
  /** How Japanese writers usually render the term, where that differs from `term`. */
  termJa: z.string().min(1).optional(),
  /** One to three sentences, in English. */
  en: z.string().min(1),
  /** The same explanation, written in Japanese. */
  ja: z.string().min(1).optional(),
  /** Official documentation for the term. */
  source: z.url().optional(),
});
