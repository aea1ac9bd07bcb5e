import { renderPanelChart } from "@vigil/core/plot";
import type { PrPoint } from "../evaluate/pr-curve.ts";

/** Figure 3: the PR curve of the beam threshold, its best-F1 point and the random classifier. */
export function prCurveSvg(
  points: readonly PrPoint[],
  best: PrPoint,
  positiveFraction: number,
  title: string,
): string {
  return renderPanelChart({
    title,
    width: 640,
    panelHeight: 400,
    x: { kind: "linear", label: "recall", domain: [0, 1] },
    panels: [
      {
        title: `best F1 ${best.f1.toFixed(3)} at τ = ${best.threshold.toFixed(3)}`,
        yLabel: "precision",
        yDomain: [0, 1.05],
        lines: [
          {
            name: "beam corroboration",
            x: points.map((p) => p.recall),
            y: points.map((p) => p.precision),
            color: "#c0392b",
          },
          {
            name: "random classifier",
            x: [0, 1],
            y: [positiveFraction, positiveFraction],
            color: "#555",
            dashed: true,
          },
          { name: "best F1", x: [best.recall], y: [best.precision], color: "#000", markers: true },
        ],
      },
    ],
  });
}
