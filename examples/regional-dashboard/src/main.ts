import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { COUNTED, type DashboardData, DashboardDataSchema, SHOWN } from './data';
import { childRows, esc, formatValue, type Index, indexData, indicatorAt, pathTo } from './view';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

const state: { data?: DashboardData; ix?: Index; period: string; orgId: string } = { period: '', orgId: '' };

function el<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} missing`);
  return e as T;
}

const kindTitle: Record<string, string> = {
  region: 'Муниципалитеты',
  authority: 'Образовательные организации',
  school: '',
  own: '',
};

function renderCards(data: DashboardData, ix: Index) {
  const card = (id: string, label: string, cls = '') => {
    const def = data.indicators.find((i) => i.id === id);
    const v = indicatorAt(ix, state.period, state.orgId, id);
    const sub =
      v && !v.suppressed && v.numerator !== null && v.denominator !== null && def?.unit === 'percent'
        ? `${v.numerator} из ${v.denominator}${def.target !== undefined ? ` · цель ${def.target}\u00a0%` : ''}`
        : '';
    return `<div class="card ${cls}" data-indicator="${esc(id)}"><div class="label">${esc(label)}</div><div class="value">${esc(
      formatValue(v, def?.unit ?? 'count'),
    )}</div><div class="sub">${esc(sub)}</div></div>`;
  };
  const cov = indicatorAt(ix, state.period, state.orgId, SHOWN.coverage);
  const target = data.indicators.find((i) => i.id === SHOWN.coverage)?.target;
  const covCls = cov?.value != null && target !== undefined ? (cov.value >= target ? 'good' : 'bad') : '';
  el('cards').innerHTML = [
    card(SHOWN.coverage, 'Охват обучающихся (наставляемые)', covCls),
    card(SHOWN.satisfactionMentees, 'Удовлетворённость наставляемых (1–10)'),
    card(SHOWN.satisfactionMentors, 'Удовлетворённость наставников (1–10)'),
    card(SHOWN.pairs, 'Действующие пары и группы'),
    card(SHOWN.overdue, 'Просроченные мероприятия дорожных карт', 'bad'),
  ].join('');
}

function renderCrumbs(ix: Index) {
  const path = pathTo(ix, state.orgId);
  el('crumbs').innerHTML = path
    .map((o, i) =>
      i === path.length - 1
        ? `<strong>${esc(o.name)}</strong>`
        : `<button type="button" data-org="${esc(o.id)}">${esc(o.name)}</button><span class="sep">›</span>`,
    )
    .join('');
}

function renderTable(data: DashboardData, ix: Index) {
  const org = ix.orgs.get(state.orgId);
  const rows = childRows(data, ix, state.period, state.orgId);
  el('children-title').textContent = kindTitle[org?.kind ?? 'school'] || 'Подразделения';
  const head =
    '<thead><tr><th>Организация</th><th>Охват обучающихся</th><th>Удовл. наставляемых</th><th>Удовл. наставников</th><th>Пары</th><th>Просрочено мероприятий</th></tr></thead>';
  const cell = (t: string, extra = '') =>
    `<td class="${t === '< 5' ? 'suppressed' : ''} ${extra}">${esc(t)}</td>`;
  const body = rows
    .map(
      (r) =>
        `<tr class="${r.drillable ? 'drill' : ''}" data-org="${esc(r.org.id)}"><td>${esc(r.org.name)}</td>${cell(
          r.coverage,
          r.belowTarget ? 'below' : '',
        )}${cell(r.menteeSatisfaction)}${cell(r.mentorSatisfaction)}${cell(r.pairs)}${cell(r.overdue)}</tr>`,
    )
    .join('');
  el('children').innerHTML = `${head}<tbody>${body}</tbody>`;
  el('children').parentElement?.toggleAttribute('hidden', rows.length === 0);
}

const charts: { coverage?: echarts.ECharts; forms?: echarts.ECharts } = {};

/** Pixels per bar of the coverage chart: long names get a line of their own, never clipped. */
const BAR_ROW = 34;

function renderCharts(data: DashboardData, ix: Index) {
  // An authority's own roadmap has no pupils: it has no coverage bar.
  const kids = (ix.children.get(state.orgId) ?? []).filter((k) => k.kind !== 'own');
  const target = data.indicators.find((i) => i.id === SHOWN.coverage)?.target ?? 70;
  const box = el('coverage-chart');
  box.style.height = `${Math.max(220, 60 + kids.length * BAR_ROW)}px`;
  charts.coverage ??= echarts.init(box, undefined, { renderer: 'svg' });
  charts.coverage.resize();
  const values = kids.map((k) => indicatorAt(ix, state.period, k.id, SHOWN.coverage));
  charts.coverage.setOption(
    {
      animation: false,
      // Categories on the vertical axis: a municipality's full name fits on the left, the bars
      // keep the width of the chart; containLabel keeps every label inside the box.
      grid: { left: 8, right: 56, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (x: unknown) => (typeof x === 'number' ? `${x.toLocaleString('ru-RU')}\u00a0%` : ''),
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: kids.map((k) => k.name),
        axisLabel: { fontSize: 11, lineHeight: 14, width: 260, overflow: 'break' },
      },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: (x: number) => `${x}\u00a0%` } },
      series: [
        {
          type: 'bar',
          name: 'Охват, %',
          barMaxWidth: 22,
          data: values.map((v) =>
            v?.suppressed
              ? // A suppressed cell keeps its place: a hatched stub and its reason, never an empty gap.
                {
                  value: 100,
                  itemStyle: {
                    color: 'rgba(120, 120, 120, 0.12)',
                    borderColor: '#9aa3ad',
                    borderType: 'dashed',
                  },
                  label: { show: true, position: 'insideLeft', formatter: 'скрыто: < 5', color: '#555' },
                  tooltip: { valueFormatter: () => 'скрыто (меньше пяти обучающихся)' },
                  suppressed: true,
                }
              : v?.value == null
                ? null
                : {
                    value: Math.round(v.value * 10) / 10,
                    label: { show: true, position: 'right', formatter: '{c} %' },
                  },
          ),
          itemStyle: { color: '#2e75b6' },
          markLine: {
            symbol: 'none',
            label: { formatter: `цель ${target}\u00a0%`, position: 'insideEndTop', color: '#b3261e' },
            lineStyle: { color: '#b3261e', type: 'dashed' },
            data: [{ xAxis: target }],
          },
        },
      ],
    },
    true,
  );
  const forms = data.formBreakdown.filter(
    (f) => f.period === state.period && f.organizationId === state.orgId,
  );
  charts.forms ??= echarts.init(el('forms-chart'), undefined, { renderer: 'svg' });
  charts.forms.setOption(
    {
      animation: false,
      grid: { left: 8, right: 48, top: 16, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: forms.map((f) => f.form), axisLabel: { fontSize: 10 } },
      series: [
        {
          type: 'bar',
          name: 'Пары',
          data: forms.map((f) =>
            f.suppressed
              ? {
                  value: 0,
                  label: { show: true, position: 'right', formatter: 'скрыто: < 5', color: '#555' },
                }
              : f.count,
          ),
          itemStyle: { color: '#548235' },
        },
      ],
    },
    true,
  );
}

/** The footnote says what a hidden cell counts, for the indicators hidden on this view. */
function renderNote(data: DashboardData, ix: Index) {
  const shownOrgs = [state.orgId, ...(ix.children.get(state.orgId) ?? []).map((k) => k.id)];
  const hidden = new Set(
    data.values
      .filter((v) => v.period === state.period && v.suppressed && shownOrgs.includes(v.organizationId))
      .map((v) => v.indicatorId),
  );
  const what = [...hidden].map((id) => COUNTED[id] ?? 'наблюдений');
  el('note').textContent =
    what.length === 0
      ? 'Доли считаются как сумма числителей к сумме знаменателей.'
      : `«< 5» — значение скрыто: в его основе меньше пяти ${[...new Set(what)].join(', ')} ` +
        '(и ещё одно значение в строке или столбце скрыто, чтобы скрытое нельзя было вычислить по итогам). ' +
        'Доли считаются как сумма числителей к сумме знаменателей.';
}

function render() {
  const { data, ix } = state;
  if (!data || !ix) return;
  renderCrumbs(ix);
  renderCards(data, ix);
  renderCharts(data, ix);
  renderTable(data, ix);
  renderNote(data, ix);
  document.body.dataset.org = state.orgId;
  document.body.dataset.period = state.period;
}

async function start() {
  const res = await fetch('./data/dashboard.json');
  const parsed = DashboardDataSchema.safeParse(await res.json());
  if (!parsed.success) {
    el('cards').textContent = 'Файл данных повреждён.';
    return;
  }
  const data = parsed.data;
  const ix = indexData(data);
  Object.assign(state, { data, ix, orgId: ix.root.id, period: data.periods.at(-1)?.id ?? '' });
  el('title').textContent = data.title;
  const select = el<HTMLSelectElement>('period');
  select.innerHTML = data.periods
    .map((p) => `<option value="${esc(p.id)}">${esc(p.label)}</option>`)
    .join('');
  select.value = state.period;
  select.addEventListener('change', () => {
    state.period = select.value;
    render();
  });
  document.addEventListener('click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-org]');
    const id = target?.dataset.org;
    if (!id || !(target?.tagName === 'BUTTON' || target?.classList.contains('drill'))) return;
    state.orgId = id;
    render();
  });
  render();
  document.body.dataset.ready = 'true';
}

void start();
