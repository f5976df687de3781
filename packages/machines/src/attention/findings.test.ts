import {
  type Consent,
  decideConsent,
  defaultConsentPolicy,
  isNastavnikError,
  type PersonId,
  requiredConsents,
} from '@nastavnik/core';
import {
  type AttentionCode,
  type AttentionFinding,
  attentionPolicy,
  attentionTexts,
  createProgrammeSnapshot,
  defaultAttentionPolicy,
  type FindingOf,
  findAttention,
  programmePresets,
  visibleFindings,
} from '@nastavnik/machines';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairBuilder } from '../__fixtures__/attentionWorld';

const of = <C extends AttentionCode>(fs: readonly AttentionFinding[], code: C): FindingOf<C>[] =>
  fs.filter((f): f is AttentionFinding & FindingOf<C> => f.code === code);
const codes = (fs: readonly AttentionFinding[]) => [...new Set(fs.map((f) => f.code))].sort();

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

// An active pair: order 2026-09-10, opening meetings 09-11…09-13, programme 09-14 → 2027-05-31.
const active = () => pairBuilder().active('2026-09-10', [{ id: 'i1', due: '2026-10-31' }]);

describe('findAttention: no meeting (004 §5, 001 6.6) and the proposals to pause or close (003 §7)', () => {
  it('starts at 7 days, a warning at 14, critical at 30, counted from the last meeting', () => {
    const s = active().snapshot;
    expect(of(findAttention({ pairs: [s] }, '2026-09-19'), 'no_meeting')).toEqual([]);
    const at7 = of(findAttention({ pairs: [s] }, '2026-09-20'), 'no_meeting');
    expect(at7).toHaveLength(1);
    expect(at7[0]).toMatchObject({
      severity: 'info',
      pairId: 'pair-1',
      since: '2026-09-13',
      dueSince: '2026-09-20',
      reason: { days: 7, lastMeeting: '2026-09-13' },
      addressees: ['mentor', 'mentee', 'curator', 'municipalCurator'],
      source: '004 §5; 001 6.6',
    });
    expect(at7[0]?.message).toBe('Пара не встречалась 7\u00a0дней (последняя встреча 2026-09-13)');
    expect(of(findAttention({ pairs: [s] }, '2026-09-27'), 'no_meeting')[0]?.severity).toBe('warning');
    expect(of(findAttention({ pairs: [s] }, '2026-10-13'), 'no_meeting')[0]?.severity).toBe('critical');
    // A meeting resets the count, and starts a new episode (a new key).
    const met = active().meeting('regular', '2026-10-10').snapshot;
    expect(of(findAttention({ pairs: [met] }, '2026-10-13'), 'no_meeting')).toEqual([]);
    const again = of(findAttention({ pairs: [met] }, '2026-10-20'), 'no_meeting')[0];
    expect(again?.key).not.toBe(at7[0]?.key);
  });

  it('tells the parent of a minor mentee', () => {
    const s = pairBuilder({ pupils: true }).active('2026-09-10').snapshot;
    expect(of(findAttention({ pairs: [s] }, '2026-09-25'), 'no_meeting')[0]?.addressees).toEqual([
      'mentor',
      'mentee',
      'parent',
      'curator',
      'municipalCurator',
    ]);
  });

  it('proposes to pause at 90 days and to close at 97, to the curator', () => {
    const s = active().snapshot;
    expect(codes(findAttention({ pairs: [s] }, '2026-12-11'))).not.toContain('pause_proposed');
    const at90 = findAttention({ pairs: [s] }, '2026-12-12');
    expect(of(at90, 'pause_proposed')).toHaveLength(1);
    expect(of(at90, 'pause_proposed')[0]).toMatchObject({
      addressees: ['curator', 'municipalCurator'],
      severity: 'critical',
    });
    const at97 = findAttention({ pairs: [s] }, '2026-12-19');
    expect(of(at97, 'close_proposed')).toHaveLength(1);
    expect(of(at97, 'pause_proposed')).toHaveLength(0);
  });
});

