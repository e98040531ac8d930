import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';

/** d3-zoom on an <svg>: wheel/drag/pinch, plus buttons for keyboard users. */
export function useZoom(svg: RefObject<SVGSVGElement | null>) {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.3, 12])
      .on('zoom', (e: { transform: ZoomTransform }) => setTransform(e.transform));
    behaviour.current = z;
    select(el).call(z).on('dblclick.zoom', null);
    return () => {
      select(el).on('.zoom', null);
    };
  }, [svg]);
  const by = useCallback(
    (k: number) => {
      if (svg.current && behaviour.current) select(svg.current).transition().duration(200).call(behaviour.current.scaleBy, k);
    },
    [svg],
  );
  const reset = useCallback(() => {
    if (svg.current && behaviour.current) select(svg.current).transition().duration(200).call(behaviour.current.transform, zoomIdentity);
  }, [svg]);
  return { transform, zoomIn: () => by(1.4), zoomOut: () => by(1 / 1.4), reset };
}
