import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

/**
 * Commands from the desktop shell's menu that the Setup page carries out: they wait here until Setup
 * is mounted with its draft (the menu may fire from any tab, before the defaults have loaded).
 */
export interface DesktopState {
  pendingTrainPath: string | null;
  pendingStart: boolean;
}

const initialState: DesktopState = { pendingTrainPath: null, pendingStart: false };

const desktopSlice = createSlice({
  name: 'desktop',
  initialState,
  reducers: {
    trainPathRequested(state, action: PayloadAction<string>) {
      state.pendingTrainPath = action.payload;
    },
    trainPathApplied(state) {
      state.pendingTrainPath = null;
    },
    startRequested(state) {
      state.pendingStart = true;
    },
    startHandled(state) {
      state.pendingStart = false;
    },
  },
});

export const { trainPathRequested, trainPathApplied, startRequested, startHandled } = desktopSlice.actions;
export default desktopSlice.reducer;
