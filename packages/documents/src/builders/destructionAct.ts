import {
  formatName,
  GenderSchema,
  IsoDateSchema,
  OrganizationSchema,
  PersonIdSchema,
  PersonNameSchema,
  parse,
} from '@nastavnik/core';
import { z } from 'zod';
import { orgHeader } from '../_internal/common';
import type { Block, NastavnikDocument } from '../model';
import { formatDateLong, formatDateShort } from '../typography/dates';

const GROUND_TEXT = {
  purposeAchieved: 'достижение цели обработки (ч. 4 ст. 21 Федерального закона № 152-ФЗ)',
  consentWithdrawn:
    'отзыв согласия на обработку персональных данных (ч. 5 ст. 21 Федерального закона № 152-ФЗ)',
  consentExpired: 'истечение срока действия согласия (ч. 5 ст. 21 Федерального закона № 152-ФЗ)',
  noConsent: 'выявление неправомерной обработки (ч. 3 ст. 21 Федерального закона № 152-ФЗ)',
} as const;

const DestructionActInputSchema = z.object({
  organization: OrganizationSchema,
  number: z.string().trim().min(1).max(50),
  date: IsoDateSchema,
  /** The commission (or the person responsible for processing) who destroyed the data. */
  commission: z
    .array(
      z.object({
        name: PersonNameSchema,
        position: z.string().trim().min(1).max(200),
        gender: GenderSchema.optional(),
      }),
    )
    .min(1),
  /**
   * What was destroyed: the subject by id (the act needs no name), the
   * categories of data, the medium — paper with its number of sheets, or an
   * information system — the ground (core `retentionSchedule`'s `ground`).
   */
  items: z
    .array(
      z.object({
        personId: PersonIdSchema,
        categories: z.array(z.string().trim().min(1).max(200)).min(1),
        medium: z.discriminatedUnion('kind', [
          z.object({
            kind: z.literal('paper'),
            title: z.string().trim().min(1).max(300),
            sheets: z.number().int().min(1),
          }),
          z.object({ kind: z.literal('system'), title: z.string().trim().min(1).max(300) }),
        ]),
        ground: z.enum(['purposeAchieved', 'consentWithdrawn', 'consentExpired', 'noConsent']),
      }),
    )
    .min(1),
});
/**
 * Input of {@link buildDestructionAct}.
 *
 * @category Builders
 * @example
 * const input: DestructionActInput = { organization, number: '3', date: '2024-06-20', commission, items };
 */
export type DestructionActInput = z.input<typeof DestructionActInputSchema>;

/**
 * «Акт об уничтожении персональных данных» with the content the Roskomnadzor
 * order of 28.10.2022 № 179 requires: the operator with its address; the
 * people who destroyed the data (name, position); the subjects (by their
 * registry id — other information identifying the person, no names); the
 * categories of data; the medium (paper with the number of sheets, or the
 * information system); the method (shredding, or deletion from the system);
 * the ground under 152-ФЗ ст. 21; the date; the signatures. Feed it with the
 * lines of core's `retentionSchedule`.
 *
 * @category Builders
 * @example
 * const doc = buildDestructionAct({ organization, number: '3', date: '2024-06-20',
 *   commission: [{ name: { lastName: 'Яковлева', firstName: 'Елена' }, position: 'заместитель директора' }],
 *   items: [{ personId: 'p-1', categories: ['фамилия, имя, отчество'], medium: { kind: 'system', title: 'АИС «Наставник»' }, ground: 'consentWithdrawn' }] });
 */
export function buildDestructionAct(input: DestructionActInput): NastavnikDocument {
  const v = parse(DestructionActInputSchema, input);
  const org = v.organization;
  const blocks: Block[] = [
    orgHeader(org),
    {
      kind: 'title',
      text: `Акт № ${v.number} об уничтожении персональных данных`,
      subtitle: formatDateLong(v.date, { quoted: false }),
    },
    {
      kind: 'paragraph',
      text: `Оператор: ${org.name}${org.address ? `, адрес: ${org.address}` : ''}.`,
    },
    {
      kind: 'paragraph',
      text: `Комиссия в составе: ${v.commission.map((m) => `${formatName(m.name, 'full')} — ${m.position}`).join('; ')} — составила настоящий акт о том, что ${formatDateShort(v.date)} уничтожены персональные данные, указанные ниже (Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных», ст. 21; требования к подтверждению уничтожения — приказ Роскомнадзора от 28.10.2022 № 179).`,
    },
    {
      kind: 'table',
      caption: 'Уничтоженные персональные данные',
      columns: [
        { header: '№', width: 1 },
        { header: 'Субъект (идентификатор в реестре)', width: 3 },
        { header: 'Категории персональных данных', width: 5 },
        { header: 'Носитель или информационная система', width: 4 },
        { header: 'Способ уничтожения', width: 3 },
        { header: 'Причина уничтожения', width: 5 },
      ],
      rows: v.items.map((it, i) => ({
        cells: [
          `${i + 1}.`,
          it.personId,
          it.categories.join('; '),
          it.medium.kind === 'paper' ? `${it.medium.title} (листов: ${it.medium.sheets})` : it.medium.title,
          it.medium.kind === 'paper'
            ? 'измельчение в шредере'
            : 'удаление из информационной системы без возможности восстановления',
          GROUND_TEXT[it.ground],
        ],
      })),
    },
    {
      kind: 'signatures',
      items: v.commission.map((m) => ({ role: m.position, name: formatName(m.name, 'initialsFirst') })),
      date: formatDateShort(v.date),
    },
  ];
  return {
    meta: { kind: 'destructionAct', title: 'Акт об уничтожении персональных данных' },
    blocks,
    annexes: [],
  };
}
