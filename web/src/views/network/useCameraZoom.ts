// Zoom buttons that compound: a click during the previous click's animation
// zooms from where that animation is going, not from the ratio it has reached
// so far (two quick "zoom in" clicks always end at ratio / 1.5²).
import { useRef, type RefObject } from 'react';
import type Sigma from 'sigma';

export const ZOOM_DURATION = 250;

export function useCameraZoom(rendererRef: RefObject<Sigma<any, any> | null>): (factor: number) => void {
  const target = useRef<number | null>(null);
  return (factor: number) => {
    const camera = rendererRef.current?.getCamera();
    if (!camera) return;
    const from = camera.isAnimated() && target.current !== null ? target.current : camera.getState().ratio;
    const ratio = Math.min(camera.maxRatio ?? Infinity, Math.max(camera.minRatio ?? 0, from / factor));
    target.current = ratio;
    void camera.animate({ ratio }, { duration: ZOOM_DURATION }).then(() => {
      if (target.current === ratio) target.current = null;
    });
  };
}
