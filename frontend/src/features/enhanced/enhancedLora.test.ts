import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../app/apiTypes';
import { startableSessions } from './EnhancedLoraCard';

const session = (over: Partial<SessionSummary>): SessionSummary => ({
  id: 'r', kind: 'sft', name: 'n', model_name: null, model_path: '/m', adapter_name: 'a', state: 'completed',
  error: null, updated_at: 0, best_step: null, has_best: false, method: null, created_at: 0, steps_completed: 1, total_steps: 1, final_train_loss: null, final_val_loss: null, best_val_loss: null,
  readiness: 'ready', legacy: false, lora: { rank: 8, alpha: 16, dropout: 0, num_layers: -1, scale: 2 }, ...over,
});

describe('sessions an Enhanced run can start from', () => {
  it('keeps finished adapters on the same model only', () => {
    const list = [
      session({ id: 'ok' }),
      session({ id: 'other-model', model_path: '/other' }),
      session({ id: 'running', readiness: 'running' }),
      session({ id: 'no-files', readiness: 'missing_files' }),
      session({ id: 'stopped', readiness: 'incomplete', state: 'stopped' }),
    ];
    expect(startableSessions(list, '/m').map((s) => s.id)).toEqual(['ok', 'stopped']);
  });
});
