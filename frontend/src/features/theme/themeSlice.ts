import { createSlice } from '@reduxjs/toolkit';

export type ThemeMode = 'light' | 'dark';
export const THEME_KEY = 'lora-studio.theme';

export function initialTheme(): ThemeMode {
  try {
    const saved = window.localStorage.getItem(THEME_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
    return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

/** Persists the mode and applies it to <html> (Tailwind's `dark` class). */
export function applyTheme(mode: ThemeMode): void {
  try {
    window.localStorage.setItem(THEME_KEY, mode);
  } catch {
    /* private mode: the toggle still works for this page */
  }
  document.documentElement.classList.toggle('dark', mode === 'dark');
}

const themeSlice = createSlice({
  name: 'theme',
  initialState: () => ({ mode: initialTheme() }),
  reducers: {
    themeToggled(state) {
      state.mode = state.mode === 'dark' ? 'light' : 'dark';
    },
  },
});

export const { themeToggled } = themeSlice.actions;
export default themeSlice.reducer;