describe('findAttention: plans and programmes (003 roadmap 6–9, §1.2, §7.2; 004 §4)', () => {
  it('finds a plan item past its due date, until it is done', () => {
    const s = active().meeting('regular', '2026-10-30');
    expect(of(findAttention({ pairs: [s.snapshot] }, '2026-10-31'), 'plan_item_overdue')).toEqual([]);
    const late = of(findAttention({ pairs: [s.snapshot] }, '2026-11-03'), 'plan_item_overdue');
    expect(late).toHaveLength(1);
    expect(late[0]?.reason).toEqual({ itemId: 'i1', due: '2026-10-31', days: 3 });
    const done = s.apply({ type: 'planItemDone', date: '2026-11-02', by: { role: 'curator' }, itemId: 'i1' });
    expect(of(findAttention({ pairs: [done.snapshot] }, '2026-11-03'), 'plan_item_overdue')).toEqual([]);
  });

  it('finds a pair with an order but no programme 30 days on', () => {
    const s = pairBuilder()
      .consents('2026-09-05')
      .order('2026-09-10')
      .meeting('organizational', '2026-10-05')
      .meeting('trial', '2026-10-06').snapshot;
    expect(of(findAttention({ pairs: [s] }, '2026-10-10'), 'programme_missing')).toEqual([]);
    const f = of(findAttention({ pairs: [s] }, '2026-10-11'), 'programme_missing');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ reason: { orderDate: '2026-09-10', days: 31 }, dueSince: '2026-10-11' });
  });

  it('finds a programme past its end that is not completed', () => {
    const s = active().snapshot;
    expect(of(findAttention({ pairs: [s] }, '2027-05-31'), 'programme_end_passed')).toEqual([]);
    expect(of(findAttention({ pairs: [s] }, '2027-06-02'), 'programme_end_passed')[0]?.reason).toEqual({
      end: '2027-05-31',
      days: 2,
    });
  });

  it('finds nothing in a completed or a terminated pair', () => {
    const t = active().apply({
      type: 'terminated',
      date: '2026-10-01',
      by: { role: 'curator' },
      reason: 'curatorInitiative',
      note: 'Форс-мажор',
    }).snapshot;
    expect(findAttention({ pairs: [t] }, '2027-09-01')).toEqual([]);
  });
});

describe('findAttention: consents (004 §1; 152-ФЗ ст. 9)', () => {
  it('a pair at work whose consent expired is critical, since the day after the expiry', () => {
    const s = pairBuilder().consents('2026-09-05', '2026-12-31').order('2026-09-10').snapshot;
    const f = of(findAttention({ pairs: [s] }, '2027-01-03'), 'consent_missing');
    expect(f).toHaveLength(4);
    expect(
      f.find((x) => x.personId === 'pair-1-mentee-1' && x.reason.purpose === 'personalData'),
    ).toMatchObject({
      severity: 'critical',
      since: '2027-01-01',
      dueSince: '2027-01-01',
      reason: { cause: 'consent_expired' },
      addressees: ['mentee', 'curator', 'municipalCurator'],
    });
    expect(f[0]?.message).toContain('«');
  });

  it('a withdrawal after the order ends the pair (the machine): no findings for it any more', () => {
    const s = active().apply({
      type: 'consentWithdrawn',
      date: '2026-10-02',
      by: { role: 'curator' },
      consentId: 'c-pair-1-pair-1-mentee-1-personalData',
    }).snapshot;
    expect(findAttention({ pairs: [s] }, '2026-10-03')).toEqual([]);
  });

  it('a proposed pair has 14 days to collect its consents; a minor’s go to the parent', () => {
    const s = pairBuilder({ pupils: true, date: '2026-09-01' }).snapshot;
    expect(of(findAttention({ pairs: [s] }, '2026-09-14'), 'consent_missing')).toEqual([]);
    const f = of(findAttention({ pairs: [s] }, '2026-09-15'), 'consent_missing');
    expect(f.length).toBe(4); // personal data and participation, mentor and mentee
    expect(f.every((x) => x.severity === 'warning')).toBe(true);
    expect(f.find((x) => x.personId === 'pair-1-mentee-1')?.addressees).toEqual([
      'parent',
      'curator',
      'municipalCurator',
    ]);
  });

  it('warns 30 days before a consent expires, a warning in the last week', () => {
    const s = pairBuilder().consents('2026-09-05', '2026-12-31').order('2026-09-10').snapshot;
    expect(of(findAttention({ pairs: [s] }, '2026-11-30'), 'consent_expiring')).toEqual([]);
    const f = of(findAttention({ pairs: [s] }, '2026-12-07'), 'consent_expiring');
    expect(f).toHaveLength(4);
    expect(f[0]).toMatchObject({ severity: 'info', reason: { validUntil: '2026-12-31', daysLeft: 24 } });
    expect(of(findAttention({ pairs: [s] }, '2026-12-26'), 'consent_expiring')[0]?.severity).toBe('warning');
    // After the end it is no longer «expiring»: the consent is missing.
    expect(of(findAttention({ pairs: [s] }, '2027-01-01'), 'consent_missing')[0]?.reason.cause).toBe(
      'consent_expired',
    );
  });
});

