/** A label candidate: anchor point, side, text and priority (higher first). */
export interface LabelCandidate {
  id: string;
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  text: string;
  priority: number;
  /** Always shown (selection, hover), still reserving its space. */
  force?: boolean;
}

/**
 * Greedy label placement: by priority, keep a label when its estimated box
 * does not overlap one already kept. Enough to stop labels piling up on the
 * small graphs these SVG views are for.
 */
export function visibleLabels(candidates: LabelCandidate[], fontSize: number): Set<string> {
  const kept: Array<[number, number, number, number]> = [];
  const out = new Set<string>();
  const ordered = [...candidates].sort((a, b) => Number(b.force ?? false) - Number(a.force ?? false) || b.priority - a.priority);
  for (const c of ordered) {
    const w = c.text.length * fontSize * 0.56;
    const h = fontSize * 1.2;
    const x0 = c.anchor === 'start' ? c.x : c.anchor === 'end' ? c.x - w : c.x - w / 2;
    const box: [number, number, number, number] = [x0, c.y - h / 2, x0 + w, c.y + h / 2];
    const clash = kept.some((k) => box[0] < k[2] && box[2] > k[0] && box[1] < k[3] && box[3] > k[1]);
    if (clash && !c.force) continue;
    kept.push(box);
    out.add(c.id);
  }
  return out;
}
