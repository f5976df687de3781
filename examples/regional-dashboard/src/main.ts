import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type DashboardData, DashboardDataSchema, SHOWN } from './data';
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

function renderCharts(data: DashboardData, ix: Index) {
  const kids = ix.children.get(state.orgId) ?? [];
  const target = data.indicators.find((i) => i.id === SHOWN.coverage)?.target ?? 70;
  charts.coverage ??= echarts.init(el('coverage-chart'), undefined, { renderer: 'svg' });
  charts.coverage.setOption(
    {
      animation: false,
      grid: { left: 48, right: 72, top: 16, bottom: 80 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: kids.map((k) => k.name), axisLabel: { rotate: 30, fontSize: 10 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        {
          type: 'bar',
          name: 'Охват, %',
          data: kids.map((k) => {
            const v = indicatorAt(ix, state.period, k.id, SHOWN.coverage);
            return v?.value == null ? null : Math.round(v.value * 10) / 10;
          }),
          itemStyle: { color: '#2e75b6' },
          markLine: {
            symbol: 'none',
            label: { formatter: `цель ${target} %` },
            lineStyle: { color: '#b3261e', type: 'dashed' },
            data: [{ yAxis: target }],
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
      grid: { left: 170, right: 24, top: 16, bottom: 24 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: forms.map((f) => f.form), axisLabel: { fontSize: 10 } },
      series: [
        { type: 'bar', name: 'Пары', data: forms.map((f) => f.count), itemStyle: { color: '#548235' } },
      ],
    },
    true,
  );
}

function render() {
  const { data, ix } = state;
  if (!data || !ix) return;
  renderCrumbs(ix);
  renderCards(data, ix);
  renderCharts(data, ix);
  renderTable(data, ix);
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
