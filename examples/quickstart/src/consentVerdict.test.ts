// One judge, every package: over random people, consents and policies, no package processes a
// person without what core's consent policy requires, and every package gives the same verdict.
import {
  type Consent,
  type ConsentPolicy,
  ConsentPolicySchema,
  consentGap,
  defaultConsentPolicy,
  isNastavnikError,
  type Person,
  parse,
} from '@nastavnik/core';
import { buildPairsOrder, buildPersonalProgramme, buildPlansOrder } from '@nastavnik/documents';
import { depersonaliseDataset, withholdWithoutConsent } from '@nastavnik/indicators';
import { createPairSnapshot, pairPhase, pairTransition } from '@nastavnik/machines';
import { matchOptimal } from '@nastavnik/matching';
import { exportableRecords, exportRegistry, flagConsentGaps, importRegistry } from '@nastavnik/registry';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const DATE = '2023-10-04';
const purposes = ['personalData', 'mentorDuties', 'participation', 'publication'] as const;

const personArb = (id: string) =>
  fc
    .record({
      category: fc.constantFrom('teacher', 'pupil', 'student', 'head'),
      birthYear: fc.integer({ min: 1970, max: 2012 }),
    })
    .map(
      ({ category, birthYear }) =>
        ({
          id,
          organizationId: 'sch',
          category,
          name: { lastName: 'Тест', firstName: 'Тест' },
          subjects: [],
          birthDate: `${birthYear}-03-01`,
        }) as unknown as Person,
    );

const consentsArb = (id: string) =>
  fc
    .array(
      fc.record({
        purpose: fc.constantFrom(...purposes),
        givenBy: fc.constantFrom('self', 'parent'),
        withdrawn: fc.boolean(),
      }),
      { maxLength: 5 },
    )
    .map((cs) =>
      cs.map(
        (c, i) =>
          ({
            id: `${id}-c${i}`,
            personId: id,
            purpose: c.purpose,
            givenBy: c.givenBy,
            ...(c.givenBy === 'parent' ? { representative: { lastName: 'Р', firstName: 'Р' } } : {}),
            givenAt: '2023-09-01',
            ...(c.withdrawn ? { withdrawnAt: '2023-09-20' } : {}),
          }) as unknown as Consent,
      ),
    );

const policyArb: fc.Arbitrary<ConsentPolicy> = fc.oneof(
  fc.constant(defaultConsentPolicy),
  fc
    .record({
      pair: fc.subarray([...purposes], { minLength: 1 }),
      matching: fc.subarray([...purposes], { minLength: 1 }),
      exported: fc.subarray([...purposes]),
      exportRoles: fc.option(fc.subarray(['mentor', 'mentee', 'participant'] as const, { minLength: 1 }), {
        nil: undefined,
      }),
    })
    .map(({ pair, matching, exported, exportRoles }) =>
      parse(ConsentPolicySchema, {
        id: 'random',
        rules: [
          { activities: ['pair'], purposes: pair },
          { activities: ['matching', 'registry'], purposes: matching },
          ...(exported.length > 0
            ? [{ activities: ['export'], purposes: exported, ...(exportRoles ? { roles: exportRoles } : {}) }]
            : []),
        ],
      }),
    ),
);

const organization = { id: 'sch', kind: 'school', name: 'Школа' } as const;
const pair = {
  id: 'p',
  organizationId: 'sch',
  mentorId: 'm',
  menteeIds: ['e'],
  form: 'teacherTeacher',
  formats: ['traditional'],
  origin: 'curator' as const,
};
const programme = {
  id: 'pp',
  pairId: 'p',
  start: DATE,
  end: '2024-05-31',
  goals: ['Адаптация в профессии'],
  directions: [],
  plan: [],
};
const order = (id: string, kind: 'approvePairs' | 'approvePlans', number: string, title: string) => ({
  id,
  organizationId: 'sch',
  kind,
  number,
  date: DATE,
  title,
  signatory: { position: 'директор', name: { lastName: 'Д', firstName: 'Д' } },
});
const pairsOrder = order('o', 'approvePairs', '1', 'О закреплении');

