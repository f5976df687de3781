// The municipal authority's own set (seed 002): one order introducing the model for teachers and
// pupils in all its schools, with the municipal Regulation and the authority's own roadmap (built
// from the 002 template with the demo's dates and people) as annexes; checked with checkDocumentSet.
import { formatName, type Order, type Person } from '@nastavnik/core';
import { seedRoadmaps } from '@nastavnik/core/roadmaps';
import {
  buildMunicipalOrder,
  checkDocumentSet,
  type DocumentSetFinding,
  type NastavnikDocument,
  organizationRoadmap,
} from '@nastavnik/documents';
import type { YearResult } from './year';

/** «Тихвинского муниципального района» from «Комитет по образованию администрации Тихвинского муниципального района». */
export function territoryOf(authorityName: string): string {
  const m = /администрации (.+)$/u.exec(authorityName);
  return m?.[1] ?? authorityName;
}

/** The municipal order (with its annexes) and the findings of the set check on it. */
export function municipalDocuments(year: YearResult): {
  order: Order;
  document: NastavnikDocument;
  findings: DocumentSetFinding[];
} {
  const { sample, dates } = year;
  const authority = sample.authority;
  const curator: Person = sample.municipalCurator;
  // The sample's own order of the authority introducing the model: its number, date and signatory.
  const order = sample.orders.find((o) => o.organizationId === authority.id && o.kind === 'introduceModel');
  if (!order) throw new Error('the sample has no municipal introduction order');
  const territory = territoryOf(authority.name);
  const uo = authority.shortName ?? authority.name;
  const schools = 'образовательные организации';
  const curatorText = `${formatName(curator.name, 'lastFirst')}${curator.position ? `, ${curator.position}` : ''}`;
  const roadmap = organizationRoadmap({
    template: seedRoadmaps.dagestanskieOgni002,
    organization: authority,
    academicYear: dates.academicYear,
    territory,
    approvedBy: { act: `приказ ${uo}`, number: order.number, date: order.date },
    stages: {
      preparation: { from: order.date, to: '2023-08-31', responsible: [uo, schools] },
      menteeBase: { from: dates.programmeStart, to: '2023-09-22', responsible: [schools] },
      mentorBase: { from: dates.programmeStart, to: '2023-09-22', responsible: [schools, curatorText] },
      mentorTraining: { from: '2023-09-11', to: '2023-09-29', responsible: [curatorText, schools] },
      pairFormation: { from: '2023-09-25', to: dates.plansOrder, responsible: [schools] },
      pairWork: { from: dates.programmeFrom, to: dates.programmeTo, responsible: [schools] },
      completion: { from: dates.december, to: dates.may, responsible: [curatorText, uo] },
    },
  });
  const document = buildMunicipalOrder({
    organization: authority,
    order,
    people: [...sample.persons],
    territory,
    schools: sample.schools.map((s) => s.organization),
    municipalCuratorId: curator.id,
    startDate: dates.programmeStart,
    deadlines: {
      schoolActs: '2023-08-31',
      schoolRegulations: '2023-08-31',
      siteSection: '2023-09-08',
      menteeBase: '2023-09-22',
      mentorBase: '2023-09-22',
      monitoring: dates.december,
      analysis: '2024-01-19',
    },
    regulation: { mentorCouncil: true },
    roadmap,
    acquainted: [curator.id],
    acquaintanceDate: order.date,
  });
  const findings = checkDocumentSet({
    roadmap,
    orders: [{ order, appoints: [{ personId: curator.id, role: 'municipalCurator' }] }],
  });
  return { order, document, findings };
}
