import { renderPanelChart } from "@vigil/core/plot";

/** Figure 7: confirmed anomalies of one station per time bin, stacked by the diagnostic that raised them. */
export function stationHistogramSvg(
  station: string,
  bySource: ReadonlyArray<{ source: string; times: readonly bigint[]; color: string }>,
  originNs: bigint,
  binSeconds: number,
  binName: string,
): string {
  const bin = (t: bigint): number => Math.floor(Number(t - originNs) / 1e9 / binSeconds);
  const bins = Math.max(1, ...bySource.flatMap((s) => s.times.map((t) => bin(t) + 1)));
  return renderPanelChart({
    panelHeight: 260,
    x: { kind: "linear", label: `${binName}s since start` },
    panels: [
      {
        title: `${station}: confirmed anomalies per ${binName}`,
        yLabel: "anomalies",
        bars: bySource.map((s) => {
          const height = new Float64Array(bins);
          for (const t of s.times) height[bin(t)]! += 1;
          return {
            name: s.source,
            x: Array.from({ length: bins }, (_, i) => i),
            height,
            width: 1,
            color: s.color,
          };
        }),
      },
    ],
  });
}
