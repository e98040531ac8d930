import type { KeyboardEvent } from 'react';

/**
 * Event props that make an SVG node behave as a button: click, Enter or Space
 * select it; hover and keyboard focus highlight it (shared by rings and map).
 */
export function nodeButtonHandlers(id: string, select: (id: string) => void, setHover: (id: string | null) => void) {
  return {
    onClick: () => select(id),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        select(id);
      }
    },
    onMouseEnter: () => setHover(id),
    onMouseLeave: () => setHover(null),
    onFocus: () => setHover(id),
    onBlur: () => setHover(null),
  };
}
