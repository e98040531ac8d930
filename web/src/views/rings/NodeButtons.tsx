import { nodeButtonHandlers } from './nodeButton.ts';

/** Buttons listed at most: past this the table view is the accessible list. */
export const MAX_NODE_BUTTONS = 3000;

export interface NodeButton {
  id: string;
  label: string;
}

/**
 * The nodes of a WebGL view as an off-screen list of buttons: Tab reaches
 * them, focus highlights the node in the drawing (as hover does), Enter or
 * Space selects it. Visible only while focused.
 */
export function NodeButtons({ title, className, buttons, select, setHover, selection }: {
  title: string;
  className: string;
  buttons: NodeButton[];
  select(id: string): void;
  setHover(id: string | null): void;
  selection: string | null;
}) {
  return (
    <ul className="node-buttons" aria-label={title}>
      {buttons.slice(0, MAX_NODE_BUTTONS).map((b) => (
        <li key={b.id}>
          <button type="button" className={className} data-id={b.id} aria-label={b.label} aria-pressed={selection === b.id} {...nodeButtonHandlers(b.id, select, setHover)}>
            {b.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
