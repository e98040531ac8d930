// Editors' tool: edit the node named by params['edit.id'] (set by the side
// panel's Edit action), create a node, or create a relationship.
import { useEffect, useState } from 'react';
import { useT } from '../i18n/index.ts';
import type { GraphNode, ToolProps } from '../state/types.ts';
import { NodeForm } from './NodeForm.tsx';
import { RelationshipForm } from './RelationshipForm.tsx';

type Mode = 'node' | 'relationship';

export function EditTool({ api, state, update, data, refresh, select }: ToolProps) {
  const t = useT();
  const editId = state.params['edit.id'] ?? null;
  const [mode, setMode] = useState<Mode>('node');
  const [node, setNode] = useState<GraphNode | null>(null);
  // Lives here, not in the form: saving a new node remounts the form on the created node.
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    setNode(null);
    if (!editId) return;
    let live = true;
    api.node(editId).then((n) => live && setNode(n)).catch(() => live && setNode(null));
    return () => {
      live = false;
    };
  }, [api, editId]);

  return (
    <div className="edit-tool">
      <div role="group" aria-label={t('edit.what')} className="segmented">
        <button type="button" aria-pressed={mode === 'node'} onClick={() => setMode('node')}>{editId ? t('edit.editNode') : t('edit.newNode')}</button>
        <button type="button" aria-pressed={mode === 'relationship'} onClick={() => setMode('relationship')}>{t('edit.newRelationship')}</button>
      </div>
      {editId && (
        <button type="button" className="link" onClick={() => update({ params: { 'edit.id': '' } })}>{t('edit.startNew')}</button>
      )}
      {notice && <p role="status" className="ok">{notice}</p>}
      {mode === 'node' ? (
        editId && !node ? (
          <p className="muted">{t('common.loading')}</p>
        ) : (
          <NodeForm
            key={node?.id ?? 'new'}
            api={api}
            node={node}
            onSaved={(saved) => {
              setNotice(t('edit.saved'));
              refresh();
              select(saved.id);
              update({ params: { 'edit.id': saved.id } });
            }}
          />
        )
      ) : (
        <RelationshipForm api={api} nodes={data.nodes} from={editId ?? undefined} onSaved={refresh} />
      )}
    </div>
  );
}
