import { describe, expect, it } from 'vitest';
import { keyboardTypoCandidates, SpellingCorrector } from '../../src/knowledge/spelling.ts';

const corrector = new SpellingCorrector([
  'female',
  'support',
  'result',
  'look',
  'small',
  'ninh',
  'quan',
  'cong',
  'doan',
  'nghiep',
]);

describe('SpellingCorrector', () => {
  it('never rewrites a real word the index lacks into a concept word', () => {
    for (const word of ['email', 'passport', 'regular', 'cook', 'smell']) {
      expect(corrector.correct(word), word).toBeNull();
    }
  });

  it('undoes one keyboard slip in a string that is not a word', () => {
    expect(corrector.correct('nihn')?.token).toBe('ninh');
    expect(corrector.correct('quna')?.token).toBe('quan');
    expect(corrector.correct('nghiepp')?.token).toBe('nghiep');
  });

  it('decodes Telex leftovers, even when the string happens to be a listed syllable', () => {
    expect(corrector.correct('coong')?.token).toBe('cong');
  });

  it('gives up quickly on a string too long to be a word', () => {
    expect(corrector.correct('a'.repeat(3000))).toBeNull();
  });

  it('keeps an accented valid syllable as typed', () => {
    expect(corrector.correct('bong', '\u0301')).toBeNull();
  });

  it('lists swaps, drops, doubles and neighbouring keys as slips', () => {
    const words = keyboardTypoCandidates('nihn').map((candidate) => candidate.word);
    expect(words).toContain('ninh');
    expect(keyboardTypoCandidates('av').map((c) => c.word)).toContain('ab');
    expect(keyboardTypoCandidates('av').map((c) => c.word)).not.toContain('ap');
  });
});
