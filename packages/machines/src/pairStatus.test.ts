import { createPairSnapshot, pairReportStatus } from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';

describe('pairReportStatus', () => {
  it('a fresh pair without an approving order is proposed', () => {
    const snapshot = createPairSnapshot(
      {
        id: 'pair-1',
        organizationId: 'sch-1',
        mentorId: 't-1',
        menteeIds: ['t-2'],
        form: 'educatorEducator',
        formats: ['traditional'],
        origin: 'curator',
      },
      {
        date: '2023-09-18',
        participants: [
          { id: 't-1', category: 'teacher' },
          { id: 't-2', category: 'teacher' },
        ],
      },
    );
    expect(pairReportStatus(snapshot)).toBe('proposed');
  });
});
