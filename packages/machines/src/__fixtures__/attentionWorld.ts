// Test and bench helpers for the attention findings: pairs driven through the machine by events.
// Not part of the package (excluded from `files`).
import type { IsoDate } from '@nastavnik/core';
import { type PairEventInput, type PairSnapshot, pairTransition } from '../index';
import { consent, makeWorld, order } from './pairWorld';

const curator = { role: 'curator' as const };

export interface PairBuilder {
  readonly snapshot: PairSnapshot;
  readonly mentorId: string;
  readonly menteeIds: readonly string[];
  apply(...events: PairEventInput[]): PairBuilder;
  consents(date: IsoDate, validUntil?: IsoDate): PairBuilder;
  order(date: IsoDate): PairBuilder;
  meeting(kind: 'organizational' | 'trial' | 'planning' | 'regular' | 'final', date: IsoDate): PairBuilder;
  programme(
    date: IsoDate,
    plan: ReadonlyArray<{ id: string; due: IsoDate }>,
    start: IsoDate,
    end: IsoDate,
  ): PairBuilder;
  /** Consents, order, the three opening meetings and the programme: an active pair. */
  active(orderDate: IsoDate, plan?: ReadonlyArray<{ id: string; due: IsoDate }>): PairBuilder;
}

let meetingSeq = 0;

export function pairBuilder(
  opts: { id?: string; pupils?: boolean; mentees?: number; date?: IsoDate } = {},
): PairBuilder {
  const id = opts.id ?? 'pair-1';
  const world = makeWorld({
    id,
    pupils: opts.pupils ?? false,
    mentees: opts.mentees ?? 1,
    date: opts.date ?? '2026-09-01',
  });
  const mentorId = world.pair.mentorId;
  const menteeIds = world.pair.menteeIds;
  const participants = world.options.participants;
  const make = (snapshot: PairSnapshot): PairBuilder => {
    const b: PairBuilder = {
      snapshot,
      mentorId,
      menteeIds,
      apply(...events) {
        let s = snapshot;
        for (const e of events) {
          const r = pairTransition(s, e);
          if (r.refused) throw new Error(`${e.type} refused: ${r.refused.code} ${r.refused.messageEn}`);
          s = r.snapshot;
        }
        return make(s);
      },
      consents(date, validUntil) {
        const pupil = opts.pupils ?? false;
        const purposes = pupil
          ? (['personalData', 'participation'] as const)
          : (['personalData', 'mentorDuties'] as const);
        const events: PairEventInput[] = [];
        for (const p of participants) {
          for (const purpose of purposes) {
            const c = consent(
              { id: p.id, category: p.category, birthDate: p.birthDate },
              purpose,
              `c-${id}-${p.id}-${purpose}`,
              date,
            );
            events.push({
              type: 'consentRecorded',
              date,
              by: curator,
              consent: validUntil ? { ...c, validUntil } : c,
            });
          }
        }
        return b.apply(...events);
      },
      order(date) {
        return b.apply({
          type: 'orderIssued',
          date,
          by: { role: 'head' },
          order: order('approvePairs', `o-${id}`, date),
        });
      },
      meeting(kind, date) {
        meetingSeq++;
        return b.apply({
          type: 'meetingHeld',
          date,
          by: { role: 'mentor', id: mentorId },
          meeting: { id: `m-${meetingSeq}`, pairId: id, kind, date },
        });
      },
      programme(date, plan, start, end) {
        return b.apply({
          type: 'programmeApproved',
          date,
          by: curator,
          programme: {
            id: `pp-${id}`,
            pairId: id,
            start,
            end,
            goals: ['Адаптация'],
            plan: plan.map((it) => ({ id: it.id, title: 'Пункт', due: it.due, expectedResult: 'Итог' })),
          },
        });
      },
      active(orderDate, plan = [{ id: 'i1', due: '2027-03-31' }]) {
        const d = (n: number): IsoDate => {
          const t = new Date(`${orderDate}T00:00:00Z`);
          t.setUTCDate(t.getUTCDate() + n);
          return t.toISOString().slice(0, 10);
        };
        return b
          .consents(d(-3))
          .order(orderDate)
          .meeting('organizational', d(1))
          .meeting('trial', d(2))
          .meeting('planning', d(3))
          .programme(d(3), plan, d(4), '2027-05-31');
      },
    };
    return b;
  };
  return make(world.initial);
}
