import * as echarts from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * An ECharts canvas on the returned element: made when the component mounts, resized with its
 * box, disposed when it goes. The caller registers its chart kinds (`echarts.use`) and sets the
 * option in an effect declared after this hook, so the instance exists by then.
 */
export function useEchartsCanvas() {
  const element = useRef<HTMLDivElement>(null);
  const instance = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const created = echarts.init(element.current!, undefined, { renderer: 'canvas' });
    instance.current = created;
    const observer = new ResizeObserver(() => created.resize());
    observer.observe(element.current!);
    return () => {
      observer.disconnect();
      created.dispose();
      instance.current = null;
    };
  }, []);
  return { element, instance };
}
