import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { TableWrap } from '@/components/table-wrap';

/** One set of bars: a value of every row, in one colour. */
type ChartSeries = { key: string; label: string; color: string };

/** One group of bars (a month, a unit, a number of days) and its values by series. */
type ChartRow = { key: string; label: string; values: Readonly<Partial<Record<string, number | null>>> };

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
  /** Bars run across, one row under another: for rows with long names (units). */
  across?: boolean;
};

/** The height of a chart whose bars run across: a band per row, and room for the axis and legend. */
function acrossHeight(rows: number, series: number): string {
  return `${String(rows * (series * 1.5 + 1) + 5)}rem`;
}

/**
 * A bar chart and, under it, the same numbers as a table: a chart is never the only way to
 * read them. The chart is one image to assistive technology, named by `description`; the
 * table holds what it shows.
 */
export function BarChartFigure(props: BarChartFigureProps) {
  const { title, description, rowHeader, series, rows, format, shares = false, stacked = false, across = false } = props;
  const { t } = useTranslation();
  if (rows.length === 0) {
    return <p className="status">{t('stats.noData')}</p>;
  }
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  const valueAxis = {
    type: 'number' as const,
    allowDecimals: false,
    domain: shares ? [0, 1] : undefined,
    ticks: shares ? [0, 0.25, 0.5, 0.75, 1] : undefined,
    tickFormatter: (value: number) => format(value),
  };
  return (
    <div className="chart">
      <div
        className="chart__plot"
        role="img"
        aria-label={description}
        style={across ? { height: acrossHeight(rows.length, series.length) } : undefined}
      >
        {/* The chart's own keyboard layer is off: inside an image it would be a trap, and the table says the same. */}
        <BarChart
          responsive
          accessibilityLayer={false}
          data={data}
          layout={across ? 'vertical' : 'horizontal'}
          style={{ width: '100%', height: '100%' }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={!across} vertical={across} />
          {across ? (
            <>
              <XAxis {...valueAxis} />
              <YAxis type="category" dataKey="label" width="auto" />
            </>
          ) : (
            <>
              <XAxis type="category" dataKey="label" />
              <YAxis {...valueAxis} width="auto" />
            </>
          )}
          {/* The tooltip and the legend keep the series' order (the workflow's, for statuses), not the alphabet's. */}
          <Tooltip
            formatter={(value) => format(typeof value === 'number' ? value : null)}
            itemSorter={(item) => series.findIndex((candidate) => candidate.key === item.dataKey)}
          />
          {series.length > 1 && <Legend itemSorter={null} formatter={(value: string) => <span className="chart__legend">{value}</span>} />}
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
        <TableWrap label={title}>
          <table className="table stats-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                {series.map((item) => (
                  <th key={item.key} scope="col" className="table__value">
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
        </TableWrap>
      </details>
    </div>
  );
}
