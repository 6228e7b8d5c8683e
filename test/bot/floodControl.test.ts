import { describe, expect, it } from 'vitest';
import { FloodGate } from '../../src/bot/floodControl.ts';

describe('FloodGate', () => {
  it('lets a person type a burst, then warns once and drops until the cool-down ends', () => {
    let now = 0;
    const gate = new FloodGate(60, 5, 30_000, () => now);
    const verdicts = Array.from({ length: 8 }, () => gate.check('u1'));
    expect(verdicts).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'warn', 'drop', 'drop']);
    now = 29_000;
    expect(gate.check('u1')).toBe('drop');
    now = 31_000;
    expect(gate.check('u1')).toBe('pass');
  });

  it('refills at the configured rate, so a steady human pace never trips it', () => {
    let now = 0;
    const gate = new FloodGate(60, 5, 30_000, () => now);
    for (let i = 0; i < 300; i += 1) {
      now += 1000;
      expect(gate.check('u1')).toBe('pass');
    }
  });

  it('keeps users apart', () => {
    const gate = new FloodGate(60, 2, 30_000, () => 0);
    gate.check('a');
    gate.check('a');
    expect(gate.check('a')).toBe('warn');
    expect(gate.check('b')).toBe('pass');
  });
});
