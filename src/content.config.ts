import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { talkSchema, labPageSchema, uiStringsSchema, glossaryTermSchema } from './lib/schemas.ts';
import { z } from 'astro/zod';

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        /** Present on every talk chapter: who gave the talk and where it sits in the programme. */
        talk: talkSchema.optional(),
        /** Present on every lab page: which lab folder under `labs/` the page runs. */
        lab: labPageSchema.optional(),
      }),
    }),
  }),
  /** One YAML file per term; the file name is the term's anchor on the glossary page. */
  glossary: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './src/content/glossary' }),
    schema: glossaryTermSchema,
  }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStringsSchema }) }),
};
