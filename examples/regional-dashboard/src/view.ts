import type { DashboardData, DashboardOrg, DashboardValue } from './data';
import { SHOWN } from './data';

/** Escape text for HTML. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const nf1 = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const nf0 = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });

/** A value as the page prints it: «64,3 %», «8,2», «< 5» for suppressed cells, «—» for none. */
export function formatValue(v: DashboardValue | undefined, unit: string): string {
  if (!v) return '—';
  if (v.suppressed || v.value === null) return '< 5';
  if (unit === 'percent') return `${nf1.format(v.value)}\u00a0%`;
  if (unit === 'score' || unit === 'ratio' || unit === 'days') return nf1.format(v.value);
  return nf0.format(v.value);
}

export interface Index {
  orgs: Map<string, DashboardOrg>;
  children: Map<string, DashboardOrg[]>;
  values: Map<string, DashboardValue>;
  root: DashboardOrg;
}

/** Index the data for lookups by organization, indicator and period. */
export function indexData(data: DashboardData): Index {
  const orgs = new Map(data.organizations.map((o) => [o.id, o]));
  const children = new Map<string, DashboardOrg[]>();
  let root: DashboardOrg | undefined;
  for (const o of data.organizations) {
    if (o.parentId === undefined) root ??= o;
    else {
      const list = children.get(o.parentId) ?? [];
      list.push(o);
      children.set(o.parentId, list);
    }
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  const values = new Map(data.values.map((v) => [`${v.period}|${v.organizationId}|${v.indicatorId}`, v]));
  if (!root) throw new Error('no root organization');
  return { orgs, children, values, root };
}

/** The value of an indicator for an organization in a period. */
export function indicatorAt(
  ix: Index,
  period: string,
  orgId: string,
  indicatorId: string,
): DashboardValue | undefined {
  return ix.values.get(`${period}|${orgId}|${indicatorId}`);
}

/** The path from the root to an organization, for the breadcrumbs. */
export function pathTo(ix: Index, orgId: string): DashboardOrg[] {
  const out: DashboardOrg[] = [];
  let cur = ix.orgs.get(orgId);
  while (cur) {
    out.unshift(cur);
    cur = cur.parentId === undefined ? undefined : ix.orgs.get(cur.parentId);
  }
  return out;
}

/** A table row of a child organization. */
export interface ChildRow {
  org: DashboardOrg;
  coverage: string;
  belowTarget: boolean;
  menteeSatisfaction: string;
  mentorSatisfaction: string;
  pairs: string;
  overdue: string;
  drillable: boolean;
}

/** Rows for the children of the selected organization. */
export function childRows(data: DashboardData, ix: Index, period: string, orgId: string): ChildRow[] {
  const unit = (id: string) => data.indicators.find((i) => i.id === id)?.unit ?? 'count';
  const target = data.indicators.find((i) => i.id === SHOWN.coverage)?.target;
  return (ix.children.get(orgId) ?? []).map((org) => {
    // An authority's own roadmap has activities only: no pupils, pairs or surveys.
    const own = org.kind === 'own';
    const cov = own ? undefined : indicatorAt(ix, period, org.id, SHOWN.coverage);
    const at = (id: string) => (own ? undefined : indicatorAt(ix, period, org.id, id));
    return {
      org,
      coverage: formatValue(cov, unit(SHOWN.coverage)),
      belowTarget:
        target !== undefined && cov?.value !== null && cov?.value !== undefined && cov.value < target,
      menteeSatisfaction: formatValue(at(SHOWN.satisfactionMentees), 'score'),
      mentorSatisfaction: formatValue(at(SHOWN.satisfactionMentors), 'score'),
      pairs: formatValue(at(SHOWN.pairs), unit(SHOWN.pairs)),
      overdue: formatValue(indicatorAt(ix, period, org.id, SHOWN.overdue), unit(SHOWN.overdue)),
      drillable: (ix.children.get(org.id) ?? []).length > 0,
    };
  });
}
