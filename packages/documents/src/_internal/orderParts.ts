// Parts every order builder shares: the head, «ПРИКАЗЫВАЮ:», control, the preambles.
import type { Order, Organization, Person, PersonId } from '@nastavnik/core';
import { z } from 'zod';
import type { Block } from '../model';
import {
  acquaintance,
  actForms,
  addressee,
  capitalize,
  findPerson,
  orgHeader,
  requisites,
  signature,
} from './common';

export const ORDER_WORD = (order: Order) =>
  order.act === 'directive'
    ? []
    : [{ kind: 'paragraph', text: 'ПРИКАЗЫВАЮ:', indent: false, spaced: true } as const];

export function head(input: {
  organization: Organization;
  parentOrganization?: Organization | undefined;
  order: Order;
}): Block[] {
  return [
    orgHeader(input.organization, input.parentOrganization),
    requisites(input.order, input.organization),
    { kind: 'title', text: input.order.title },
  ];
}

export function control(order: Order, n: number): Block {
  return {
    kind: 'numbered',
    number: `${n}.`,
    text: `Контроль за исполнением ${actForms(order).gen} оставляю за собой.`,
  };
}

/** The end of every order: the control point numbered `n`, the signature, the acquaintance sheet. */
export function closing(
  v: {
    readonly order: Order;
    readonly people: readonly Person[];
    readonly acquainted: readonly PersonId[];
    readonly acquaintanceDate?: string | undefined;
  },
  n: number,
): Block[] {
  return [
    control(v.order, n),
    signature(v.order),
    ...acquaintance(v.order, v.people, v.acquainted, v.acquaintanceDate),
  ];
}

/** «Яковлевой Е. С., заместителю директора по УВР, <task>» as point `n`; nothing without a curator. */
export function curatorPoint(
  v: { readonly people: readonly Person[]; readonly curatorId?: PersonId | undefined },
  n: number,
  task: string,
): Block[] {
  if (!v.curatorId) return [];
  const curator = findPerson(v.people, v.curatorId, ['curatorId']);
  return [{ kind: 'numbered', number: `${n}.`, text: `${capitalize(addressee(curator))}, ${task}` }];
}

export const AUDIENCE = z.enum(['teachers', 'pupils']).default('teachers');

export const BASIS = {
  teachers:
    'В соответствии с совместным письмом Минпросвещения России от 21 декабря 2021 года № АЗ-1128/08 и Общероссийского Профсоюза образования от 21 декабря 2021 года № 657, согласно методическим рекомендациям по разработке и внедрению системы (целевой модели) наставничества педагогических работников в образовательных организациях, в целях создания условий для формирования эффективной системы поддержки педагогических работников и молодых (вновь принятых) специалистов',
  pupils:
    'В соответствии с распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145 «Об утверждении методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования, в том числе с применением лучших практик обмена опытом между обучающимися», в рамках реализации федерального проекта «Современная школа» национального проекта «Образование»',
} as const;

export const MODEL = {
  teachers: 'системы (целевой модели) наставничества педагогических работников',
  pupils: 'целевой модели наставничества обучающихся',
} as const;
