import type { TextRow } from '../utils/editor-state';
import { withKey } from '../utils/rows';
import type { EditorParts } from './editor-context';
import { EditorField } from './editor-field';
import { ListEditor } from './list-editor';

const newLine = (): TextRow => withKey({ value: '' });

type TextListEditorProps = {
  parts: EditorParts;
  path: string;
  legend: string;
  hint?: string;
  items: readonly TextRow[];
  onChange: (items: TextRow[]) => void;
};

/** A list of short texts (tags, online activities, authors): one input per item. */
export function TextListEditor({ parts, path, legend, hint, items, onChange }: TextListEditorProps) {
  const { error, reorder, label } = parts;
  return (
    <ListEditor
      path={path}
      legend={legend}
      hint={hint}
      error={error(path)}
      items={items}
      onChange={onChange}
      onReorder={reorder}
      newItem={newLine}
      renderItem={(line, update, at) => (
        <EditorField
          path={at}
          label={label(at)}
          value={line.value}
          error={error(at)}
          onChange={(value) => {
            update({ ...line, value });
          }}
        />
      )}
    />
  );
}
