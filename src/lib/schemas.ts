import { z } from 'astro/zod';

/** The lab folders under `labs/`; a chapter may point to one of them. */
export const labSlugs = ['lambda-tuning', 'secure-spa-auth', 'azure-push', 'bigquery-dataflow'] as const;
export type LabSlug = (typeof labSlugs)[number];

/**
 * Written in place of a speaker or affiliation that the event report does not give. The talk
 * block is shared by both languages, so the words a reader sees come from the UI strings
 * (`talk.notRecorded`, `talk.affiliationNotRecorded`), never from the frontmatter.
 */
export const NOT_RECORDED = 'not-recorded';

/** A name as the report gives it, or `not-recorded`; prose such as "Not recorded" belongs in the UI strings. */
const recordedName = z.union([
  z.literal(NOT_RECORDED),
  z
    .string()
    .min(1)
    .refine((value) => !/\bnot (recorded|named)\b/i.test(value), {
      message: `write \`${NOT_RECORDED}\` when the report does not give it; the page shows the words in its own language`,
    }),
]);

/** Frontmatter of a talk chapter. */
export const talkSchema = z.object({
  /** The speaker's name as the programme gave it (in the original script), or `not-recorded`. */
  speaker: recordedName,
  /** The speaker's company or organisation at the time of the talk, or `not-recorded`. */
  affiliation: recordedName,
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
  /** Folder under `labs/` that holds the starter, solution, support code and checks (and, in lab.ts, each exercise's minutes). */
  slug: z.enum(labSlugs),
});

/**
 * UI strings of our own components. Every key is required in English; other languages may
 * leave a key out and fall back to English.
 */
