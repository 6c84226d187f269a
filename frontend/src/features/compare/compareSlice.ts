import { createSlice, nanoid, type PayloadAction } from '@reduxjs/toolkit';
import type { Checkpoint, GenerationSettings, Side, TestResponse } from './types';

/** Client state of the Compare tab: the prompt, settings, the generation in flight and the history. */

export type SideStatus = 'idle' | 'streaming' | 'done' | 'error' | 'stopped';

export interface SideRun {
  text: string;
  status: SideStatus;
  error: string | null;
  tokens: number | null;
  tokensPerSec: number | null;
  /** Whether the server skipped the chat template (set when the answer is done). */
  rawPrompt?: boolean;
}

export interface CurrentRun {
  id: string;
  prompt: string;
  system: string;
  sessionId: string;
  sessionName: string;
  checkpoint: Checkpoint;
  settings: Pick<GenerationSettings, 'max_tokens' | 'temperature' | 'top_p'>;
  startedAt: number;
  base: SideRun;
  adapter: SideRun;
}

export interface HistoryEntry extends Omit<CurrentRun, 'base' | 'adapter'> {
  base: Omit<SideRun, 'status'>;
  adapter: Omit<SideRun, 'status'>;
  /** The user's 1–5 rating of the adapter's answer. */
  rating: number | null;
}

export interface CompareState {
  prompt: string;
  settings: GenerationSettings;
  current: CurrentRun | null;
  history: HistoryEntry[];
  evalSettings: { num_questions: number; max_tokens: number; dataset_path: string };
  /** The evaluation this tab started (shown while its session stays loaded). */
  evaluation: { id: string; sessionId: string } | null;
  /** A failed POST /evaluation/start (4xx detail), shown in the error panel. */
  evalStartError: string | null;
  /** A failed job whose error the user dismissed. */
  dismissedEvalId: string | null;
}

export const HISTORY_LIMIT = 50;
export const STORAGE_KEY = 'lora-studio.compare';
export const DEFAULT_EVAL_SETTINGS = { num_questions: 20, max_tokens: 128, dataset_path: '' };
export const DEFAULT_SETTINGS: GenerationSettings = { max_tokens: 256, temperature: 0.7, top_p: 1, checkpoint: 'final', system: '', prompt_mode: 'auto' };

const emptySide = (status: SideStatus): SideRun => ({ text: '', status, error: null, tokens: null, tokensPerSec: null });
const terminal = (s: SideStatus) => s === 'done' || s === 'error' || s === 'stopped';

/** What survives a reload (localStorage): settings, evaluation settings and the history. */
export function loadPersisted(storage: Pick<Storage, 'getItem'> | null = safeStorage()): Partial<CompareState> {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return {};
    const saved = JSON.parse(raw) as Partial<CompareState>;
    const out: Partial<CompareState> = {};
    if (Array.isArray(saved.history)) out.history = saved.history.filter((h) => h && typeof h.id === 'string' && typeof h.prompt === 'string').slice(0, HISTORY_LIMIT);
    if (saved.settings && typeof saved.settings === 'object') out.settings = { ...DEFAULT_SETTINGS, ...saved.settings };
    if (saved.evalSettings && typeof saved.evalSettings === 'object') out.evalSettings = { ...DEFAULT_EVAL_SETTINGS, ...(saved.evalSettings as object) };
    return out;
  } catch {
    return {};
  }
}

export function persist(state: CompareState, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify({ settings: state.settings, evalSettings: state.evalSettings, history: state.history }));
  } catch {
    /* full or unavailable storage: history lives for this page only */
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function initialCompareState(saved: Partial<CompareState> = {}): CompareState {
  return {
    prompt: '', settings: DEFAULT_SETTINGS, current: null, history: [], evalSettings: DEFAULT_EVAL_SETTINGS,
    evaluation: null, evalStartError: null, dismissedEvalId: null, ...saved,
  };
}

function toHistory(run: CurrentRun): HistoryEntry {
  const strip = ({ status: _s, ...rest }: SideRun) => rest;
  return { ...run, base: strip(run.base), adapter: strip(run.adapter), rating: null };
}

const compareSlice = createSlice({
  name: 'compare',
  initialState: () => initialCompareState(loadPersisted()),
  reducers: {
    promptChanged(state, action: PayloadAction<string>) {
      state.prompt = action.payload;
    },
    settingsChanged(state, action: PayloadAction<Partial<GenerationSettings>>) {
      state.settings = { ...state.settings, ...action.payload };
    },
    evalSettingsChanged(state, action: PayloadAction<Partial<CompareState['evalSettings']>>) {
      state.evalSettings = { ...state.evalSettings, ...action.payload };
    },
    generationStarted: {
      reducer(state, action: PayloadAction<Omit<CurrentRun, 'base' | 'adapter'>>) {
        state.current = { ...action.payload, base: emptySide('streaming'), adapter: emptySide('streaming') };
      },
      prepare(run: Omit<CurrentRun, 'base' | 'adapter' | 'id' | 'startedAt'>) {
        return { payload: { ...run, id: nanoid(), startedAt: Date.now() } };
      },
    },
    tokenReceived(state, action: PayloadAction<{ id: string; side: Side; text: string }>) {
      const run = state.current;
      if (run?.id !== action.payload.id) return;
      run[action.payload.side].text += action.payload.text;
    },
    /** A side ended (done, error or stopped); once both have, the comparison enters the history. */
    sideFinished(state, action: PayloadAction<{ id: string; side: Side; status: 'done' | 'error' | 'stopped'; response?: TestResponse; error?: string }>) {
      const run = state.current;
      const { id, side, status, response, error } = action.payload;
      if (run?.id !== id || terminal(run[side].status)) return;
      const s = run[side];
      s.status = status;
      if (response) {
        // The final text is authoritative (a dropped chunk never leaves a truncated answer).
        s.text = response.response;
        s.tokens = response.tokens;
        s.tokensPerSec = response.tokens_per_sec;
        if (response.raw_prompt !== undefined) s.rawPrompt = response.raw_prompt;
      }
      if (error) s.error = error;
      const other = run[side === 'base' ? 'adapter' : 'base'];
      if (terminal(other.status) && (run.base.text || run.adapter.text)) {
        state.history.unshift(toHistory(run));
        state.history.splice(HISTORY_LIMIT);
      }
    },
    historyRated(state, action: PayloadAction<{ id: string; rating: number | null }>) {
      const entry = state.history.find((h) => h.id === action.payload.id);
      if (entry) entry.rating = action.payload.rating;
    },
    historyRemoved(state, action: PayloadAction<string>) {
      state.history = state.history.filter((h) => h.id !== action.payload);
    },
    historyCleared(state) {
      state.history = [];
    },
    evaluationStarted(state, action: PayloadAction<{ id: string; sessionId: string }>) {
      state.evaluation = action.payload;
      state.evalStartError = null;
    },
    evaluationStartFailed(state, action: PayloadAction<string>) {
      state.evalStartError = action.payload;
    },
    evaluationErrorDismissed(state, action: PayloadAction<string | null>) {
      state.evalStartError = null;
      if (action.payload) state.dismissedEvalId = action.payload;
    },
  },
});

export const {
  promptChanged, settingsChanged, evalSettingsChanged, generationStarted, tokenReceived, sideFinished, historyRated,
  historyRemoved, historyCleared, evaluationStarted, evaluationStartFailed, evaluationErrorDismissed,
} = compareSlice.actions;
export default compareSlice.reducer;

export const isGenerating = (run: CurrentRun | null) => !!run && (!terminal(run.base.status) || !terminal(run.adapter.status));
