import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

export type ToastLevel = 'info' | 'success' | 'warning' | 'error';

export interface Toast {
  id: number;
  level: ToastLevel;
  title: string;
  message: string;
  /** How many identical notifications were folded into this one. */
  count: number;
  createdAt: number;
}

export interface NotificationsState {
  items: Toast[];
  nextId: number;
}

export const initialNotificationsState: NotificationsState = { items: [], nextId: 1 };
const MAX_TOASTS = 5;

const notificationsSlice = createSlice({
  name: 'notifications',
  initialState: initialNotificationsState,
  reducers: {
    notify: {
      reducer(state, action: PayloadAction<Omit<Toast, 'id' | 'count'>>) {
        const t = action.payload;
        const same = state.items.find((x) => x.level === t.level && x.title === t.title && x.message === t.message);
        if (same) {
          same.count += 1;
          same.createdAt = t.createdAt;
          return;
        }
        state.items.push({ ...t, id: state.nextId, count: 1 });
        state.nextId += 1;
        if (state.items.length > MAX_TOASTS) state.items.splice(0, state.items.length - MAX_TOASTS);
      },
      prepare(toast: { level: ToastLevel; title: string; message?: string }) {
        return { payload: { level: toast.level, title: toast.title, message: toast.message ?? '', createdAt: Date.now() } };
      },
    },
    dismiss(state, action: PayloadAction<number>) {
      state.items = state.items.filter((t) => t.id !== action.payload);
    },
  },
});

export const { notify, dismiss } = notificationsSlice.actions;
export default notificationsSlice.reducer;
