import { z } from 'zod';

/**
 * One organization of the tree: region → municipal authority → school, and
 * under each authority its own roadmap (`own`: the authority's activities).
 */
export const DashboardOrgSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['region', 'authority', 'school', 'own']),
  parentId: z.string().min(1).optional(),
});

/** A published indicator value; `null` where it is suppressed. */
export const DashboardValueSchema = z.object({
  period: z.string().min(1),
  indicatorId: z.string().min(1),
  organizationId: z.string().min(1),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  suppressed: z.boolean(),
});

/** The file the page loads: what the SDK computed for a sample region, published without personal data. */
export const DashboardDataSchema = z.object({
  title: z.string().min(1),
  asOf: z.string().min(1),
  periods: z.array(z.object({ id: z.string().min(1), label: z.string().min(1) })).min(1),
  indicators: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      unit: z.enum(['percent', 'count', 'score', 'days', 'ratio']),
      target: z.number().optional(),
    }),
  ),
  organizations: z.array(DashboardOrgSchema).min(1),
  values: z.array(DashboardValueSchema),
  /** Pairs by form: one value per form label. */
  formBreakdown: z.array(
    z.object({
      period: z.string().min(1),
      organizationId: z.string().min(1),
      form: z.string().min(1),
      count: z.number().nullable(),
      suppressed: z.boolean(),
    }),
  ),
});

export type DashboardData = z.infer<typeof DashboardDataSchema>;
export type DashboardOrg = z.infer<typeof DashboardOrgSchema>;
export type DashboardValue = z.infer<typeof DashboardValueSchema>;

/** The id suffix of an authority's own-roadmap node. */
export const OWN_SUFFIX = '~own';

/** What a suppressed cell of each shown indicator counts: «меньше пяти …». */
export const COUNTED: Record<string, string> = {
  'coverage.pupilMentees': 'обучающихся',
  'satisfaction.menteeMean': 'ответивших наставляемых',
  'satisfaction.mentorMean': 'ответивших наставников',
  'process.pairs': 'пар и групп',
  'process.activitiesOverdue': 'мероприятий дорожной карты',
};

/** Indicator ids the page shows. */
export const SHOWN = {
  coverage: 'coverage.pupilMentees',
  satisfactionMentees: 'satisfaction.menteeMean',
  satisfactionMentors: 'satisfaction.mentorMean',
  pairs: 'process.pairs',
  overdue: 'process.activitiesOverdue',
} as const;
