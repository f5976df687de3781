/**
 * Recipe: publish the year's results on the school and municipal sites
 * without personal data: indicators with small cells suppressed, and a news
 * item that names people only with their consent to publication (003 §8).
 */
import { ConsentSchema, type Person, parse } from '@nastavnik/core';
import { buildPressRelease, byGender, escapeHtml, formatNumber, renderHtml } from '@nastavnik/documents';
import { computeIndicators, type PublishedValue, suppress } from '@nastavnik/indicators';
import { municipalityDataset } from './dataset';

export interface PublishSummary {
  rows: number;
  hiddenRows: number;
  htmlHasNoSmallCounts: boolean;
  namedMentor: boolean;
  unnamedMentee: boolean;
}

// #region cell
/** A published cell: the number, or a dash with the reason it is hidden. */
function cell(v: number | null | 'suppressed', unit: string, note?: string): string {
  if (v === 'suppressed') return `<td title="${escapeHtml(note ?? '')}">—*</td>`;
  if (v === null) return '<td>—</td>';
  return `<td>${escapeHtml(unit === 'percent' ? `${v.toFixed(1).replace('.', ',')} %` : formatNumber(v))}</td>`;
}
// #endregion cell

export function main(): PublishSummary {
  const { municipality, dataset } = municipalityDataset(1);

  // #region indicators
  // 1. Results only after the programme is completed (003 §8.2): the May checkpoint.
  const results = computeIndicators(dataset, {
    asOf: '2024-05-31',
    period: { kind: 'academicYear', year: '2023-2024' },
  });
  // 2. Suppress before anything leaves the system. Never publish `results.values` directly.
  // `results` carries the definitions that made the values: suppression checks their relations.
  const published: PublishedValue[] = suppress(results, { threshold: 5 });
  // #endregion indicators

  // #region table
  // 3. The table for the municipal site: every school and the municipality.
  const wanted = ['process.pairs', 'process.programmesCompleted', 'process.programmesTerminated'];
  const orgs = [...municipality.schools.map((s) => s.organization), municipality.authority];
  const rows = orgs.map((org) => {
    const cells = wanted.map((id) => {
      const v = published.find((p) => p.indicatorId === id && p.organizationId === org.id && !p.breakdown);
      return v ? cell(v.value, v.unit, v.suppression?.note.ru) : '<td>—</td>';
    });
    return `<tr><th>${escapeHtml(org.name)}</th>${cells.join('')}</tr>`;
  });
  const table = [
    '<table><thead><tr><th>Организация</th><th>Пары и группы</th>',
    '<th>Программы выполнены полностью</th><th>Завершены досрочно</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    '<p>* Скрыто: малое число, по которому можно узнать участников.</p>',
  ].join('\n');
  // #endregion table

  // #region news
  // 4. The news item: a person is named only with a publication consent valid
  //    on the date (a parent's for a minor); otherwise only the role is said.
  const school = municipality.schools[0]!;
  const mentor: Person = school.persons.find((p) => p.id === school.mentorProfiles[0]!.personId)!;
  const mentee: Person = school.persons.find((p) => p.id === school.menteeProfiles[0]!.personId)!;
  const publicationConsent = parse(ConsentSchema, {
    id: 'c-pub-1',
    personId: mentor.id,
    purpose: 'publication',
    givenBy: 'self',
    givenAt: '2024-05-20',
  });
  const news = buildPressRelease({
    organization: school.organization,
    date: '2024-05-25',
    headline: 'Итоги года наставничества',
    lead: 'В школе завершился учебный год целевой модели наставничества.',
    mentions: [
      {
        personId: mentor.id,
        role: 'mentor',
        text: `${byGender(mentor.gender, { female: 'провела', male: 'провёл', neutral: 'провёл(а)' })} открытый урок`,
      },
      {
        personId: mentee.id,
        role: 'mentee',
        text: `${byGender(mentee.gender, { female: 'выступила', male: 'выступил', neutral: 'выступил(а)' })} на конференции`,
      },
    ],
    people: [mentor, mentee],
    consents: [...school.consents, publicationConsent],
  });
  const newsHtml = renderHtml(news);
  // #endregion news

  const hiddenRows = rows.filter((r) => r.includes('—*')).length;
  const numbers = [...table.matchAll(/<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
  console.log(`Строк: ${rows.length}, со скрытыми ячейками: ${hiddenRows}`);
  return {
    rows: rows.length,
    hiddenRows,
    htmlHasNoSmallCounts: numbers.every((n) => n === 0 || n >= 5),
    namedMentor: newsHtml.includes(mentor.name.lastName),
    unnamedMentee: !newsHtml.includes(mentee.name.lastName),
  };
}