describe('findAttention: surveys (001 6.6, 7.1; 004 §5–6; 003 roadmap 10)', () => {
  it('finds who has not answered December’s feedback survey a week after the month', () => {
    const s = active();
    const answered = s.apply({
      type: 'feedbackSubmitted',
      date: '2026-12-15',
      by: { role: 'curator' },
      respondentId: s.menteeIds[0] as string,
    }).snapshot;
    expect(of(findAttention({ pairs: [answered] }, '2027-01-07'), 'feedback_survey_missing')).toEqual([]);
    const f = of(findAttention({ pairs: [answered] }, '2027-01-08'), 'feedback_survey_missing');
    expect(f.map((x) => x.personId)).toEqual(['pair-1-mentor']);
    expect(f[0]).toMatchObject({
      reason: { month: 12, windowEnd: '2026-12-31' },
      addressees: ['mentor', 'curator', 'municipalCurator'],
    });
  });

  it('finds a missing final survey 14 days after the final meeting', () => {
    const s = active()
      .apply({ type: 'planItemDone', date: '2026-10-30', by: { role: 'curator' }, itemId: 'i1' })
      .meeting('final', '2027-05-20')
      .apply({
        type: 'finalSurveySubmitted',
        date: '2027-05-21',
        by: { role: 'curator' },
        respondentId: 'pair-1-mentor',
      });
    expect(of(findAttention({ pairs: [s.snapshot] }, '2027-06-03'), 'final_survey_missing')).toEqual([]);
    const f = of(findAttention({ pairs: [s.snapshot] }, '2027-06-04'), 'final_survey_missing');
    expect(f.map((x) => x.personId)).toEqual(['pair-1-mentee-1']);
  });
});

