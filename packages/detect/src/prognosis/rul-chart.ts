import { renderPanelChart } from "@vigil/core/plot";

export interface RulChartLine {
  readonly name: string;
  /** One value per test unit, in the order of `actual`. */
  readonly values: ArrayLike<number>;
  readonly color: string;
}

/**
 * Predicted against true RUL per test unit, units sorted by true RUL so the true line rises
 * monotonically and each method's scatter around it shows its errors.
 */
export function rulChartSvg(
  title: string,
  actual: ArrayLike<number>,
  lines: readonly RulChartLine[],
): string {
  const order = Array.from({ length: actual.length }, (_, i) => i).sort((a, b) => actual[a]! - actual[b]!);
  const x = order.map((_, rank) => rank + 1);
  const pick = (v: ArrayLike<number>) => order.map((i) => v[i]!);
  return renderPanelChart({
    title,
    x: { kind: "linear", label: "test units, sorted by true RUL" },
    panels: [
      {
        title: "RUL at each unit's last cycle (cycles)",
        yLabel: "RUL",
        lines: [
          { name: "true", x, y: pick(actual), color: "#222222" },
          ...lines.map((l) => ({ name: l.name, x, y: pick(l.values), color: l.color, markers: true })),
        ],
      },
    ],
    panelHeight: 320,
  });
}
