import { describe, expect, it } from 'vitest';
import { cyclesOf, importGraph, importsOf } from '../../scripts/importCycles.ts';

describe('import cycle check', () => {
  it('sees value, type and re-export imports, but not commented-out ones', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "export type { D } from './d.ts';",
      "// import { e } from './e.ts';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(importsOf(source)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts']);
  });

  it('finds a cycle made only of `import type`, and none once it is broken', () => {
    const files: Record<string, string> = {
      '/p/app.ts': "import { worker } from './worker.ts';",
      '/p/worker.ts': "import type { Service } from './app.ts';",
      '/p/lifecycle.ts': '',
    };
    const read = (file: string) => files[file] ?? '';
    expect(cyclesOf(importGraph(Object.keys(files), read))).toEqual([
      expect.arrayContaining(['/p/app.ts', '/p/worker.ts']),
    ]);
    files['/p/worker.ts'] = "import type { Service } from './lifecycle.ts';";
    expect(cyclesOf(importGraph(Object.keys(files), read))).toEqual([]);
  });
});
