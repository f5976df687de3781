// Test and bench helpers: a small world of pairs and generators of events.
// Not part of the package (excluded from `files`).
import {
  addMonthsIso,
  type ConsentSchema,
  defaultConsentPolicy,
  type IsoDate,
  isMinorOn,
  isoToDate,
  type OrderInput,
  type PairInput,
  type PersonCategory,
  requiredConsents,
  toIsoDate,
} from '@nastavnik/core';
import type { z } from 'zod';
import {
  createPairSnapshot,
  type PairEventInput,
  type PairPolicy,
  type PairSnapshot,
  type PairSnapshotOptions,
  pairPhase,
} from '../index';

export const ORG = 'lyceum-7';

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = isoToDate(date);
  return toIsoDate(new Date(d.getFullYear(), d.getMonth(), d.getDate() + days));
}

export interface World {
  readonly pair: PairInput;
  readonly options: PairSnapshotOptions;
  readonly initial: PairSnapshot;
}

/** A pair (or a group) of teachers, or of pupils (a senior pupil mentoring minors). */
export function makeWorld(
  opts: { id?: string; mentees?: number; pupils?: boolean; date?: IsoDate; policy?: PairPolicy } = {},
): World {
  const id = opts.id ?? 'pair-1';
  const n = opts.mentees ?? 1;
  const date = opts.date ?? '2023-09-01';
  const mentorId = `${id}-mentor`;
  const menteeIds = Array.from({ length: n }, (_, i) => `${id}-mentee-${i + 1}`);
  const pair: PairInput = {
    id,
    organizationId: ORG,
    mentorId,
    menteeIds,
    form: opts.pupils ? 'studentStudent' : 'educatorEducator',
    formats: n > 1 ? ['group'] : ['traditional'],
    origin: 'curator',
  };
  const participants = opts.pupils
    ? [
        { id: mentorId, category: 'pupil' as const, birthDate: '2006-01-15' },
        ...menteeIds.map((m) => ({ id: m, category: 'pupil' as const, birthDate: '2011-04-02' })),
      ]
    : [
        { id: mentorId, category: 'teacher' as const },
        ...menteeIds.map((m) => ({ id: m, category: 'teacher' as const })),
      ];
  const options: PairSnapshotOptions = opts.policy
    ? { date, participants, policy: opts.policy }
    : { date, participants };
  return { pair, options, initial: createPairSnapshot(pair, options) };
}

const head = { position: 'директор', name: { lastName: 'Нуритдинова', firstName: 'Татьяна' } };

export function order(
  kind: 'approvePairs' | 'approvePlans' | 'replaceMentor',
  id: string,
  date: IsoDate,
): OrderInput {
  return { id, organizationId: ORG, kind, number: `${id}-р`, date, title: 'Приказ', signatory: head };
}

type Who = { id: string; category: string; birthDate?: string | undefined };
type ConsentInput = z.input<typeof ConsentSchema>;

function isMinor(p: Who, date: IsoDate): boolean {
  if (p.birthDate === undefined) return p.category === 'pupil';
  return addMonthsIso(p.birthDate, 18 * 12) > date;
}

export function consent(p: Who, purpose: ConsentInput['purpose'], id: string, date: IsoDate): ConsentInput {
  return isMinor(p, date)
    ? {
        id,
        personId: p.id,
        purpose,
        givenBy: 'parent',
        representative: { lastName: 'Петрова', firstName: 'Анна' },
        givenAt: date,
      }
    : { id, personId: p.id, purpose, givenBy: 'self', givenAt: date };
}

/** What core's default consent policy requires of a participant for the pair (the one judge). */
function purposesOf(p: Who, role: 'mentor' | 'mentee'): Array<ConsentInput['purpose']> {
  return [...requiredConsents(defaultConsentPolicy, p as { category: PersonCategory }, role, 'pair')];
}

/**
 * Candidate events for a snapshot: the ones that move the pair on, plus
 * noise that the rules may refuse (wrong signer, out-of-sequence meetings,
 * early completion…). Deterministic in the snapshot and `salt`.
 */
