// Deterministic, realistic pair histories for the replay benchmark: a seeded
// PRNG draws the size of the group, the plan, the rhythm of meetings, and the
// few that are extended, corrected, re-mentored or terminated early.
import { addMonthsIso, defaultConsentPolicy, type IsoDate, requiredConsents } from '@nastavnik/core';
import { addDays, consent, makeWorld, order, type World } from '../src/__fixtures__/pairWorld';
import type { PairEventInput } from '../src/index';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface History {
  readonly world: World;
  readonly events: PairEventInput[];
}

export function history(i: number, rnd: () => number): History {
  const pupils = rnd() < 0.4;
  const mentees = rnd() < 0.8 ? 1 : 2 + Math.floor(rnd() * 2);
  const start: IsoDate = addDays('2023-09-01', Math.floor(rnd() * 20));
  const world = makeWorld({ id: `p${i}`, mentees, pupils, date: start });
  const c = world.initial.context;
  const curator = { role: 'curator' as const };
  const ev: PairEventInput[] = [];
  let d = start;
  const next = (days: number) => {
    d = addDays(d, days);
    return d;
  };
  // The consents core's default consent policy requires of each (the rules ask the same).
  const people = [
    { p: c.mentor, purposes: requiredConsents(defaultConsentPolicy, c.mentor, 'mentor', 'pair') },
    ...c.mentees.map((p) => ({ p, purposes: requiredConsents(defaultConsentPolicy, p, 'mentee', 'pair') })),
  ];
  for (const { p, purposes } of people) {
    for (const purpose of purposes) {
      ev.push({
        type: 'consentRecorded',
        date: next(rnd() < 0.5 ? 0 : 1),
        by: curator,
        consent: consent(p, purpose, `c-${p.id}-${purpose}`, d),
      });
    }
  }
  ev.push({
    type: 'orderIssued',
    date: next(3),
    by: { role: 'head' },
    order: order('approvePairs', `o-${i}`, d),
  });
  const mentorBy = { role: 'mentor' as const, id: c.mentor.id };
  let m = 0;
  const meet = (
    kind: 'organizational' | 'trial' | 'planning' | 'regular' | 'final',
    gap: number,
  ): PairEventInput => {
    next(gap);
    return {
      type: 'meetingHeld',
      date: d,
      by: mentorBy,
      meeting: { id: `m-${i}-${m++}`, pairId: c.pairId, kind, date: d },
    };
  };
  ev.push(meet('organizational', 4), meet('trial', 7), meet('planning', 7));
  const items = 3 + Math.floor(rnd() * 6);
  const pStart = d;
  const end = addDays(addMonthsIso(pStart, 8), -1);
  const plan = Array.from({ length: items }, (_, k) => ({
    id: `i${k + 1}`,
    title: `Пункт плана ${k + 1}`,
    due: addDays(pStart, Math.floor(((k + 1) * 220) / items)),
    expectedResult: 'Ожидаемый результат',
  }));
  ev.push({
    type: 'programmeApproved',
    date: d,
    by: curator,
    programme: {
      id: `pp-${i}`,
      pairId: c.pairId,
      start: pStart,
      end,
      goals: ['Профессиональная адаптация'],
      plan,
    },
  });
  const everyone = [c.mentor.id, ...c.mentees.map((x) => x.id)];
  const terminateAt = rnd() < 0.12 ? Math.floor(rnd() * items) : -1;
  for (let k = 0; k < items; k++) {
    ev.push(meet('regular', 10 + Math.floor(rnd() * 10)));
    if (k === terminateAt) {
      const r = rnd();
      // A mentee of a group leaves alone (menteeRemoved), so groups end at the mentor's or the curator's initiative.
      ev.push(
        r < 0.4 && mentees === 1
          ? {
              type: 'terminated',
              date: next(1),
              by: { role: 'mentee', id: c.mentees[0]!.id },
              reason: 'menteeInitiative',
              note: 'Переезд',
            }
          : r < 0.7
            ? { type: 'terminated', date: next(1), by: mentorBy, reason: 'mentorInitiative', note: 'Болезнь' }
            : {
                type: 'terminated',
                date: next(1),
                by: curator,
                reason: 'curatorInitiative',
                note: 'Форс-мажор',
              },
      );
      return { world, events: ev };
    }
    ev.push({ type: 'planItemDone', date: next(2), by: curator, itemId: `i${k + 1}` });
    if (k === 1) ev.push({ type: 'feedbackSubmitted', date: d, by: curator, respondentId: c.mentees[0]!.id });
    if (k === 2 && rnd() < 0.05) {
      ev.push({
        type: 'formChanged',
        date: next(1),
        by: curator,
        agreedBy: everyone,
        formats: mentees > 1 ? ['group', 'virtual'] : ['traditional', 'virtual'],
      });
    }
  }
  if (rnd() < 0.1) {
    ev.push({
      type: 'extended',
      date: next(1),
      by: curator,
      agreedBy: everyone,
      extension: { newEnd: addMonthsIso(end, 2), agreedAt: d, reason: 'Подготовка к аттестации' },
    });
  }
  ev.push(meet('final', 7));
  for (const id of everyone)
    ev.push({ type: 'finalSurveySubmitted', date: next(1), by: curator, respondentId: id });
  ev.push({ type: 'completed', date: next(2), by: curator });
  return { world, events: ev };
}
