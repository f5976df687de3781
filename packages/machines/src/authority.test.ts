import { nastavnikIssue, PersonIdSchema } from '@nastavnik/core';
import {
  createPairSnapshot,
  createProgrammeSnapshot,
  defaultPairAuthority,
  defaultPairPolicy,
  type PairEventInput,
  type PairSnapshot,
  pairTransition,
  programmePresets,
  programmeTransition,
} from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';
import { makeWorld, order } from './__fixtures__/pairWorld';

function refusedCode(s: PairSnapshot, e: PairEventInput): string | undefined {
  return pairTransition(s, e).refused?.code;
}

const approve = (by: PairEventInput['by']): PairEventInput => ({
  type: 'orderIssued',
  date: '2023-09-10',
  by,
  order: order('approvePairs', 'ord-1', '2023-09-10'),
});

/** A pair whose consents are all in (pupils: a senior pupil mentoring two minors). */
function consented(pupils: boolean, policy = defaultPairPolicy): PairSnapshot {
  const w = makeWorld({ pupils, mentees: pupils ? 2 : 1 });
  let s = createPairSnapshot(w.pair, { ...w.options, policy });
  const people = [
    { id: w.pair.mentorId, purposes: ['personalData', 'mentorDuties'] as const, minor: false },
    ...w.pair.menteeIds.map((id) => ({
      id,
      purposes: pupils
        ? (['personalData', 'participation'] as const)
        : (['personalData', 'mentorDuties'] as const),
      minor: pupils,
    })),
  ];
  for (const p of people) {
    for (const purpose of p.purposes) {
      const r = pairTransition(s, {
        type: 'consentRecorded',
        date: '2023-09-05',
        by: { role: 'curator' },
        consent: p.minor
          ? {
              id: `c-${p.id}-${purpose}`,
              personId: p.id,
              purpose,
              givenBy: 'parent',
              representative: { lastName: 'Петрова', firstName: 'Анна' },
              givenAt: '2023-09-05',
            }
          : { id: `c-${p.id}-${purpose}`, personId: p.id, purpose, givenBy: 'self', givenAt: '2023-09-05' },
      });
      expect(r.refused).toBeUndefined();
      s = r.snapshot;
    }
  }
  return s;
}

