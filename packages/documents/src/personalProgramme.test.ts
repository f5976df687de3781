import { type Block, buildPersonalProgramme, cellText, planTemplateFor } from '@nastavnik/documents';
import { describe, expect, it } from 'vitest';
import { lyceum7, lyceumConsents, lyceumPairs, lyceumPeople, programme } from './__fixtures__/samples';

const group = {
  ...lyceumPairs[1],
  menteeIds: [...lyceumPairs[1].menteeIds],
  formats: [...lyceumPairs[1].formats],
};
const pupilPlan = (planTemplateFor('pupilPupil') ?? []).map((t, k) => ({
  id: `g${k + 1}`,
  title: t.title,
  due: ['2023-10-20', '2023-12-20', '2024-03-20', '2024-05-20'][k] ?? '2024-05-20',
  expectedResult: t.expectedResult,
}));

function tables(blocks: readonly Block[]): string[][][] {
  return blocks.flatMap((b) => (b.kind === 'table' ? [b.rows.map((r) => r.cells.map(cellText))] : []));
}

describe('personal programmes (003 §1.2)', () => {
  it('plan templates by form: a pupil mentor gets a learner’s plan, not the teachers’ one', () => {
    const pupil = (planTemplateFor('pupilPupil') ?? []).map((t) => t.title).join(' ');
    const teacher = (planTemplateFor('educatorEducator') ?? []).map((t) => t.title).join(' ');
    expect(teacher).toContain('Взаимопосещение занятий');
    expect(pupil).not.toMatch(/Взаимопосещение|Протокол/u);
    for (const form of [
      'pupilPupil',
      'teacherTeacher',
      'employerPupil',
      'studentPupil',
      'headEducator',
      'teacherPupil',
    ])
      expect(planTemplateFor(form)?.length).toBeGreaterThanOrEqual(4);
    expect(planTemplateFor('unknown-form')).toBeUndefined();
  });

  const doc = buildPersonalProgramme({
    organization: lyceum7,
    pair: group,
    programme: { ...programme, id: 'pp-2', pairId: 'pair-2', plan: pupilPlan },
    people: lyceumPeople,
    consents: lyceumConsents,
    curatorId: 'yakovleva',
    needs: [
      {
        menteeId: 'pupil-sokolov',
        request: 'Помощь с математикой',
        difficulties: ['дроби', 'текстовые задачи'],
        strengths: ['робототехника'],
      },
    ],
  });

  it("prints each mentee's request, difficulties and strengths", () => {
    const needs = tables(doc.blocks)[1] ?? [];
    expect(needs).toHaveLength(2);
    expect(needs[0]?.slice(1)).toEqual(['Помощь с математикой', 'дроби;\nтекстовые задачи', 'робототехника']);
    expect(needs[1]?.slice(1)).toEqual(['—', '—', '—']);
  });

  it('has a parent’s signature line beside every minor mentee', () => {
    const sig = doc.blocks.find((b) => b.kind === 'signatures');
    const roles = sig?.kind === 'signatures' ? sig.items.map((i) => i.role) : [];
    const parent = /^Законный представитель наставляем(ого|ой)$/u;
    expect(roles.filter((r) => parent.test(r))).toHaveLength(2);
    // Each parent line follows its own minor, in the minor's gender («Наставляемая» — «… наставляемой»).
    roles.forEach((r, i) => {
      if (r === 'Наставляемый') expect(roles[i + 1]).toBe('Законный представитель наставляемого');
      if (r === 'Наставляемая') expect(roles[i + 1]).toBe('Законный представитель наставляемой');
    });
    expect(roles.filter((r) => /^Наставляем(ый|ая)$/u.test(r))).toHaveLength(2);
  });
});
