import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the dashboard draws, so the bundle carries no more of ECharts than that.
echarts.use([BarChart, CustomChart, LineChart, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
export type ChartClick = { dataIndex: number; seriesIndex?: number; data?: unknown; value?: unknown };

/**
 * An ECharts chart that follows its box's size. A new `option` is merged into the chart, so what the user zoomed or
 * panned stays as it was while live data comes in; series listed in `replace` are swapped whole.
 */
export function Chart({
  option,
  onClick,
  height = 280,
  testId,
  replace = ['series', 'yAxis'],
}: {
  option: ChartOption;
  onClick?: (event: ChartClick) => void;
  height?: number | string;
  testId?: string;
  replace?: string[];
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (event) => click.current?.(event as unknown as ChartClick));
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    resize?.observe(element);
    return () => {
      resize?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { replaceMerge: replace, lazyUpdate: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [option]);

  return <div ref={box} className="chart" style={{ height, width: '100%' }} data-testid={testId} />;
}
