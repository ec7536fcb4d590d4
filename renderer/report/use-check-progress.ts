// Subscribes to streamed check progress for as long as a screen is mounted.
import { useEffect } from 'react';
import type { CheckProgress } from '../../shared/check-report.ts';
import { subscribe } from '../api.ts';

/** Calls `onProgress` for every step change main reports; the reducers filter by checkId. */
export function useCheckProgress(onProgress: (progress: CheckProgress) => void): void {
  useEffect(() => subscribe('onCheckProgress', onProgress), [onProgress]);
}