export const uiStringsSchema = z.object({
  'talk.speaker': z.string(),
  'talk.title': z.string(),
  'talk.slides': z.string(),
  'talk.notRecorded': z.string(),
  'talk.affiliationNotRecorded': z.string(),
  'programme.hasLab': z.string(),
  'lab.minutes': z.string(),
  'thenNow.label': z.string(),
  'thenNow.sources': z.string(),
  'takeaways.heading': z.string(),
  'selfCheck.heading': z.string(),
  'glossary.source': z.string(),
  'glossary.indexLabel': z.string(),
  'diagram.enlarge': z.string(),
  'diagram.close': z.string(),
  'offline.preparing': z.string(),
  'offline.ready': z.string(),
  'offline.readingOnly': z.string(),
  'offline.download': z.string(),
  'offline.downloading': z.string(),
  'offline.downloaded': z.string(),
  'offline.downloadFailed': z.string(),
  'offline.progressLabel': z.string(),
  'insecure.label': z.string(),
  'insecure.heading': z.string(),
  'insecure.explain': z.string(),
  'insecure.labHeading': z.string(),
  'insecure.labExplain': z.string(),
  'insecure.fixes': z.string(),
  'insecure.link': z.string(),
  'siteSearch.inputLabel': z.string(),
  'siteSearch.resultsLabel': z.string(),
  'siteSearch.searching': z.string(),
  'siteSearch.oneResult': z.string(),
  'siteSearch.manyResults': z.string(),
  'siteSearch.noResults': z.string(),
  'siteSearch.loadMore': z.string(),
  'siteSearch.failed': z.string(),
  'print.title': z.string(),
  'print.description': z.string(),
  'print.intro': z.string(),
  'print.link': z.string(),
  'progress.done': z.string(),
  'progress.solution': z.string(),
  'chart.chooseWorkload': z.string(),
  'chart.title': z.string(),
  'chart.desc': z.string(),
  'chart.duration': z.string(),
  'chart.cost': z.string(),
  'chart.memory': z.string(),
  'chart.tableCaption': z.string(),
  'chart.outOfMemory': z.string(),
  'chart.caption': z.string(),
  'workbench.regionLabel': z.string(),
  'workbench.planLabel': z.string(),
  'workbench.planTotal': z.string(),
  'workbench.planMinutes': z.string(),
  'workbench.planOptional': z.string(),
  'workbench.stuckLoading': z.string(),
  'workbench.run': z.string(),
  'workbench.running': z.string(),
  'workbench.reset': z.string(),
  'workbench.resetConfirm': z.string(),
  'workbench.compare': z.string(),
  'workbench.compareTitle': z.string(),
  'workbench.compareMine': z.string(),
  'workbench.compareSolution': z.string(),
  'workbench.useSolution': z.string(),
  'workbench.useSolutionConfirm': z.string(),
  'workbench.solutionInPlace': z.string(),
  'workbench.restore': z.string(),
  'workbench.restored': z.string(),
  'workbench.stackblitz': z.string(),
  'workbench.stackblitzOpening': z.string(),
  'workbench.stackblitzFailed': z.string(),
  'workbench.files': z.string(),
  'workbench.readOnly': z.string(),
  'workbench.editorLabel': z.string(),
  'workbench.notRunYet': z.string(),
  'workbench.selfReported': z.string(),
  'workbench.summary': z.string(),
  'workbench.allPass': z.string(),
  'workbench.loadError': z.string(),
  'workbench.loadErrorAt': z.string(),
  'workbench.crash': z.string(),
  'workbench.expected': z.string(),
  'workbench.actual': z.string(),
  'workbench.showHint': z.string(),
  'workbench.hintLabel': z.string(),
  'workbench.status.pass': z.string(),
  'workbench.status.fail': z.string(),
  'workbench.status.timeout': z.string(),
  'workbench.status.not-run': z.string(),
  'workbench.typeCheckLoading': z.string(),
  'workbench.typeErrors': z.string(),
  'workbench.noTypeErrors': z.string(),
  'workbench.typeCheckFailed': z.string(),
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
  'workbench.historyButton': z.string(),
  'workbench.historyTitle': z.string(),
  'workbench.historyEmpty': z.string(),
  'workbench.historyLines': z.string(),
  'workbench.historyRestore': z.string(),
  'workbench.historyRestoreLabel': z.string(),
  'workbench.historyRestored': z.string(),
  'workbench.history.before-solution': z.string(),
  'workbench.history.before-reset': z.string(),
  'workbench.history.before-restore': z.string(),
  'workbench.history.before-import': z.string(),
  'workbench.history.before-other-tab': z.string(),
  'workbench.history.other-tab': z.string(),
  'workbench.history.autosave': z.string(),
  'workbench.history.kept': z.string(),
  'workbench.storageFull': z.string(),
  'workbench.storageFullRefused': z.string(),
  'workbench.download': z.string(),
  'workbench.otherTab': z.string(),
  'workbench.otherTabTheirs': z.string(),
  'workbench.otherTabMine': z.string(),
  'workbench.otherTabKept': z.string(),
  'workbench.close': z.string(),
  'workbench.newVersion': z.string(),
  'workbench.reload': z.string(),
  'workbench.viewsLabel': z.string(),
  'workbench.viewInstructions': z.string(),
  'workbench.viewCode': z.string(),
  'workbench.viewResults': z.string(),
  'workbench.runAll': z.string(),
  'workbench.exercisesLabel': z.string(),
  'workbench.exerciseTab': z.string(),
  'workbench.exerciseGroup': z.string(),
  'workbench.exerciseNotStarted': z.string(),
  'workbench.exercisePartial': z.string(),
  'workbench.exerciseDone': z.string(),
  'workbench.exerciseSolution': z.string(),
  'workbench.allPassSolution': z.string(),
  'workbench.typeChecking': z.string(),
  'workbench.goToLocation': z.string(),
  'workbench.editorKeys': z.string(),
  'workbench.saved': z.string(),
  'progress.error.badVersion': z.string(),
  'progress.error.badValue': z.string(),
  'progress.error.storageFull': z.string(),
  'progress.previewTitle': z.string(),
  'progress.previewHas': z.string(),
  'progress.previewReplaces': z.string(),
  'progress.previewReplacesNothing': z.string(),
  'progress.previewConfirm': z.string(),
  'progress.previewCancel': z.string(),
  'progress.cancelled': z.string(),
  'progress.undo': z.string(),
  'progress.undone': z.string(),
  'progress.kind.progress': z.string(),
  'progress.kind.file': z.string(),
  'progress.kind.own': z.string(),
  'progress.kind.hints': z.string(),
  'progress.noLabs': z.string(),
  'workshop.step': z.string(),
  'workshop.clock': z.string(),
  'workshop.intro': z.string(),
  'workshop.break': z.string(),
  'workshop.lunch': z.string(),
  'workshop.wrapUp': z.string(),
  'workshop.fullDayCaption': z.string(),
  'workshop.halfDayCaption': z.string(),
  'workshop.ends': z.string(),
  'workshop.sizeCaption': z.string(),
  'workshop.sizeWhat': z.string(),
  'workshop.sizeReading': z.string(),
  'workshop.sizeAll': z.string(),
  'workshop.sizeOne': z.string(),
  'workshop.sizeRoom': z.string(),
  'workshop.minutes': z.string(),
  'workshop.lab': z.string(),
  'workshop.reading': z.string(),
  'workshop.wholeTime': z.string(),
  'workshop.pageLink': z.string(),
}).partial();

/** One glossary entry, in both languages. */
export const glossaryTermSchema = z.object({
  /** The term as written in English docs (official product names keep their official form). */
  term: z.string().min(1),
  /** How Japanese writers usually render the term, where that differs from `term`. */
  termJa: z.string().min(1).optional(),
  /**
   * Where the Japanese glossary files the term (読み順): the reading in hiragana when the Japanese
   * headword (`termJa`, else `term`) starts in kana or kanji, else the headword's Latin letters
   * (kana for any Japanese part), filed under A–Z after the kana rows.
   */
  reading: z
    .string()
    .regex(
      /^(?:[\u3041-\u3096ー]+|[A-Za-z][\w ./()&'-]*(?: [\u3041-\u3096ー]+)?)$/u,
      'write the reading in hiragana (こーるどすたーと), or in Latin letters when the Japanese headword starts with them (IAM ぽりしー)',
    ),
  /** One to three sentences, in English. */
  en: z.string().min(1),
  /** The same explanation, written in Japanese. */
  ja: z.string().min(1).optional(),
  /** Official documentation for the term. */
  source: z.url().optional(),
});
