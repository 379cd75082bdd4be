// The file tree's data for the current view: asks the stack worker for the view (a layer's own
// changes, or the merged filesystem up to it) and wraps it in a FileTreeModel, cached per stacked
// image and view so that going back to a layer is instant.

import { useEffect, useState } from 'react';
import type { ViewMode } from '../../../worker/stack-protocol.ts';
import type { StackedImage } from '../../model/stacked-image.ts';
import { useApp } from '../../store/store.ts';
import { FileTreeModel } from './tree-model.ts';

const cache = new WeakMap<StackedImage, Map<string, FileTreeModel>>();

export function useTreeModel(img: StackedImage | null, mode: ViewMode, layer: number): FileTreeModel | null {
  const key = `${mode}:${layer}`;
  const cached = img ? (cache.get(img)?.get(key) ?? null) : null;
  const [model, setModel] = useState<FileTreeModel | null>(cached);
  useEffect(() => {
    if (!img || layer < 0) {
      setModel(null);
      return;
    }
    let byKey = cache.get(img);
    if (!byKey) cache.set(img, (byKey = new Map()));
    const hit = byKey.get(key);
    if (hit) {
      setModel(hit);
      return;
    }
    let live = true;
    void useApp
      .getState()
      .fileView(mode, layer)
      .then((v) => {
        if (!v || !live) return;
        const m = new FileTreeModel(v, img);
        byKey.set(key, m);
        setModel(m);
      });
    return () => {
      live = false;
    };
  }, [img, mode, layer, key]);
  return model && model.img === img && model.view.mode === mode && model.view.layer === layer ? model : cached;
}
