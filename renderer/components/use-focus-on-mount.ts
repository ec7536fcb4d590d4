// Moves keyboard focus to an element when a screen appears, so screen readers announce it.
import { useEffect, useRef } from 'react';

/** A ref whose element gets focus once, after the first render. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
