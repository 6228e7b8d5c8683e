import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT } from './helpers.ts';

const DATA_FLAGS = [
  '--knowledge-dir',
  FIXTURES.knowledgeDir,
  '--source',
  FIXTURES.sourceFile,
  '--contacts',
  FIXTURES.contactsFile,
];

function kb(args: string[], input?: string) {
  const result = spawnSync('node', ['--import', 'tsx', 'src/knowledge/cli.ts', ...args], {
    cwd: REPO_ROOT,
    input,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('kb CLI', () => {
  it('validate prints counts and exits 0 on good data', () => {
    const result = kb(['validate', ...DATA_FLAGS]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^OK: 5 entries in 2 topics, 1 contacts/);
  });

  it('validate lists problems with file and field and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-cli-'));
    try {
      await cp(FIXTURES.knowledgeDir, dir, { recursive: true });
      const file = join(dir, 'people.yaml');
      await writeFile(
        file,
        (await readFile(file, 'utf8')).replace('audience: worker', 'audience: boss'),
      );
      const flags = DATA_FLAGS.map((flag) => (flag === FIXTURES.knowledgeDir ? dir : flag));
      const result = kb(['validate', ...flags]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('people.yaml entries[0].audience');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says on every JSON line what the bot would do: intent, language and buttons', () => {
    const result = kb(
      ['search', ...DATA_FLAGS],
      'alo\ncty no luong 2 thang r\nhow do I cook pho\n',
    );
    expect(result.code).toBe(0);
    const [hello, grievance, offTopic] = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(hello).toMatchObject({ intent: 'smalltalk', actions: ['menu'], results: [] });
    expect(grievance).toMatchObject({ intent: 'grievance', lang: 'vi', actions: ['complaint'] });
    expect(offTopic).toMatchObject({
      intent: 'offtopic',
      lang: 'en',
      actions: ['topics'],
      results: [],
    });
  });

  it('search without a query reads stdin and prints one JSON object per line', () => {
    const result = kb(['search', ...DATA_FLAGS], 'luong cong nhan\nhow do I cook pho\n\nPCCC\n');
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.query)).toEqual([
      'luong cong nhan',
      'how do I cook pho',
      'PCCC',
    ]);
    expect(lines[0].results[0]).toMatchObject({
      id: 'worker-income',
      title: 'Thu nhập bình quân của người lao động',
      source: { section: '2. Người lao động trong các KCN' },
    });
    expect(lines[0].results[0].confidence).toBeGreaterThan(0);
    expect(lines[1].results).toEqual([]);
    expect(Object.keys(lines[0].results[0]).sort()).toEqual([
      'answer',
      'confidence',
      'id',
      'source',
      'title',
    ]);
  });

  it('search --json answers in the detected language unless --lang is given', () => {
    const english = JSON.parse(
      kb(['search', 'average wage of workers', '--json', ...DATA_FLAGS]).stdout,
    );
    expect(english.results[0].answer).toMatch(/^Direct workers earn/);
    const forced = kb([
      'search',
      'average wage of workers',
      '--json',
      '--lang',
      'vi',
      ...DATA_FLAGS,
    ]);
    expect(JSON.parse(forced.stdout).results[0].answer).toMatch(/^Thu nhập bình quân/);
  });

  it('search prints a readable answer', () => {
    const result = kb(['search', 'PCCC', '--limit', '1', ...DATA_FLAGS]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('[fire-safety]');
  });

  it('list --json prints every entry as one JSON array', () => {
    const result = kb(['list', '--json', ...DATA_FLAGS]);
    const entries = JSON.parse(result.stdout) as { id: string; topic: string }[];
    expect(entries).toHaveLength(5);
    expect(entries.find((entry) => entry.id === 'parks-count')?.topic).toBe('parks');
  });

  it.each([
    [['frobnicate']],
    [[]],
    [['search', 'x', '--limit', 'zero']],
    [['search', 'x', '--lang', 'fr']],
    [['search', 'x', '--colour']],
  ])('exits 2 with usage on bad input %j', (args) => {
    const result = kb([...args, ...DATA_FLAGS]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run kb');
  });
});