describe('findAttention: the programme and the mentee base (001 2.6, 6.6; 003 §3.4, roadmap 6; 004 §4)', () => {
  const programme = createProgrammeSnapshot(programmePresets.prokopyevsk001, {
    date: '2026-08-01',
    period: { academicYear: '2026-2027' },
  });

  it('finds roadmap activities past their deadline, for the curator', () => {
    const f = of(findAttention({ programmes: [programme] }, '2026-10-05'), 'activity_overdue');
    const a = f.find((x) => x.reason.activityId === '1.1');
    expect(a).toMatchObject({
      programmeId: programme.context.roadmapId,
      addressees: ['curator', 'municipalCurator'],
      reason: { deadline: '2026-09-30', days: 5 },
    });
  });

  it('finds a monitoring checkpoint not held in its window', () => {
    const f = of(findAttention({ programmes: [programme] }, '2027-02-05'), 'checkpoint_missed');
    expect(f.find((x) => x.reason.checkpointId === 'interim-jan')?.reason).toMatchObject({
      end: '2027-01-31',
      days: 5,
    });
  });

  it('finds a mentee left without a pair for 14 days, not one in a pair', () => {
    const s = active().snapshot;
    const mentees = [
      { id: 'pair-1-mentee-1' as PersonId, since: '2026-09-01' },
      { id: 'waiting-1' as PersonId, since: '2026-09-01' },
    ];
    expect(of(findAttention({ pairs: [s], mentees }, '2026-09-14'), 'mentee_unpaired')).toEqual([]);
    const f = of(findAttention({ pairs: [s], mentees }, '2026-09-15'), 'mentee_unpaired');
    expect(f.map((x) => x.personId)).toEqual(['waiting-1']);
    expect(f[0]).toMatchObject({
      subject: 'mentee',
      addressees: ['curator', 'municipalCurator'],
      source: '003 roadmap 6; 004 §4',
    });
  });
});

describe('findAttention: policy and input', () => {
  it('takes its thresholds from the policy', () => {
    const s = active().snapshot;
    expect(
      of(findAttention({ pairs: [s] }, '2026-09-20', { noMeeting: { afterDays: 10 } }), 'no_meeting'),
    ).toEqual([]);
    expect(defaultAttentionPolicy.noMeeting.afterDays).toBe(7);
  });

  it('refuses thresholds out of order and a ladder that never reaches the curator', () => {
    const e1 = thrown(() => attentionPolicy({ noMeeting: { afterDays: 20, warningDays: 14 } }));
    expect(isNastavnikError(e1) && e1.issues[0]?.code).toBe('invalid_value');
    const e2 = thrown(() => attentionPolicy({ escalation: [{ afterDays: 0, to: ['mentor'] }] }));
    expect(isNastavnikError(e2) && e2.issues[0]?.params).toEqual({ reason: 'escalationWithoutCurator' });
  });

  it('refuses a bad date and a bad snapshot with a NastavnikError, never a TypeError', () => {
    expect(isNastavnikError(thrown(() => findAttention({}, '2026-02-30')))).toBe(true);
    const bad = thrown(() =>
      findAttention({ pairs: [{ value: 'nope', context: {} } as never] }, '2026-09-01'),
    );
    expect(isNastavnikError(bad) && bad.issues[0]?.path).toEqual(['pairs', 0, 'value']);
    expect(isNastavnikError(thrown(() => findAttention({ pairs: [null as never] }, '2026-09-01')))).toBe(
      true,
    );
  });

  it('counts days in Russian as CLDR does, with a no-break space before the unit', () => {
    const ru = (days: number) => attentionTexts.mentee_unpaired({ days }).ru;
    for (const [n, word] of [
      [1, 'день'],
      [2, 'дня'],
      [5, 'дней'],
      [11, 'дней'],
      [14, 'дней'],
      [21, 'день'],
      [22, 'дня'],
      [111, 'дней'],
      [104, 'дня'],
    ] as const) {
      expect(ru(n)).toContain(`${n}\u00a0${word} `);
    }
  });

  it('names nobody: findings carry ids, dates and counts only', () => {
    const s = pairBuilder({ pupils: true }).active('2026-09-10').snapshot;
    const text = JSON.stringify(findAttention({ pairs: [s] }, '2027-06-10'));
    expect(text).not.toMatch(/Петрова|Анна|Нуритдинова/);
  });
});

