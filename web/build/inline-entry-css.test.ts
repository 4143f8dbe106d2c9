import { describe, expect, it } from 'vitest';
import { dropPreloadedFile } from './inline-entry-css.js';

const list = (files: string[]) => `const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=${JSON.stringify(files)})))=>i.map(i=>d[i]);\n`;

describe('taking the inlined entry stylesheet out of lazy chunks', () => {
  it('drops it from the preload list and renumbers every lazy import after it', () => {
    const code = list(['assets/a.js', 'assets/index-x.css', 'assets/b.js', 'assets/b.css'])
      + 'const A=()=>p(()=>import("./a.js"),__vite__mapDeps([0,1])),B=()=>p(()=>import("./b.js"),__vite__mapDeps([2,0,1,3]));';
    expect(dropPreloadedFile(code, 'assets/index-x.css')).toBe(
      list(['assets/a.js', 'assets/b.js', 'assets/b.css'])
      + 'const A=()=>p(()=>import("./a.js"),__vite__mapDeps([0])),B=()=>p(()=>import("./b.js"),__vite__mapDeps([1,0,2]));',
    );
  });

  it('leaves a chunk that does not name it, or has no lazy imports, as it was', () => {
    const code = `${list(['assets/a.js', 'assets/a.css'])}p(()=>import("./a.js"),__vite__mapDeps([0,1]));`;
    expect(dropPreloadedFile(code, 'assets/index-x.css')).toBe(code);
    expect(dropPreloadedFile('console.log(1);', 'assets/index-x.css')).toBe('console.log(1);');
  });
});