/** Whether a builder accepts its input (true) or refuses it with a NastavnikError (false); any other error fails. */
const verdict = (build: () => unknown): boolean => {
  try {
    build();
    return true;
  } catch (e) {
    if (!isNastavnikError(e)) throw e;
    return false;
  }
};

describe('one consent verdict across packages', () => {
  it('pairs order, plans order, personal programme, pair machine, matching (both sides), registry import, registry export and the indicators records agree with consentGap', () => {
    fc.assert(
      fc.property(
        personArb('m'),
        personArb('e'),
        consentsArb('m'),
        consentsArb('e'),
        policyArb,
        (mentor, mentee, mc, ec, policy) => {
          const consents = [...mc, ...ec];
          const pairOk =
            consentGap(policy, mentor, 'mentor', 'pair', consents, DATE).length === 0 &&
            consentGap(policy, mentee, 'mentee', 'pair', consents, DATE).length === 0;
          // Documents: the pairs order, the plans order and the personal programme name the pair's people.
          expect(
            verdict(() =>
              buildPairsOrder({
                organization,
                order: pairsOrder,
                people: [mentor, mentee],
                pairs: [pair],
                consents,
                consentPolicy: policy,
                start: DATE,
                end: '2024-05-31',
              }),
            ),
          ).toBe(pairOk);
          expect(
            verdict(() =>
              buildPlansOrder({
                organization,
                order: order('o2', 'approvePlans', '2', 'Об утверждении программ'),
                people: [mentor, mentee],
                pairs: [pair],
                programmes: [programme],
                consents,
                consentPolicy: policy,
              }),
            ),
          ).toBe(pairOk);
          expect(
            verdict(() =>
              buildPersonalProgramme({
                organization,
                pair,
                programme,
                people: [mentor, mentee],
                consents,
                consentPolicy: policy,
                date: DATE,
              }),
            ),
          ).toBe(pairOk);
          // Machines: the head's order is accepted iff every required consent is in force.
          let s = createPairSnapshot(
            {
              id: 'p',
              organizationId: 'sch',
              mentorId: 'm',
              menteeIds: ['e'],
              form: 'educatorEducator',
              formats: ['traditional'],
              origin: 'curator',
            },
            {
              date: '2023-09-01',
              participants: [mentor, mentee].map((p) => ({
                id: p.id,
                category: p.category,
                ...(p.birthDate ? { birthDate: p.birthDate } : {}),
              })),
              policy: { finalSurvey: 'everyone', consentPolicy: policy },
            },
          );
          for (const c of [...consents].sort((a, b) =>
            (a.withdrawnAt ?? '').localeCompare(b.withdrawnAt ?? ''),
          )) {
            const { withdrawnAt: _withdrawn, ...plain } = c;
            s = pairTransition(s, {
              type: 'consentRecorded',
              date: '2023-09-01',
              by: { role: 'curator' },
              consent: plain,
            }).snapshot;
          }
          for (const c of consents.filter((k) => k.withdrawnAt !== undefined)) {
            s = pairTransition(s, {
              type: 'consentWithdrawn',
              date: '2023-09-20',
              by: { role: 'curator' },
              consentId: c.id,
            }).snapshot;
          }
          const ordered = pairTransition(s, {
            type: 'orderIssued',
            date: DATE,
            by: { role: 'head' },
            order: pairsOrder,
          });
          expect(
            ordered.refused === undefined && pairPhase(ordered.snapshot) === 'awaitingOrganizational',
            pairPhase(s),
          ).toBe(pairOk);
          // Matching: the mentee is left out for want of consent iff the policy says so.
          const matchOk =
            consentGap(policy, mentor, 'mentor', 'matching', consents, DATE).length === 0 &&
            consentGap(policy, mentee, 'mentee', 'matching', consents, DATE).length === 0;
          const r = matchOptimal({
            date: DATE,
            mentors: [{ person: mentor, profile: { personId: 'm', capacity: 1 } }],
            mentees: [{ person: mentee, profile: { personId: 'e', group: 'youngTeacher' } }],
            consents,
            consentPolicy: policy,
          });
          if (!matchOk) expect(r.pairs).toHaveLength(0);
          // Both directions, each side by its own verdict: a mentee without consent is unmatched for
          // that reason; a mentee with it is never said to lack consent, and a mentor without consent
          // is excluded as such (never paired).
          const menteeOk = consentGap(policy, mentee, 'mentee', 'matching', consents, DATE).length === 0;
          const mentorOk = consentGap(policy, mentor, 'mentor', 'matching', consents, DATE).length === 0;
          const u = r.unmatched.find((x) => x.menteeId === 'e');
          expect(u?.reason === 'noConsent').toBe(!menteeOk);
          if (menteeOk && !mentorOk) {
            expect(r.pairs).toHaveLength(0);
            expect(u?.excluded.mentorNoConsent).toBe(1);
          }
          if (menteeOk && mentorOk) expect(u?.excluded.mentorNoConsent ?? 0).toBe(0);
          // Registry: a row is flagged iff the policy's registry verdict has a gap; never dropped.
          const flags = flagConsentGaps(
            { records: [mentee], rows: [2] },
            { consents, date: DATE, policy, role: 'mentee' },
          );
          expect(flags.length).toBe(consentGap(policy, mentee, 'mentee', 'registry', consents, DATE).length);
          // Export of the registries (the quickstart's own export asks the same): a person goes into the
          // file iff the policy's export verdict has no gap; each one left out has an issue per gap.
          const exportGap = (p: Person, role: 'mentor' | 'mentee' | 'participant') =>
            consentGap(policy, p, role, 'export', consents, DATE);
          const check = { consents, date: DATE, policy };
          const mentorsOut = exportableRecords(
            [{ person: mentor, profile: { personId: 'm', capacity: 1 } } as never],
            'mentors',
            check,
          );
          expect(mentorsOut.records.length).toBe(exportGap(mentor, 'mentor').length === 0 ? 1 : 0);
          expect(mentorsOut.omitted.map((w) => w.params?.purpose)).toEqual(
            exportGap(mentor, 'mentor').map((g) => g.purpose),
          );
          const menteesOut = exportableRecords(
            [{ person: mentee, profile: { personId: 'e', group: 'youngTeacher' } } as never],
            'mentees',
            check,
          );
          expect(menteesOut.records.length).toBe(exportGap(mentee, 'mentee').length === 0 ? 1 : 0);
          // Indicators records: a roster record, a registry record, a request, an answer and a pair are
          // produced iff each person's verdict in that role has no gap; what is kept back is counted.
          const record = (p: Person) => ({
            id: p.id,
            organizationId: 'sch',
            category: p.category,
            ...(p.birthDate ? { birthDate: p.birthDate } : {}),
          });
          const dataset = {
            organizations: [organization],
            persons: [record(mentor), record(mentee)],
            mentors: [{ personId: 'm', organizationId: 'sch', capacity: 1 }],
            requests: [{ id: 'q', menteeId: 'e', organizationId: 'sch', createdAt: '2023-09-10' }],
            pairs: [
              {
                ...pair,
                formats: ['traditional'],
                status: 'active' as const,
                approvedAt: DATE,
                requestIds: ['q'],
              },
            ],
            responses: [
              {
                respondentId: 'e',
                organizationId: 'sch',
                role: 'mentee' as const,
                kind: 'satisfaction' as const,
                score: 8,
                submittedAt: DATE,
              },
            ],
          };
          const { dataset: sent, withheld } = withholdWithoutConsent(dataset, check);
          const ok = (p: Person, role: 'mentor' | 'mentee' | 'participant') =>
            exportGap(p, role).length === 0;
          expect(sent.persons.map((p) => p.id)).toEqual(
            [mentor, mentee].filter((p) => ok(p, 'participant')).map((p) => p.id),
          );
          expect(sent.mentors).toHaveLength(ok(mentor, 'mentor') ? 1 : 0);
          expect(sent.requests).toHaveLength(ok(mentee, 'mentee') ? 1 : 0);
          expect(sent.responses).toHaveLength(ok(mentee, 'mentee') ? 1 : 0);
          expect(sent.pairs).toHaveLength(ok(mentor, 'mentor') && ok(mentee, 'mentee') ? 1 : 0);
          expect(withheld.gaps.length).toBe(
            exportGap(mentor, 'participant').length +
              exportGap(mentee, 'participant').length +
              exportGap(mentor, 'mentor').length +
              exportGap(mentee, 'mentee').length,
          );
          // The release to the region asks the same judge first, whatever it does next.
          const released = depersonaliseDataset(dataset, {
            secret: 'kept-by-the-school-dpo',
            asOf: DATE,
            k: 2,
            smallClasses: 'suppress',
            consentCheck: check,
          });
          expect(released.withheld).toEqual(withheld);
          expect(released.dataset.pairs ?? []).toHaveLength(sent.pairs.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('registry import flags a row iff the policy finds a gap for the person it imported, and keeps the row', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2005, max: 2012 }),
        consentsArb('u-1'),
        policyArb,
        async (birthYear, consents, policy) => {
          const csv = new TextEncoder().encode(
            `ID;ФИО;Дата рождения;Класс;Группа\nu-1;Соколов Артём Денисович;14.03.${birthYear};8;обучающиеся 5–9 классов\n`,
          );
          const r = await importRegistry(csv, {
            kind: 'mentees',
            organizationId: 'sch',
            consentCheck: { consents, date: DATE, policy },
          });
          expect(r.records).toHaveLength(1);
          const person = r.records[0]?.person as Person;
          const gaps = r.warnings.filter((w) => w.code === 'consent_gap');
          expect(gaps.length > 0).toBe(
            consentGap(policy, person, 'mentee', 'registry', consents, DATE).length > 0,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('exportRegistry writes a file of mentors or mentees iff nobody in it lacks what the policy requires for the export', async () => {
    await fc.assert(
      fc.asyncProperty(
        personArb('m'),
        personArb('e'),
        consentsArb('m'),
        consentsArb('e'),
        policyArb,
        async (mentor, mentee, mc, ec, policy) => {
          const consents = [...mc, ...ec];
          const consentCheck = { consents, date: DATE, policy };
          const mentorOk = consentGap(policy, mentor, 'mentor', 'export', consents, DATE).length === 0;
          const menteeOk = consentGap(policy, mentee, 'mentee', 'export', consents, DATE).length === 0;
          const written = async (run: () => Promise<unknown>) => {
            try {
              await run();
              return true;
            } catch (e) {
              if (!isNastavnikError(e)) throw e;
              expect(JSON.stringify(e.toJSON())).not.toContain('Тест');
              return false;
            }
          };
          expect(
            await written(() =>
              exportRegistry([{ person: mentor, profile: { personId: 'm', capacity: 1 } }] as never, {
                kind: 'mentors',
                format: 'csv',
                consentCheck,
              }),
            ),
          ).toBe(mentorOk);
          expect(
            await written(() =>
              exportRegistry(
                [{ person: mentee, profile: { personId: 'e', group: 'youngTeacher' } }] as never,
                {
                  kind: 'mentees',
                  format: 'csv',
                  consentCheck,
                },
              ),
            ),
          ).toBe(menteeOk);
          // Never unchecked: without a consent check nobody is written, whatever they gave.
          expect(
            await written(() =>
              exportRegistry(
                [{ person: mentor, profile: { personId: 'm', capacity: 1 } }] as never,
                {
                  kind: 'mentors',
                  format: 'csv',
                } as never,
              ),
            ),
          ).toBe(false);
        },
      ),
      { numRuns: 40 },
    );
  });
});