describe('findAttention: what it returns', () => {
  it('makes the key and the messages when read; JSON and a mentee’s view carry them', () => {
    const s = pairBuilder({ pupils: true }).active('2026-09-10', [{ id: 'i1', due: '2026-10-31' }]).snapshot;
    const found = findAttention({ pairs: [s] }, '2026-12-20');
    expect(found.length).toBeGreaterThan(1);
    const json = JSON.parse(JSON.stringify(found)) as AttentionFinding[];
    for (const [i, f] of found.entries()) {
      expect(json[i]).toEqual({ ...f, key: f.key, message: f.message, messageEn: f.messageEn });
      expect(f.message.length).toBeGreaterThan(0);
      expect(f.messageEn).not.toBe(f.message);
    }
    expect(new Set(found.map((f) => f.key)).size).toBe(found.length);
    const mine = visibleFindings(found, { role: 'mentee', personIds: ['pair-1-mentee-1' as PersonId] });
    expect(mine.length).toBeGreaterThan(0);
    for (const f of mine) {
      const original = found.find((x) => x.key === f.key);
      expect(original).toBeDefined();
      expect([f.message, f.messageEn]).toEqual([original?.message, original?.messageEn]);
    }
  });
});

describe('findAttention: consents as core decides them (property)', () => {
  const day = (n: number) => new Date(Date.UTC(2026, 8, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const consentOf = (who: readonly string[]) =>
    fc.record({
      who: fc.constantFrom(...who),
      purpose: fc.constantFrom('personalData', 'participation', 'mentorDuties', 'publication'),
      givenBy: fc.constantFrom('self', 'parent', 'guardian'),
      // Few days, so that dates often meet (given on the day asked, expiring on it, equal givenAt).
      givenAt: fc.integer({ min: 0, max: 40 }),
      withdrawnAt: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      validUntil: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
    });

  it('consent_missing and consent_expiring are exactly core decideConsent’s verdicts', () => {
    for (const pupils of [false, true]) {
      const s = pairBuilder({ pupils, mentees: 2 }).active('2026-09-10').snapshot;
      const c = s.context;
      const people = [c.mentor, ...c.mentees];
      fc.assert(
        fc.property(
          fc.array(consentOf(people.map((p) => p.id)), { maxLength: 12 }),
          fc.integer({ min: 10, max: 60 }),
          (raw, on) => {
            const consents = raw.map(
              (k, i): Consent => ({
                id: `k${i}` as Consent['id'],
                personId: k.who as PersonId,
                purpose: k.purpose as Consent['purpose'],
                givenBy: k.givenBy as Consent['givenBy'],
                givenAt: day(k.givenAt),
                ...(k.withdrawnAt === undefined ? {} : { withdrawnAt: day(k.withdrawnAt) }),
                ...(k.validUntil === undefined ? {} : { validUntil: day(k.validUntil) }),
              }),
            );
            const date = day(on);
            const snapshot = { ...s, context: { ...c, consents } } as typeof s;
            const found = findAttention({ pairs: [snapshot] }, date);
            const cp = c.policy.consentPolicy ?? defaultConsentPolicy;
            const missing: string[] = [];
            const expiring: string[] = [];
            for (const [j, who] of people.entries()) {
              for (const purpose of requiredConsents(cp, who, j === 0 ? 'mentor' : 'mentee', 'pair')) {
                const d = decideConsent(who, consents, date, purpose, cp.minorSigners);
                if (!d.allowed) missing.push(`${who.id}:${purpose}:${d.code}`);
                else if (d.consent.validUntil !== undefined) {
                  const left = (Date.parse(d.consent.validUntil) - Date.parse(date)) / 86_400_000;
                  if (left <= 30) expiring.push(`${who.id}:${purpose}:${d.consent.validUntil}:${left}`);
                }
              }
            }
            expect(
              of(found, 'consent_missing').map((f) => `${f.personId}:${f.reason.purpose}:${f.reason.cause}`),
            ).toEqual(missing);
            expect(
              of(found, 'consent_expiring').map(
                (f) => `${f.personId}:${f.reason.purpose}:${f.reason.validUntil}:${f.reason.daysLeft}`,
              ),
            ).toEqual(expiring);
          },
        ),
        { numRuns: 150 },
      );
    }
  });
});
