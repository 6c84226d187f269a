import { useEffect, useRef } from 'react';
import type { ModelInfo } from '../../app/apiTypes';
import { useGetModelsQuery } from '../setup/api';

/** The model a form starts with when none is chosen yet: the catalog's only usable model, if it has just one. */
export function onlyUsableModel(models: readonly ModelInfo[] | undefined): ModelInfo | undefined {
  const usable = (models ?? []).filter((m) => m.error === null);
  return usable.length === 1 ? usable[0] : undefined;
}

/** Picks the only model for a form whose draft has none, once (a model the user then clears stays cleared). */
export function usePreselectOnlyModel(hasDraft: boolean, modelPath: string | undefined, pick: (m: ModelInfo) => void): void {
  const { data: models } = useGetModelsQuery();
  const only = onlyUsableModel(models);
  const decided = useRef(false);
  useEffect(() => {
    if (decided.current || !hasDraft || !models) return;
    decided.current = true;
    if (!modelPath && only) pick(only);
  }, [hasDraft, modelPath, models, only]); // eslint-disable-line react-hooks/exhaustive-deps
}
