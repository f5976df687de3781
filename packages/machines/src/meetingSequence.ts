import type { MeetingKind, PersonCategory } from '@nastavnik/core';

/**
 * An opening meeting of a pair: before its programme is approved (004 §5;
 * 001 5.2 holds the trial and planning meetings before the order).
 *
 * @category Pair machine
 * @example
 * const m: OpeningMeeting = 'trial';
 */
export type OpeningMeeting = Extract<MeetingKind, 'organizational' | 'trial' | 'planning'>;

/**
 * The meetings a pair holds before its programme, as data: which come before
 * the head's order and which after it, and how many regular meetings come
 * before the final one. The seeds differ: 001 5.2–5.3 holds the trial and
 * planning meetings before the order; 004 §5 holds organizational → trial →
 * planning after it; a speed (скоростное, 003 §2.3) programme is a single
 * meeting.
 *
 * @category Pair machine
 * @example
 * const s: MeetingSequence = meetingSequences.prokopyevsk001;
 * s.beforeOrder; // ['trial', 'planning']
 */
export interface MeetingSequence {
  /** Opening meetings held before the order approving the pair, in order. */
  readonly beforeOrder: readonly OpeningMeeting[];
  /**
   * Opening meetings held after the order, before the programme is approved: all three in order
   * (004 §5), or none (all before the order, as 001; or a single-meeting format).
   */
  readonly afterOrder: readonly [] | readonly ['organizational', 'trial', 'planning'];
  /** Regular meetings needed before the final one (0: the seeds set no number). */
  readonly minRegularMeetings: number;
}

/**
 * The meeting sequences of the seeds, and of a single-meeting format.
 *
 * @category Pair machine
 * @example
 * meetingSequences.lyceum7Tikhvin004.afterOrder; // ['organizational', 'trial', 'planning']
 */
export const meetingSequences = {
  /** 001 5.2: a trial meeting and a planning meeting, then the order (5.3). */
  prokopyevsk001: { beforeOrder: ['trial', 'planning'], afterOrder: [], minRegularMeetings: 0 },
  /** 002 names no meetings: the 004 sequence. */
  dagestanskieOgni002: {
    beforeOrder: [],
    afterOrder: ['organizational', 'trial', 'planning'],
    minRegularMeetings: 0,
  },
  /** 003 names no meetings: the 004 sequence. */
  rassvet003: { beforeOrder: [], afterOrder: ['organizational', 'trial', 'planning'], minRegularMeetings: 0 },
  /** 004 §5: organizational, trial, planning, regular…, final — all after the order (§4). */
  lyceum7Tikhvin004: {
    beforeOrder: [],
    afterOrder: ['organizational', 'trial', 'planning'],
    minRegularMeetings: 0,
  },
  /** 003 §2.3 скоростное: a single meeting — the final one. */
  singleMeeting: { beforeOrder: [], afterOrder: [], minRegularMeetings: 0 },
} as const satisfies Record<string, MeetingSequence>;

/** The default sequence (004 §5). @category Pair machine @example defaultMeetingSequence.beforeOrder; // [] */
export const defaultMeetingSequence: MeetingSequence = meetingSequences.lyceum7Tikhvin004;

/**
 * Who may be the mentor of each form (role pattern, Р-145 and 003 §2.3), by
 * person category: a replacement mentor must fit the form (a pupil does not
 * replace a teacher's mentor). A form not listed takes anyone.
 *
 * @category Pair machine
 * @example
 * defaultFormMentors.educatorEducator; // ['teacher', 'head']
 */
export const defaultFormMentors: Readonly<Record<string, readonly PersonCategory[]>> = {
  pupilPupil: ['pupil'],
  teacherTeacher: ['teacher', 'head'],
  studentPupil: ['student'],
  employerPupil: ['employer'],
  employerStudent: ['employer'],
  educatorEducator: ['teacher', 'head'],
  headEducator: ['head'],
  studentStudent: ['student', 'pupil'],
};
