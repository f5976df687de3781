import { PairSchema, pairSizeIssue, safeParse } from '@nastavnik/core';
import { describe, expect, it } from 'vitest';

const pair = (formats: string[], menteeIds: string[]) => ({
  id: 'p',
  organizationId: 'o',
  mentorId: 'm',
  menteeIds,
  form: 'educatorEducator',
  formats,
  origin: 'curator',
});

describe('pair format and size', () => {
  it('003 §2.3: a group has two or more mentees; one-to-one (traditional) exactly one', () => {
    const one = safeParse(PairSchema, pair(['group'], ['a']));
    expect(one.ok).toBe(false);
    if (!one.ok) {
      expect(one.error.issues[0]).toMatchObject({ code: 'pair_size_mismatch', path: ['menteeIds'] });
      expect(one.error.issues[0]?.message).toBe('В группе два наставляемых или больше (003 §2.3), а не 1');
    }
    const many = safeParse(PairSchema, pair(['traditional'], ['a', 'b']));
    expect(many.ok).toBe(false);
    expect(safeParse(PairSchema, pair(['group', 'virtual'], ['a', 'b'])).ok).toBe(true);
    expect(safeParse(PairSchema, pair(['traditional', 'virtual'], ['a'])).ok).toBe(true);
    // Formats that say nothing of size (virtual, short-term…) take any number.
    expect(safeParse(PairSchema, pair(['virtual'], ['a', 'b', 'c'])).ok).toBe(true);
  });

  it('pairSizeIssue names the format and the count', () => {
    expect(pairSizeIssue(['group'], 1)).toEqual({ format: 'group', mentees: 1 });
    expect(pairSizeIssue(['traditional'], 200)).toEqual({ format: 'traditional', mentees: 200 });
    expect(pairSizeIssue(['group'], 2)).toBeNull();
  });
});