export function candidates(s: PairSnapshot, salt = 0): PairEventInput[] {
  const c = s.context;
  const phase = pairPhase(s);
  const n = c.eventCount;
  const date = addDays(c.lastDate, (salt % 3) * 3 + 1);
  const out: PairEventInput[] = [];
  const everyone = [
    { p: c.mentor, role: 'mentor' as const },
    ...c.mentees.map((p) => ({ p, role: 'mentee' as const })),
  ];
  const agreedBy = everyone.map((e) => e.p.id);
  const by = { role: 'curator' as const };
  // Consents: the missing ones first, then a self-signed one (refused for a minor's completeness).
  for (const { p, role } of everyone) {
    for (const purpose of purposesOf(p, role)) {
      const has = c.consents.some(
        (k) => k.personId === p.id && k.purpose === purpose && k.withdrawnAt === undefined,
      );
      if (!has) {
        out.push({
          type: 'consentRecorded',
          date,
          by,
          consent: consent(p, purpose, `c-${n}-${p.id}-${purpose}`, date),
        });
      }
    }
  }
  out.push({
    type: 'orderIssued',
    date,
    by: { role: 'head' },
    order: order('approvePairs', `ord-${n}`, date),
  });
  const meet = (kind: 'organizational' | 'trial' | 'planning' | 'regular' | 'final'): PairEventInput => ({
    type: 'meetingHeld',
    date,
    by: { role: 'mentor', id: c.mentor.id },
    meeting: { id: `m-${n}-${kind}`, pairId: c.pairId, kind, date },
  });
  for (const kind of ['organizational', 'trial', 'planning'] as const) out.push(meet(kind));
  const items = 1 + (salt % 3);
  out.push({
    type: 'programmeApproved',
    date,
    by,
    programme: {
      id: `pp-${c.pairId}`,
      pairId: c.pairId,
      start: date,
      end: addDays(addMonthsIso(date, 6), -1),
      goals: ['Адаптация молодого специалиста'],
      plan: Array.from({ length: items }, (_, i) => ({
        id: `i-${i + 1}`,
        title: `Пункт ${i + 1}`,
        due: addDays(date, 30 * (i + 1)),
        expectedResult: 'Результат',
      })),
    },
    ...(salt % 2 === 0 ? { order: order('approvePlans', `ordp-${n}`, date) } : {}),
  });
  const pp = c.programme;
  for (const it of pp?.plan ?? []) {
    out.push({ type: 'planItemDone', date, by: { role: 'mentee', id: c.mentees[0]!.id }, itemId: it.id });
  }
  out.push(meet('final'));
  for (const { p } of everyone)
    out.push({ type: 'finalSurveySubmitted', date, by: { role: 'curator' }, respondentId: p.id });
  out.push({ type: 'completed', date, by });
  // Noise from here on: events that are valid somewhere but do not move the pair on.
  out.push(meet('regular'));
  if (pp) {
    out.push({
      type: 'extended',
      date,
      by,
      agreedBy,
      extension: {
        newEnd: addMonthsIso(pp.effectiveEnd, 1),
        agreedAt: date,
        reason: 'Подготовка к аттестации',
      },
    });
    const kept = pp.plan
      .filter((i) => i.doneAt !== null)
      .map((i) => ({ id: i.id, title: 'Выполнено', due: i.due, expectedResult: 'Готово' }));
    const due = [date, pp.effectiveEnd].sort()[0]!; // the earlier of two ISO dates
    out.push({
      type: 'planCorrected',
      date,
      by,
      agreedBy,
      plan: [...kept, { id: `i-x${n}`, title: 'Новый пункт', due, expectedResult: 'Результат' }],
    });
  }
  out.push({
    type: 'feedbackSubmitted',
    date,
    by: { role: 'mentee', id: c.mentees[0]!.id },
    respondentId: c.mentees[0]!.id,
  });
  out.push({
    type: 'formChanged',
    date,
    by,
    agreedBy,
    formats: salt % 2 ? ['virtual', 'traditional'] : ['traditional'],
  });
  const newMentor = { id: `${c.pairId}-mentor-r${c.mentorHistory.length + 1}`, category: 'teacher' as const };
  out.push({
    type: 'mentorReplaced',
    date,
    by,
    mentor: newMentor,
    consents: purposesOf(newMentor, 'mentor').map((purpose) =>
      consent(newMentor, purpose, `c-${n}-nm-${purpose}`, date),
    ),
    initiator: 'mentee',
    ...(phase === 'collectingConsents' || phase === 'consented'
      ? {}
      : { order: order('replaceMentor', `ordr-${n}`, date) }),
  });
  // Group membership: one more mentee (with their consents; by order once approved), or the last one leaves.
  const forming = phase === 'collectingConsents' || phase === 'consented';
  const pupils = c.mentees[0]?.category === 'pupil';
  const joiner = pupils
    ? { id: `${c.pairId}-mentee-j${n}`, category: 'pupil' as const, birthDate: '2011-06-01' }
    : { id: `${c.pairId}-mentee-j${n}`, category: 'teacher' as const };
  out.push({
    type: 'menteeAdded',
    date,
    by,
    mentee: joiner,
    consents: purposesOf(joiner, 'mentee').map((purpose) =>
      consent(joiner, purpose, `c-${n}-j-${purpose}`, date),
    ),
    ...(forming ? {} : { order: order('approvePairs', `ordj-${n}`, date) }),
  });
  const leaver = c.mentees.at(-1);
  if (leaver) out.push({ type: 'menteeRemoved', date, by, menteeId: leaver.id, reason: 'moved' });
  const reasons = ['mentorInitiative', 'menteeInitiative', 'mutualDecision', 'curatorInitiative'] as const;
  const reason = reasons[salt % 4]!;
  const initiator =
    reason === 'mentorInitiative'
      ? { role: 'mentor' as const, id: c.mentor.id }
      : reason === 'menteeInitiative'
        ? { role: 'mentee' as const, id: c.mentees[0]!.id }
        : { role: 'curator' as const };
  out.push({
    type: 'terminated',
    date,
    by: initiator,
    reason,
    note: 'Уважительная причина',
    ...(reason === 'mutualDecision' ? { agreedBy } : {}),
  });
  const live = c.consents.filter((k) => k.withdrawnAt === undefined);
  const victim = live[salt % Math.max(1, live.length)];
  if (victim) {
    out.push({ type: 'consentWithdrawn', date, by, consentId: victim.id });
    // The subject withdraws at any time (152-ФЗ ст. 9 ч. 2) — a parent for a minor mentee.
    const subject = everyone.find((e) => e.p.id === victim.personId);
    if (subject) {
      const minor = subject.role === 'mentee' && isMinorOn(subject.p, date);
      out.push({
        type: 'consentWithdrawn',
        date,
        consentId: victim.id,
        by: minor
          ? { role: 'parent', id: `parent-of-${subject.p.id}`, onBehalfOf: subject.p.id }
          : { role: subject.role, id: subject.p.id },
      });
    }
  }
  // An extra consent (publication), accepted in any live phase.
  const first = everyone[0]!.p;
  out.push({
    type: 'consentRecorded',
    date,
    by,
    consent: { id: `c-${n}-pub`, personId: first.id, purpose: 'publication', givenBy: 'self', givenAt: date },
  });
  return out;
}
