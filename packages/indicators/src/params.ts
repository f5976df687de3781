import { z } from 'zod';

/**
 * Parameters of the indicators: the pupils' age band (10–18 in Р-145's
 * methodology, 11–18 in some regions), the experience that makes a young
 * specialist (3 years), the hours that count as a completed mentor training
 * (the 36-hour course of 001 4.3), and target overrides by indicator id.
 *
 * @category Indicators
 * @example
 * IndicatorParamsSchema.parse({ pupilAgeBand: { min: 11, max: 18 } });
 */
export const IndicatorParamsSchema = z
  .object({
    pupilAgeBand: z
      .object({ min: z.number().int().min(0).max(30), max: z.number().int().min(0).max(30) })
      .default({ min: 10, max: 18 }),
    youngSpecialistMaxYears: z.number().min(0).max(10).default(3),
    trainingHours: z.number().positive().max(2000).default(36),
    /** Targets by indicator id, overriding the definitions' own. */
    targets: z.record(z.string(), z.number().finite()).default({}),
  })
  .refine((p) => p.pupilAgeBand.min <= p.pupilAgeBand.max, {
    path: ['pupilAgeBand', 'max'],
    message: 'band',
  });
/** Parameters as written (all optional). @category Indicators @example const p: IndicatorParamsInput = { youngSpecialistMaxYears: 5 }; */
export type IndicatorParamsInput = z.input<typeof IndicatorParamsSchema>;
/** Resolved parameters. @category Indicators @example const p: IndicatorParams = IndicatorParamsSchema.parse({}); */
export type IndicatorParams = z.output<typeof IndicatorParamsSchema>;
