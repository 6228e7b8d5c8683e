import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers.ts';

function kb(args: string[]) {
  const result = spawnSync('node', ['--import', 'tsx', 'src/knowledge/cli.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kb-release-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const parksYaml = (count: number) =>
  `parks:\n${Array.from({ length: count }, (_, i) => `  - id: p${i}\n    name: { vi: "KCN ${i}", en: "Park ${i}" }\n`).join('')}`;

async function filledContacts(): Promise<string> {
  const shipped = await readFile(join(REPO_ROOT, 'data/contacts/contacts.yaml'), 'utf8');
  const file = join(dir, 'contacts.yaml');
  await writeFile(file, shipped.replace('phone: null', 'phone: "0222 000 000"'));
  return file;
}

describe('kb validate --release', () => {
  it('fails on the shipped data, naming the empty contacts and the short park list', () => {
    const result = kb(['validate', '--release']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('contacts.yaml contacts: no contact has a phone');
    expect(result.stderr).toContain('parks.yaml parks: 1 of the 16 industrial parks are listed');
  });

  it('still passes without --release, so the console and tests keep working', () => {
    expect(kb(['validate']).code).toBe(0);
  });

  it('passes once a contact detail is filled and all 16 parks are listed', async () => {
    const contacts = await filledContacts();
    const parks = join(dir, 'parks.yaml');
    await writeFile(parks, parksYaml(16));
    const result = kb(['validate', '--release', '--contacts', contacts, '--parks', parks]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('fails on the parks alone when contacts are filled but parks are missing', async () => {
    const contacts = await filledContacts();
    const parks = join(dir, 'parks.yaml');
    await writeFile(parks, 'parks: null\n');
    const result = kb(['validate', '--release', '--contacts', contacts, '--parks', parks]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('contacts.yaml');
    expect(result.stderr).toContain('0 of the 16 industrial parks');
  });
});
