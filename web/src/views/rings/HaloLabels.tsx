import type { LabelCandidate } from './labels.ts';

/** The placed labels of an SVG view, drawn with a white halo so they stay readable over links. */
export function HaloLabels({ labels, fontSize, selection }: { labels: LabelCandidate[]; fontSize: number; selection?: string | null }) {
  return (
    <g aria-hidden="true" pointerEvents="none" fontSize={fontSize}>
      {labels.map((c) => (
        <text
          key={c.id}
          x={c.x}
          y={c.y}
          dy="0.35em"
          textAnchor={c.anchor}
          fill="#1f2933"
          stroke="#ffffff"
          strokeWidth={3}
          paintOrder="stroke"
          fontWeight={selection === c.id ? 700 : 400}
        >
          {c.text}
        </text>
      ))}
    </g>
  );
}
