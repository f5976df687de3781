/**
 * Recipe: the curator's Monday — what needs attention on a date (findAttention), whom to remind
 * today (reminderSchedule, with a history so nothing is sent twice), and the digest (attentionDigest).
 * A pair proposed on 1 September whose consents never came, a pupil waiting for a mentor since
 * 5 September, and the programme of 004 with its roadmap.
 */
import { type PersonId, PersonIdSchema } from '@nastavnik/core';
import {
  attentionDigest,
  attentionPolicy,
  createPairSnapshot,
  createProgrammeSnapshot,
  findAttention,
  programmePresets,
  reminderSchedule,
  type SentReminder,
} from '@nastavnik/machines';

export interface AttentionSummary {
  codes: string[];
  remindersFirstDay: number;
  remindersSecondRun: number;
  curatorReached: boolean;
  digestTitle: string;
  mentorSeesOnlyOwn: boolean;
}

export function main(): AttentionSummary {
  const pair = createPairSnapshot(
    {
      id: 'pair-1',
      organizationId: 'lyceum-7',
      mentorId: 'pupil-7',
      menteeIds: ['pupil-1'],
      form: 'pupilPupil',
      formats: ['traditional'],
      origin: 'curator',
    },
    {
      date: '2023-09-01',
      participants: [
        { id: 'pupil-7', category: 'pupil', birthDate: '2006-01-15' },
        { id: 'pupil-1', category: 'pupil', birthDate: '2010-03-01' },
      ],
    },
  );
  const programme = createProgrammeSnapshot(programmePresets.lyceum7Tikhvin004, { date: '2023-08-25' });
  const waiting = [{ id: PersonIdSchema.parse('pupil-9'), since: '2023-09-05' }];

  // #region findings
  const policy = attentionPolicy({ noMeeting: { afterDays: 10, warningDays: 14 } });
  const findings = findAttention(
    { pairs: [pair], programmes: [programme], mentees: waiting },
    '2023-10-09',
    policy,
  );
  // consent_missing (the pupil's to the parent), mentee_unpaired, activity_overdue — ids only, never names
  // #endregion findings

  // #region reminders
  const history: SentReminder[] = [];
  const send = (day: string) => {
    const today = reminderSchedule(
      findAttention({ pairs: [pair], mentees: waiting }, day, policy),
      history,
      day,
      policy,
    );
    for (const r of today) history.push({ findingKey: r.findingKey, step: r.step, date: r.date });
    return today;
  };
  const first = send('2023-10-09');
  const again = send('2023-10-09'); // the same day again: nothing twice
  for (let d = 10; d <= 31; d++) send(`2023-10-${d}`);
  // #endregion reminders

  // #region digest
  const digest = attentionDigest(findings, {
    viewer: { role: 'curator' },
    date: '2023-10-09',
    format: 'markdown',
    locale: 'ru',
  });
  const mentor = attentionDigest(findings, {
    viewer: { role: 'mentor', personIds: ['pupil-7' as PersonId] },
    date: '2023-10-09',
    format: 'html',
  });
  // #endregion digest

  return {
    codes: [...new Set(findings.map((f) => f.code))].sort(),
    remindersFirstDay: first.length,
    remindersSecondRun: again.length,
    curatorReached: historyReachesCurator(history, policy),
    digestTitle: digest.content.split('\n')[0] ?? '',
    mentorSeesOnlyOwn: mentor.findings.every((f) => f.pairId === 'pair-1'),
  };
}

function historyReachesCurator(
  history: readonly SentReminder[],
  policy: ReturnType<typeof attentionPolicy>,
): boolean {
  const curatorSteps = new Set(policy.escalation.flatMap((s, i) => (s.to.includes('curator') ? [i] : [])));
  return history.some((h) => curatorSteps.has(h.step));
}
