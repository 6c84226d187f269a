/**
 * Shapes of /model/test* (inference) and /evaluation/*: aliases of the types generated from the
 * backend's schema (backend/schemas/inference.py). Only the form's own types are written here.
 */
import type { components } from '../../app/generated/openapi';

type Schemas = components['schemas'];

export type Checkpoint = NonNullable<Schemas['TestRequest']['checkpoint']>;
export type Side = 'base' | 'adapter';

export interface GenerationSettings {
  max_tokens: number;
  temperature: number;
  top_p: number;
  checkpoint: Checkpoint;
  system: string;
  /** auto: the session's default (raw when it trained on plain text rows); chat: the chat template; raw: none. */
  prompt_mode: PromptMode;
}

export type PromptMode = 'auto' | 'chat' | 'raw';

export type TestRequest = Schemas['TestRequest'];
export type InferenceModelInfo = Schemas['ModelInfo'];
/** The `done` event of a stream (and the body of the non-streaming endpoints). */
export type TestResponse = Schemas['TestResponse'];

export type EvaluationState = Schemas['EvaluationStatus']['state'];
export type SideAggregate = Schemas['SideAggregate'];
export type SideSample = Schemas['SideScores'];
export type EvaluationSample = Schemas['EvaluationSample'];
export type EvaluationResult = Schemas['EvaluationResult'];
export type EvaluationStatus = Schemas['EvaluationStatus'];
export type EvaluationRequest = Schemas['EvaluationRequest'];
export type EvaluationStarted = Schemas['EvaluationStarted'];

export const isTerminal = (s: EvaluationState | undefined) => s === 'completed' || s === 'failed';
