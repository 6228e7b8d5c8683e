import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type OfficerEntry, publishEntry } from '../../../src/bot/features/desk/faqFile.ts';
import { defaultKnowledgePaths, LiveKnowledge } from '../../../src/knowledge/live.ts';
import { officerSourceOf } from '../../../src/knowledge/schema.ts';

async function copiedKnowledge(): Promise<LiveKnowledge> {
  const shipped = defaultKnowledgePaths();
  const knowledgeDir = join(await mkdtemp(join(tmpdir(), 'kb-officer-')), 'knowledge');
  await cp(shipped.knowledgeDir, knowledgeDir, { recursive: true });
  return LiveKnowledge.load({ ...shipped, knowledgeDir });
}

const entry = (topic: string): OfficerEntry => ({
  id: 'oa-0a1b2c3d',
  topic,
  audience: 'all',
  title: { vi: 'Xe đưa đón chợ đêm', en: 'Xe đưa đón chợ đêm' },
  questions: { vi: ['xe đưa đón chợ đêm chủ nhật'], en: ['night market shuttle on sunday'] },
  answer: { vi: 'Có, 18:00 Chủ nhật.', en: 'Có, 18:00 Chủ nhật.' },
  source: { kind: 'officer', officer: 'Hanh', date: '2026-12-04', needsTranslation: true },
  related: [],
});

describe('officer answers in the knowledge base', () => {
  it('load through the same validator, under the chosen topic, live without a restart', async () => {
    const knowledge = await copiedKnowledge();
    const topic = knowledge.current.topics[0]?.topic ?? '';
    expect(await publishEntry(knowledge, entry(topic))).toEqual({ ok: true });
    const live = knowledge.current.getEntry('oa-0a1b2c3d');
    expect(live?.topic).toBe(topic);
    expect(live && officerSourceOf(live)).toMatchObject({
      officer: 'Hanh',
      needsTranslation: true,
    });
    expect(knowledge.current.topics.map((t) => t.topic)).not.toContain('officer-answers');
    const file = await readFile(join(knowledge.knowledgeDir, 'officer-answers.yaml'), 'utf8');
    expect(file).toContain('kind: officer');
  });

  it('an entry that fails validation is not published and the file is put back', async () => {
    const knowledge = await copiedKnowledge();
    const result = await publishEntry(knowledge, entry('no-such-topic'));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('unknown topic');
    expect(knowledge.current.getEntry('oa-0a1b2c3d')).toBeUndefined();
    await expect(readFile(join(knowledge.knowledgeDir, 'officer-answers.yaml'))).rejects.toThrow();
  });
});
