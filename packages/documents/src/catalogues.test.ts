import { extendCatalogue, mentorshipForms } from '@nastavnik/core';
import { buildPairsOrder } from '@nastavnik/documents';
import { describe, expect, it } from 'vitest';
import { lyceumConsents, lyceumPairs, pairsOrderInput } from './__fixtures__/samples';

describe('regional catalogues and consent purposes in the pairs order', () => {
  it('labels a form the region added to the catalogue', () => {
    const forms = extendCatalogue(mentorshipForms, [
      { id: 'teacherPupil', label: { ru: 'учитель – ученик', en: 'teacher – pupil' } },
    ]);
    const pairs = lyceumPairs.map((p, i) => ({
      ...p,
      menteeIds: [...p.menteeIds],
      formats: [...p.formats],
      form: i === 0 ? 'teacherPupil' : p.form,
    }));
    const doc = buildPairsOrder({ ...pairsOrderInput, pairs, catalogues: { forms } });
    const table = doc.annexes[0]?.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(String(table.rows[0]?.cells[3])).toContain('учитель – ученик');
    // Without the catalogue the id itself would be printed: the label must not be the id.
    expect(String(table.rows[0]?.cells[3])).not.toContain('teacherPupil');
  });

  it('asks staff for the extra-duties consent and pupils for participation by default', () => {
    // A teacher mentee who consented only to participation is not enough (003 §3.3).
    const consents = lyceumConsents.map((c) =>
      c.id === 'c2' ? { ...c, purpose: 'participation' as const } : c,
    );
    expect(() => buildPairsOrder({ ...pairsOrderInput, consents })).toThrow(
      expect.objectContaining({ code: 'consent_missing' }),
    );
    // A region's policy (data) overrides the default; the pupil mentor still needs participation.
    const regional = {
      id: 'region',
      rules: [
        { activities: ['pair' as const], purposes: ['personalData' as const] },
        {
          activities: ['pair' as const],
          categories: ['pupil' as const],
          purposes: ['participation' as const],
        },
        // Teachers: the mentor takes on the extra duties, a teacher mentee consents to participation.
        {
          activities: ['pair' as const],
          roles: ['mentor' as const],
          categories: ['teacher' as const],
          purposes: ['mentorDuties' as const],
        },
        {
          activities: ['pair' as const],
          roles: ['mentee' as const],
          categories: ['teacher' as const],
          purposes: ['participation' as const],
        },
      ],
    };
    expect(() => buildPairsOrder({ ...pairsOrderInput, consents, consentPolicy: regional })).not.toThrow();
    const withoutPupilParticipation = lyceumConsents.filter((c) => c.id !== 'c4');
    expect(() => buildPairsOrder({ ...pairsOrderInput, consents: withoutPupilParticipation })).toThrow(
      expect.objectContaining({ code: 'consent_missing', path: ['pairs', 1, 'mentorId'] }),
    );
  });
});
