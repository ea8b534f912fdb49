import { NOT_RECORDED, type Talk } from './schemas.ts';

/** The UI strings a talk's people are shown with when the report leaves them out. */
export type NotRecordedKey = 'talk.notRecorded' | 'talk.affiliationNotRecorded';

/** Who gave a talk, in the page's language: the affiliation is left out only when the speaker is unknown too. */
export interface TalkPeople {
  speaker: string;
  affiliation?: string;
}

/** Turns a talk's speaker and affiliation into what a reader of `t`'s language sees. */
export function getTalkPeople(
  talk: Pick<Talk, 'speaker' | 'affiliation'>,
  t: (key: NotRecordedKey) => string,
): TalkPeople {
  if (talk.speaker === NOT_RECORDED) {
    return talk.affiliation === NOT_RECORDED
      ? { speaker: t('talk.notRecorded') }
      : { speaker: t('talk.notRecorded'), affiliation: talk.affiliation };
  }
  return {
    speaker: talk.speaker,
    affiliation:
      talk.affiliation === NOT_RECORDED ? t('talk.affiliationNotRecorded') : talk.affiliation,
  };
}
