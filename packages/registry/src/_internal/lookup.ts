import type { Catalogue } from '@nastavnik/core';
import { memoLong, normalizeKey } from './text';

/** Russian labels and spelling variants → a stable id. */
export class Lookup {
  private readonly map = new Map<string, string>();
  /** Label used when exporting an id. */
  private readonly labels = new Map<string, string>();
  readonly ids: readonly string[];

  constructor(entries: ReadonlyArray<{ id: string; label: string; variants?: readonly string[] }>) {
    for (const e of entries) {
      this.labels.set(e.id, e.label);
      for (const v of [e.id, e.label, ...(e.variants ?? [])]) this.add(v, e.id);
      // «виртуальное (дистанционное)» is also written «виртуальное» or «дистанционное».
      const outside = e.label.replace(/\([^)]*\)/g, ' ');
      if (outside !== e.label) this.add(outside, e.id);
      for (const inside of e.label.matchAll(/\(([^)]*)\)/g)) {
        const text = (inside[1] ?? '').replace(/[«»"]/g, '');
        if (text.split(' ').length <= 2) this.add(text, e.id);
      }
    }
    this.ids = entries.map((e) => e.id);
  }

  /** The most commas in a known value: a candidate never joins more pieces than that. */
  private maxCommas = 0;

  private add(variant: string, id: string): void {
    const k = normalizeKey(variant);
    if (k !== '' && !this.map.has(k)) this.map.set(k, id);
    this.maxCommas = Math.max(this.maxCommas, variant.split(',').length - 1);
  }

  find(text: string): string | undefined {
    return this.map.get(normalizeKey(text));
  }

  label(id: string): string {
    return this.labels.get(id) ?? id;
  }

  /** All labels in order, for data-validation lists. */
  allLabels(): string[] {
    return this.ids.map((id) => this.label(id));
  }

  /**
   * Several values in one cell: split on «;» and line breaks; a part that is
   * not a known value is split on commas, joining neighbours greedily (labels
   * such as «воспитательная работа, классное руководство» contain commas).
   */
  findList(text: string): { ids: string[]; unknown: string[] } {
    const r = this.listOf(text);
    return { ids: [...r.ids], unknown: [...r.unknown] };
  }

  private readonly listOf = memoLong((text: string): { ids: string[]; unknown: string[] } => {
    const ids: string[] = [];
    const unknown: string[] = [];
    const push = (id: string) => {
      if (!ids.includes(id)) ids.push(id);
    };
    for (const token of text.split(/[;\n\r]+/)) {
      if (token.trim() === '') continue;
      const whole = this.find(token);
      if (whole) {
        push(whole);
        continue;
      }
      const pieces = token.split(',');
      let i = 0;
      while (i < pieces.length) {
        let matched = false;
        for (let j = Math.min(pieces.length, i + this.maxCommas + 1); j > i; j--) {
          const candidate = pieces.slice(i, j).join(',');
          const id = this.find(candidate);
          if (id) {
            push(id);
            i = j;
            matched = true;
            break;
          }
        }
        if (!matched) {
          const piece = (pieces[i] ?? '').trim();
          if (piece !== '') unknown.push(piece);
          i++;
        }
      }
    }
    return { ids, unknown };
  });
}

/** Extra spellings schools use for the shipped catalogues. */
const CATALOGUE_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  traditional: ['традиционная', 'один на один', 'индивидуальное', 'индивидуальная'],
  group: ['групповое', 'групповая', 'в группе'],
  virtual: ['дистанционная', 'онлайн', 'виртуальная'],
  shortTerm: ['краткосрочная'],
  reverse: ['реверсивная', 'обратное'],
  situational: ['ситуационная'],
  speed: ['скоростная'],
  primarySchool: [
    '1-4 классы',
    '1–4 классы',
    'начальная школа',
    'младшие школьники',
    'обучающиеся 1-4 классов',
  ],
  middleSchool: ['5-9 классы', '5–9 классы', 'основная школа', 'обучающиеся 5-9 классов'],
  highSchool: [
    '10-11 классы',
    '10–11 классы',
    'старшая школа',
    'старшеклассники',
    'обучающиеся 10-11 классов',
  ],
  youngSpecialist: ['молодой специалист', 'молодые педагоги', 'молодой педагог'],
  newTeacher: ['вновь принятый педагог', 'новые педагоги', 'новый педагог', 'вновь прибывшие педагоги'],
  teacher: ['педагог', 'учителя'],
  student: ['студент'],
  pupilPupil: ['ученик ученик', 'обучающийся обучающийся'],
  teacherTeacher: ['учитель учитель'],
  studentPupil: ['студент ученик'],
  employerPupil: ['работодатель ученик'],
  employerStudent: ['работодатель студент'],
  educatorEducator: ['педагог педагог'],
  headEducator: [
    'руководитель педагог',
    'руководитель оо педагог',
    'руководитель образовательной организации педагог',
  ],
};

/** A lookup over a catalogue: ids, Russian and English labels, and known variants. */
export function catalogueLookup(catalogue: Catalogue): Lookup {
  return new Lookup(
    catalogue.entries.map((e) => ({
      id: e.id,
      label: e.label.ru,
      variants: [e.label.en, ...(CATALOGUE_VARIANTS[e.id] ?? [])],
    })),
  );
}
