import { basename, dirname } from 'node:path';
import type { FileLayer } from './fileLayer.ts';

/**
 * A file layer held in memory, for unit tests and benchmarks that measure everything but the
 * disk. Same contract as the real one: an atomic write replaces the whole file or nothing.
 */
export function memoryFileLayer(freeBytes = Number.MAX_SAFE_INTEGER): FileLayer & {
  files: Map<string, string>;
} {
  const files = new Map<string, string>();
  const dirs = new Set<string>();
  const write = async (file: string, data: string) => {
    files.set(file, data);
  };
  return {
    files,
    writeAtomic: write,
    writeFresh: write,
    readText: async (file) => files.get(file) ?? null,
    readTextSync: (file) => files.get(file) ?? null,
    async list(dir) {
      if (!dirs.has(dir)) return null;
      const names = new Set<string>();
      for (const path of [...files.keys(), ...dirs]) {
        if (dirname(path) === dir) names.add(basename(path));
      }
      return [...names];
    },
    async ensureDir(dir) {
      for (let at = dir; !dirs.has(at) && at !== dirname(at); at = dirname(at)) dirs.add(at);
    },
    async rename(from, to) {
      const move = <T>(map: Map<string, T> | Set<string>, path: string, value?: T) => {
        const target = to + path.slice(from.length);
        if (map instanceof Map) {
          map.delete(path);
          map.set(target, value as T);
        } else {
          map.delete(path);
          map.add(target);
        }
      };
      for (const [path, value] of [...files])
        if (path.startsWith(`${from}/`)) move(files, path, value);
      for (const path of [...dirs])
        if (path === from || path.startsWith(`${from}/`)) move(dirs, path);
    },
    async removeTree(path) {
      for (const file of [...files.keys()])
        if (file === path || file.startsWith(`${path}/`)) files.delete(file);
      for (const dir of [...dirs]) if (dir === path || dir.startsWith(`${path}/`)) dirs.delete(dir);
    },
    freeBytes: async () => freeBytes,
    async openAppend(file) {
      if (!files.has(file)) files.set(file, '');
      return {
        append: async (data) => {
          files.set(file, `${files.get(file) ?? ''}${data}`);
        },
        close: async () => undefined,
      };
    },
  };
}
