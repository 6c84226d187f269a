/**
 * Names the SPA uses for the REST API's shapes: aliases of the types generated from the backend's
 * OpenAPI schema (`./generated/openapi.ts`, `npm run gen:api`). Change a shape in the backend's
 * pydantic models, not here; only client-side types (ConfigValue, FieldLimits) are written by hand.
 */
import type { components } from './generated/openapi';

type Schemas = components['schemas'];

export type TrainingStatus = Schemas['TrainingStatus'];
export type RunState = TrainingStatus['state'];
export type RunKind = Schemas['SessionSummary']['kind'];
export type DatasetKind = Schemas['DatasetEntry']['kind'];
export type Readiness = Schemas['SessionSummary']['readiness'];

export type Health = Schemas['Health'];
export type LoraTargets = Schemas['LoraTargets'];
export type ModelInfo = Schemas['ModelEntry'];
export type DatasetInfo = Schemas['DatasetEntry'];
export type DatasetValidation = Schemas['DatasetValidation'];
export type DatasetValidationRequest = Schemas['ValidateRequest'];
/** Target field (prompt, completion or answer, system) -> source column. */
export type DataMapping = NonNullable<Schemas['ValidateRequest']['mapping']>;
export type DatasetRowError = Schemas['DatasetLineError'];
export type RenderedRow = Schemas['RenderedRow'];
export type TokenStats = Schemas['TokenStats'];
export type Quantization = Schemas['Quantization'];
export type ModelFolder = Schemas['ModelFolder'];
export type StallStatus = NonNullable<TrainingStatus['stall']>;

/** The JSON-schema bounds of one config field, as /training/defaults lists them in `limits`. */
export interface FieldLimits {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  minLength?: number;
  enum?: unknown[];
}

export type ConfigValue = string | number | boolean | null | string[] | number[];

/** GET /training/defaults; its maps typed for the form (the schema types them as open objects). */
export type TrainingDefaultsResponse = Omit<Schemas['TrainingDefaults'], 'defaults' | 'ui_overrides' | 'limits'> & {
  defaults: Record<string, ConfigValue>;
  ui_overrides: Record<string, ConfigValue>;
  limits: Record<string, FieldLimits>;
};

export type RunMetrics = Schemas['RunMetrics'];
export type StartResponse = Schemas['StartResponse'];
export type ResumeResponse = Schemas['ResumeResponse'];
export type StopResponse = Schemas['StopResponse'];
export type MethodParameter = Schemas['MethodParameter'];
/** A GRPO-family method; its `defaults` typed as config values for the form. */
export type TrainingMethod = Omit<Schemas['TrainingMethod'], 'defaults'> & { defaults: Record<string, ConfigValue> };
export type RewardFunctionInfo = Schemas['RewardFunctionInfo'];
export type MethodsResponse = Omit<Schemas['MethodsResponse'], 'methods'> & { methods: TrainingMethod[] };
export type LogsResponse = Schemas['LogsResponse'];

export type SessionLora = Schemas['SessionLora'];
export type SessionSummary = Schemas['SessionSummary'];
export type TrainPoint = Schemas['TrainPoint'];
export type ValPoint = Schemas['ValPoint'];
export type SessionDetail = Schemas['SessionDetail'];
export type ImportResponse = Schemas['ImportResult'];
export type ImportedSession = ImportResponse['sessions'][number];

/** Error bodies (backend/schemas/errors.py). */
export type PydanticErrorItem = Schemas['FieldErrorItem'];
export type DatasetErrorDetail = Schemas['DatasetErrorDetail'];
export type ApiErrorBody = Schemas['ErrorDetail'];

/** The run config's Distributed section; every field is present in a form draft. */
export type DistributedSettings = Required<Schemas['DistributedConfig']>;
export type TrainingConfigBody = Schemas['TrainingConfig'];
export type EnhancedTrainingConfigBody = Schemas['EnhancedTrainingConfig'];
export type DistributedRankReport = Schemas['RankReport'];
/** POST /training/distributed/check: a tiny all-reduce on the chosen hosts, per-rank results. */
export type DistributedCheckResult = Schemas['DistributedCheckResult'];
