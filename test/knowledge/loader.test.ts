import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeValidationError, loadKnowledgeBase } from '../../src/knowledge/index.ts';
import type { ValidationProblem } from '../../src/knowledge/loader.ts';
import { FIXTURES } from './helpers.ts';

let workDir: string;
let paths: typeof FIXTURES;

beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kb-loader-'));
  await cp(FIXTURES.knowledgeDir, join(workDir, 'knowledge'), { recursive: true });
  paths = { ...FIXTURES, knowledgeDir: join(workDir, 'knowledge') };
});

afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function editTopicFile(name: string, edit: (text: string) => string): Promise<void> {
  const file = join(paths.knowledgeDir, name);
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

async function problemsOf(): Promise<ValidationProblem[]> {
  try {
    await loadKnowledgeBase(paths);
  } catch (error) {
    if (error instanceof KnowledgeValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a KnowledgeValidationError');
}

describe('loadKnowledgeBase', () => {
  it('loads the valid fixture with topics, contacts and passages', async () => {
    const kb = await loadKnowledgeBase(paths);
    expect(kb.entries.map((entry) => entry.id).sort()).toEqual([
      'board-founding',
      'fire-safety',
      'parks-count',
      'trade-unions',
      'worker-income',
    ]);
    expect(kb.topics.find((topic) => topic.topic === 'people')?.entryIds).toEqual([
      'worker-income',
      'trade-unions',
    ]);
    expect(kb.contacts[0]).toMatchObject({ id: 'board-office', phone: null });
    expect(kb.passages.length).toBeGreaterThan(5);
  });

  it('reports a YAML syntax error with the file name', async () => {
    await writeFile(join(paths.knowledgeDir, 'broken.yaml'), 'topic: broken\nentries: [\n');
    const problems = await problemsOf();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'broken.yaml', field: '' });
    expect(problems[0]?.message).toMatch(/invalid YAML/);
  });

  it('names file and field path of a schema error', async () => {
    await editTopicFile('parks.yaml', (text) =>
      text.replace(
        '      en: "The board regularly guides enterprises to comply with fire safety rules."\n',
        '',
      ),
    );
    const problems = await problemsOf();
    expect(problems).toEqual([
      expect.objectContaining({ file: 'parks.yaml', field: 'entries[1].answer.en' }),
    ]);
  });

  it('rejects an unknown related id', async () => {
    await editTopicFile('people.yaml', (text) =>
      text.replace('related: [trade-unions]', 'related: [nope]'),
    );
    expect(await problemsOf()).toEqual([
      {
        file: 'people.yaml',
        field: 'entries[0].related[0]',
        message: 'unknown entry id "nope"',
      },
    ]);
  });

  it('rejects a quote that is not verbatim in the report, but tolerates whitespace changes', async () => {
    await editTopicFile('people.yaml', (text) =>
      text
        .replace('Hiện có 483 công đoàn cơ sở.', 'Hiện có   483 công đoàn\\ncơ sở.')
        .replace('lao động trực tiếp 5,7 triệu đồng/người/tháng."]', 'lao động 5,7 triệu."]'),
    );
    expect(await problemsOf()).toEqual([
      {
        file: 'people.yaml',
        field: 'entries[0].source.quote[0]',
        message: 'quote does not occur verbatim in the report',
      },
    ]);
  });

  it('rejects duplicate ids across files and collects every problem at once', async () => {
    await editTopicFile('parks.yaml', (text) =>
      text
        .replace('id: fire-safety', 'id: worker-income')
        .replace('related: []', 'related: [ghost]'),
    );
    const problems = await problemsOf();
    expect(problems.map((problem) => `${problem.file} ${problem.field}`).sort()).toEqual([
      'parks.yaml entries[1].related[0]',
      'people.yaml entries[0].id',
    ]);
  });

  it('validates the contacts file', async () => {
    const contactsFile = join(workDir, 'contacts.yaml');
    await writeFile(contactsFile, 'contacts:\n  - id: x\n    name: { vi: "A", en: "A" }\n');
    paths = { ...paths, contactsFile };
    const problems = await problemsOf();
    expect(problems.map((problem) => problem.field)).toContain('contacts[0].description');
    expect(problems.every((problem) => problem.file === 'contacts.yaml')).toBe(true);
  });
});
