import { useEffect, useRef } from 'react';

/**
 * After moving to another unit (a drill-down, a link in a ranking), puts the focus on the element
 * the returned ref is given — the unit's name — once its figures are `shown`, so a screen reader
 * says where it landed. The first unit shown keeps the focus where the page left it.
 */
export function useFocusOnArrival<T extends HTMLElement = HTMLHeadingElement>(unitCode: string, shown: boolean) {
  const target = useRef<T>(null);
  const shownUnit = useRef<string>(undefined);
  useEffect(() => {
    if (!shown || shownUnit.current === unitCode) return;
    if (shownUnit.current !== undefined) target.current?.focus();
    shownUnit.current = unitCode;
  }, [shown, unitCode]);
  return target;
}
