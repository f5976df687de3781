import {
  competences,
  consentPurposeLabels,
  menteeGroups,
  mentorshipFormats,
  mentorshipForms,
  personCategoryLabels,
  requestSourceLabels,
} from '@nastavnik/core';
import type { RegistryCatalogues } from '../types';
import { catalogueLookup, Lookup } from './lookup';

const fromLabels = (
  labels: Readonly<Record<string, { ru: string; en: string }>>,
  variants: Readonly<Record<string, readonly string[]>>,
) =>
  new Lookup(
    Object.entries(labels).map(([id, l]) => ({ id, label: l.ru, variants: [l.en, ...(variants[id] ?? [])] })),
  );

export const categoryLookup = fromLabels(personCategoryLabels, {
  teacher: ['учитель', 'педагогический работник', 'воспитатель', 'преподаватель'],
  head: ['директор', 'заместитель директора', 'руководитель оо', 'администрация'],
  pupil: ['ученик', 'учащийся', 'обучающаяся', 'школьник', 'ученица'],
  student: ['студентка', 'обучающийся спо', 'обучающийся вуза'],
  employer: ['работодатель', 'представитель предприятия', 'сотрудник предприятия'],
  parent: ['родитель', 'законный представитель'],
  other: ['другое', 'прочее'],
});

export const genderLookup = new Lookup([
  { id: 'female', label: 'женский', variants: ['ж', 'жен', 'женщина', 'f'] },
  { id: 'male', label: 'мужской', variants: ['м', 'муж', 'мужчина', 'm'] },
]);

export const priorityLookup = new Lookup([
  { id: 'high', label: 'высокий', variants: ['высокая', 'срочно', '1', 'высший'] },
  { id: 'medium', label: 'средний', variants: ['средняя', '2', 'обычный'] },
  { id: 'low', label: 'низкий', variants: ['низкая', '3'] },
]);

export const sourceLookup = fromLabels(requestSourceLabels, {
  self: ['сам', 'самостоятельно', 'сам наставляемый', 'анкетирование', 'самозапрос', 'наставляемый'],
  classTeacher: ['классный руководитель', 'кл руководитель'],
  psychologist: ['психолог', 'педагог психолог'],
  socialWorker: ['социальный педагог', 'соцпедагог'],
  parent: ['родители', 'родитель', 'законные представители'],
  attestation: ['аттестация', 'по итогам аттестации'],
  methodicalAnalysis: ['анализ методической работы', 'анализ личного дела', 'методическая служба'],
  curator: ['куратор наставничества'],
});

export const purposeLookup = fromLabels(consentPurposeLabels, {
  personalData: [
    'пдн',
    'персональные данные',
    'обработка персональных данных',
    'обработка пдн',
    'на обработку персональных данных',
  ],
  mentorDuties: ['обязанности наставника', 'дополнительные обязанности', 'наставническая деятельность'],
  participation: ['участие', 'участие в программе', 'участие в программе наставничества'],
  publication: ['публикация', 'размещение на сайте', 'публикация на сайте'],
});

export const givenByLookup = new Lookup([
  {
    id: 'self',
    label: 'лично',
    variants: ['сам', 'сама', 'участник', 'лично участником', 'самостоятельно', 'совершеннолетний'],
  },
  {
    id: 'parent',
    label: 'родитель (законный представитель)',
    variants: ['родитель', 'родители', 'законный представитель', 'мать', 'отец', 'мама', 'папа'],
  },
  { id: 'guardian', label: 'опекун (попечитель)', variants: ['опекун', 'попечитель', 'опекун попечитель'] },
]);

export const originLookup = new Lookup([
  { id: 'curator', label: 'куратор', variants: ['назначена куратором', 'по решению куратора', 'приказом'] },
  { id: 'matching', label: 'автоматический подбор', variants: ['подбор', 'алгоритм', 'автоподбор'] },
  {
    id: 'mutualChoice',
    label: 'взаимный выбор',
    variants: ['по взаимному выбору', 'выбор', 'анкета предпочтений'],
  },
]);

/** Every lookup a registry needs, with the caller's catalogues where given. */
export interface Lookups {
  readonly competences: Lookup;
  readonly forms: Lookup;
  readonly formats: Lookup;
  readonly menteeGroups: Lookup;
  readonly category: Lookup;
  readonly gender: Lookup;
  readonly priority: Lookup;
  readonly source: Lookup;
  readonly purpose: Lookup;
  readonly givenBy: Lookup;
  readonly origin: Lookup;
}

const shipped = {
  competences: catalogueLookup(competences),
  forms: catalogueLookup(mentorshipForms),
  formats: catalogueLookup(mentorshipFormats),
  menteeGroups: catalogueLookup(menteeGroups),
};

export function lookups(catalogues: RegistryCatalogues | undefined): Lookups {
  return {
    competences: catalogues?.competences ? catalogueLookup(catalogues.competences) : shipped.competences,
    forms: catalogues?.forms ? catalogueLookup(catalogues.forms) : shipped.forms,
    formats: catalogues?.formats ? catalogueLookup(catalogues.formats) : shipped.formats,
    menteeGroups: catalogues?.menteeGroups ? catalogueLookup(catalogues.menteeGroups) : shipped.menteeGroups,
    category: categoryLookup,
    gender: genderLookup,
    priority: priorityLookup,
    source: sourceLookup,
    purpose: purposeLookup,
    givenBy: givenByLookup,
    origin: originLookup,
  };
}
