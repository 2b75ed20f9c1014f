// The report's charts, drawn once ECharts has loaded (on this page only). Each chart has a fixed
// size that fits an A4 page's width, so the printed report shows what the screen showed.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Report } from '../../common/contract/reports.ts';
import { reportCharts, type ChartSpec } from './report-charts-spec.ts';

const WIDTH = 580;
const HEIGHT = 300;

function Chart({ spec }: { spec: ChartSpec }) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let chart: { setOption(o: object): void; dispose(): void } | undefined;
    let gone = false;
    // Labels are measured in the page's own font (once its glyphs are in), or long ones get cut.
    Promise.all([import('./echarts-setup.ts'), document.fonts.ready]).then(
      ([{ init }]) => {
        if (gone || !box.current) return;
        chart = init(box.current, null, { renderer: 'svg', width: WIDTH, height: HEIGHT, locale: 'ZH' });
        chart.setOption({ textStyle: { fontFamily: getComputedStyle(box.current).fontFamily }, ...spec.option });
      },
      () => setFailed(true),
    );
    return () => {
      gone = true;
      chart?.dispose();
    };
  }, [spec]);
  return (
    <figure class="report-chart" data-chart={spec.id}>
      <figcaption>{spec.title}</figcaption>
      {failed ? (
        <p class="muted">图表未能加载，请刷新页面；下方表格中有全部数据。</p>
      ) : (
        <div ref={box} role="img" aria-label={`${spec.title}（图表，数据见下方表格）`} style={{ width: `${WIDTH}px`, height: `${HEIGHT}px` }} />
      )}
    </figure>
  );
}

export function ReportCharts({ report }: { report: Report }) {
  const specs = reportCharts(report);
  if (specs.length === 0) return null;
  return (
    <div class="report-charts">
      {specs.map((spec) => (
        <Chart key={`${report.generatedAt}-${spec.id}`} spec={spec} />
      ))}
    </div>
  );
}
