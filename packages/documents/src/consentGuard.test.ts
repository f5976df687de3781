import { isNastavnikError, type NastavnikError } from '@nastavnik/core';
import {
  buildCompetitionOrder,
  buildPairChangeOrder,
  buildPairsOrder,
  buildPersonalProgramme,
  buildPlansOrder,
  buildPressRelease,
  type PairsOrderInput,
} from '@nastavnik/documents';
import { describe, expect, it } from 'vitest';
import { lyceum7, lyceumConsents, lyceumPeople, pairsOrderInput, programme } from './__fixtures__/samples';

const pair1 = pairsOrderInput.pairs[0] as PairsOrderInput['pairs'][number];
const order = (kind: 'approvePlans' | 'extendPair' | 'competitionResults') => ({
  ...pairsOrderInput.order,
  kind,
  title: 'Приказ',
});

/** Every builder that names programme participants, given a set of consents. */
const builders = {
  pairs: (consents: typeof lyceumConsents) => buildPairsOrder({ ...pairsOrderInput, consents }),
  plans: (consents: typeof lyceumConsents) =>
    buildPlansOrder({
      organization: lyceum7,
      order: order('approvePlans'),
      people: lyceumPeople,
      consents,
      pairs: pairsOrderInput.pairs,
      programmes: [programme],
    }),
  extension: (consents: typeof lyceumConsents) =>
    buildPairChangeOrder({
      organization: lyceum7,
      order: { ...order('extendPair'), date: '2024-05-20' },
      people: lyceumPeople,
      consents,
      pair: pair1,
      programme,
      change: {
        kind: 'extend',
        extension: { newEnd: '2024-12-27', agreedAt: '2024-05-17', reason: 'аттестация' },
      },
    }),
  competition: (consents: typeof lyceumConsents) =>
    buildCompetitionOrder({
      organization: lyceum7,
      order: order('competitionResults'),
      people: lyceumPeople,
      consents,
      pairs: pairsOrderInput.pairs,
      competition: {
        id: 'c',
        organizationId: 'lyceum-7',
        title: '#Наставник+',
        academicYear: '2023-2024',
        rounds: [
          {
            id: 'r',
            title: 'Визитка',
            date: '2023-09-10',
            criteria: [{ id: 'c', title: 'Оценка', maxScore: 5 }],
          },
        ],
        scores: [{ pairId: 'pair-1', roundId: 'r', score: 3, recordedAt: '2023-09-10' }],
      },
    }),
  programme: (consents: typeof lyceumConsents) =>
    buildPersonalProgramme({ organization: lyceum7, pair: pair1, programme, people: lyceumPeople, consents }),
};

/** Issue params, typed loosely: the test reads ids and purposes only. */
const params = (i: { readonly params?: unknown }) => (i.params ?? {}) as Record<string, unknown>;

function refusal(f: () => unknown): NastavnikError {
  try {
    f();
  } catch (e) {
    if (isNastavnikError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('every builder that names people asks the consent policy first', () => {
  it.each(Object.entries(builders))(
    '%s: builds with the consents, refuses without — by id, never by name',
    (_, build) => {
      expect(() => build(lyceumConsents)).not.toThrow();
      const e = refusal(() => build(lyceumConsents.filter((c) => c.id !== 'pd-belov')));
      expect(e.code).toBe('consent_missing');
      expect(
        e.issues.some((i) => params(i).personId === 'belov' && params(i).purpose === 'personalData'),
      ).toBe(true);
      const text = JSON.stringify(e.toJSON());
      expect(text).not.toMatch(/Белов|Игорь/);
    },
  );

  it.each(Object.entries(builders))('%s: a withdrawn consent stops the document at once', (_, build) => {
    const withdrawn = lyceumConsents.map((c) =>
      c.id === 'pd-lebedeva' ? { ...c, withdrawnAt: '2023-09-10', withdrawnBy: 'self' as const } : c,
    );
    const e = refusal(() => build(withdrawn));
    expect(e.issues.map((i) => [i.code, params(i).personId])).toContainEqual([
      'consent_withdrawn',
      'lebedeva',
    ]);
  });

  it('lists every gap of every pair at once, with the path of each person', () => {
    const e = refusal(() => builders.pairs(lyceumConsents.filter((c) => !c.id.startsWith('pd-'))));
    expect(e.issues.map((i) => i.path)).toEqual([
      ['pairs', 0, 'mentorId'],
      ['pairs', 0, 'menteeIds', 0],
      ['pairs', 1, 'mentorId'],
      ['pairs', 1, 'menteeIds', 0],
      ['pairs', 1, 'menteeIds', 1],
    ]);
  });

  it('a termination order is not refused: it records the end of processing after a withdrawal (ст. 9 ч. 2)', () => {
    const withdrawn = lyceumConsents.map((c) =>
      c.personId === 'pupil-sokolov'
        ? { ...c, withdrawnAt: '2024-01-20', withdrawnBy: 'parent' as const }
        : c,
    );
    expect(() =>
      buildPairChangeOrder({
        organization: lyceum7,
        order: {
          ...pairsOrderInput.order,
          kind: 'terminatePair',
          title: 'О досрочном завершении',
          date: '2024-02-01',
        },
        people: lyceumPeople,
        consents: withdrawn,
        pair: pairsOrderInput.pairs[1] as PairsOrderInput['pairs'][number],
        programme: { ...programme, id: 'pp-2', pairId: 'pair-2', plan: [] },
        change: { kind: 'terminate', date: '2024-02-01', reason: 'menteeInitiative' },
      }),
    ).not.toThrow();
  });

  it('a press release names a person only with the separate consent to dissemination (ст. 10.1)', () => {
    const input = {
      organization: lyceum7,
      date: '2024-05-25',
      headline: 'Итоги года',
      lead: 'Лид',
      mentions: [
        { personId: 'belov', role: 'mentor' as const, text: 'провёл мастер-класс' },
        { personId: 'lebedeva', role: 'mentee' as const, text: 'дала открытый урок' },
      ],
      people: lyceumPeople,
      consents: lyceumConsents,
    };
    const text = JSON.stringify(buildPressRelease(input).blocks);
    expect(text).toContain('Белов');
    expect(text).not.toContain('Лебедев');
  });
});
