import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

/** One set of bars: a value of every row, in one colour. */
export type ChartSeries = { key: string; label: string; color: string };

/** One group of bars (a month, a unit, a number of days) and its values by series. */
export type ChartRow = { key: string; label: string; values: Readonly<Partial<Record<string, number | null>>> };

type BarChartFigureProps = {
  /** What the chart is, as its table's caption. */
  title: string;
  /** What the chart shows, in words, as its accessible name. */
  description: string;
  /** What a row is, as the table's first column header. */
  rowHeader: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  /** How a value reads (on the axis, in the tooltip and in the table). */
  format: (value: number | null) => string;
  /** Values are shares (0–1): the axis runs to 100 %. */
  shares?: boolean;
  /** The series stack into one bar per row (parts of a whole). */
  stacked?: boolean;
};

/**
 * A bar chart and, under it, the same numbers as a table: a chart is never the only way to
 * read them. The chart is one image to assistive technology, named by `description`; the
 * table holds what it shows.
 */
export function BarChartFigure({ title, description, rowHeader, series, rows, format, shares = false, stacked = false }: BarChartFigureProps) {
  const { t } = useTranslation();
  if (rows.length === 0) {
    return <p className="status">{t('stats.noData')}</p>;
  }
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  return (
    <div className="chart">
      <div className="chart__plot" role="img" aria-label={description}>
        {/* The chart's own keyboard layer is off: inside an image it would be a trap, and the table says the same. */}
        <BarChart responsive accessibilityLayer={false} data={data} style={{ width: '100%', height: '100%' }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis
            allowDecimals={false}
            domain={shares ? [0, 1] : undefined}
            ticks={shares ? [0, 0.25, 0.5, 0.75, 1] : undefined}
            tickFormatter={(value: number) => format(value)}
            width="auto"
          />
          <Tooltip formatter={(value) => format(typeof value === 'number' ? value : null)} />
          {series.length > 1 && <Legend formatter={(value: string) => <span className="chart__legend">{value}</span>} />}
          {series.map((item) => (
            <Bar
              key={item.key}
              dataKey={item.key}
              name={item.label}
              fill={item.color}
              stackId={stacked ? 'all' : undefined}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </div>
      <details className="chart__table">
        <summary>{t('stats.chart.showTable')}</summary>
        <div className="table-wrap">
          <table className="table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                {series.map((item) => (
                  <th key={item.key} scope="col">
                    {item.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {series.map((item) => (
                    <td key={item.key} className="table__number">
                      {format(row.values[item.key] ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