describe('authority: who may record each pair event (roles as data)', () => {
  it('003 §3.3, §6.2: the order approving a pair is the head’s (or the acting head’s), never a mentee’s', () => {
    const s = consented(false);
    const r = pairTransition(s, approve({ role: 'mentee', id: 'pair-1-mentee-1' }));
    expect(r.refused?.code).toBe('not_authorized');
    expect(r.refused?.params).toMatchObject({ required: 'head, actingHead' });
    // A refusal is an issue like any other: code, path, typed params, both messages from core's catalogue.
    expect(r.refused).toEqual(
      nastavnikIssue('not_authorized', ['by', 'role'], { required: 'head, actingHead' }),
    );
    expect(r.refused?.message).toBe(
      'Это действие записывает руководитель или исполняющий обязанности руководителя',
    );
    expect(refusedCode(s, approve({ role: 'curator' }))).toBe('not_authorized');
    expect(refusedCode(s, approve({ role: 'head' }))).toBeUndefined();
    expect(refusedCode(s, approve({ role: 'actingHead' }))).toBeUndefined();
  });

  it('003 §3.4, §5.1: a mentor is replaced by the curator or the head, not at the mentee’s own hand', () => {
    const s = consented(false);
    const e = (by: PairEventInput['by']): PairEventInput => ({
      type: 'mentorReplaced',
      date: '2023-09-06',
      by,
      mentor: { id: 't-new', category: 'teacher' },
      consents: (['personalData', 'mentorDuties'] as const).map((purpose) => ({
        id: `c-new-${purpose}`,
        personId: 't-new',
        purpose,
        givenBy: 'self' as const,
        givenAt: '2023-09-06',
      })),
      initiator: 'mentee',
    });
    expect(refusedCode(s, e({ role: 'mentee', id: 'pair-1-mentee-1' }))).toBe('not_authorized');
    expect(refusedCode(s, e({ role: 'curator' }))).toBeUndefined();
    expect(refusedCode(s, e({ role: 'actingHead' }))).toBeUndefined();
  });

  it('004 §1: a parent or legal representative acts for a minor mentee, and only for one', () => {
    const s = consented(true);
    const leave = (by: PairEventInput['by']): PairEventInput => ({
      type: 'menteeRemoved',
      date: '2023-09-06',
      by,
      menteeId: 'pair-1-mentee-1',
      reason: 'ownInitiative',
    });
    expect(
      refusedCode(s, leave({ role: 'parent', id: 'par-1', onBehalfOf: 'pair-1-mentee-1' })),
    ).toBeUndefined();
    // For nobody, or for the mentor (a parent acts for a mentee of the pair).
    expect(refusedCode(s, leave({ role: 'parent', id: 'par-1' }))).toBe('not_representative');
    expect(refusedCode(s, leave({ role: 'parent', onBehalfOf: 'pair-1-mentor' }))).toBe('not_representative');
    // A teacher is of age: no parent acts for them.
    const adults = consented(false);
    expect(refusedCode(adults, leave({ role: 'parent', onBehalfOf: 'pair-1-mentee-1' }))).toBe(
      'not_representative',
    );
    // A parent does not issue orders.
    expect(refusedCode(s, approve({ role: 'parent', onBehalfOf: 'pair-1-mentee-1' }))).toBe('not_authorized');
  });

  it('004 (two curators named): several curators; a curator who names themself must be one of them', () => {
    const s = consented(false, {
      ...defaultPairPolicy,
      curatorIds: [PersonIdSchema.parse('cur-a'), PersonIdSchema.parse('cur-b')],
    });
    const meet = (id: string): PairEventInput => ({
      type: 'meetingHeld',
      date: '2023-09-12',
      by: { role: 'curator', id },
      meeting: { id: 'm-1', pairId: 'pair-1', kind: 'organizational', date: '2023-09-12' },
    });
    const ordered = pairTransition(s, approve({ role: 'head' })).snapshot;
    expect(refusedCode(ordered, meet('cur-b'))).toBeUndefined();
    expect(refusedCode(ordered, meet('cur-a'))).toBeUndefined();
    expect(refusedCode(ordered, meet('cur-x'))).toBe('actor_mismatch');
  });

  it('003 §3.3: authority is data — a school whose table lets only the head sign the pairs order', () => {
    const policy = {
      ...defaultPairPolicy,
      authority: { ...defaultPairAuthority, orderIssued: ['head'] as const },
    };
    const s = consented(false, policy);
    expect(refusedCode(s, approve({ role: 'actingHead' }))).toBe('not_authorized');
    expect(refusedCode(s, approve({ role: 'head' }))).toBeUndefined();
  });
});

describe('authority: who may record each programme event', () => {
  const s = createProgrammeSnapshot(programmePresets.prokopyevsk001, {
    date: '2023-08-01',
    period: { academicYear: '2023-2024' },
  });

  it('001, 002: the municipal curator runs the municipal roadmap; a mentee does not', () => {
    const e = (role: 'municipalCurator' | 'mentee' | 'methodicalCouncil') =>
      programmeTransition(s, {
        type: 'activityStarted',
        date: '2023-09-01',
        by: { role },
        activityId: '1.1',
      });
    expect(e('municipalCurator').refused).toBeUndefined();
    expect(e('methodicalCouncil').refused).toBeUndefined();
    expect(e('mentee').refused?.code).toBe('not_authorized');
  });

  it('003 §3.3–3.4: a stage is closed by a curator or the head, not by the methodical council', () => {
    const r = programmeTransition(s, {
      type: 'stageCompleted',
      date: '2023-09-01',
      by: { role: 'methodicalCouncil' },
      stage: 'preparation',
    });
    expect(r.refused?.code).toBe('not_authorized');
    expect(r.refused?.messageEn).toContain('municipal curator');
  });
});
