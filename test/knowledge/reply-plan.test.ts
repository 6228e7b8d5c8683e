import { describe, expect, it } from 'vitest';
import { replyActions } from '../../src/knowledge/reply-plan.ts';

describe('replyActions', () => {
  it('offers a complaint for a grievance whatever the role', () => {
    for (const role of [null, 'worker', 'enterprise'] as const) {
      expect(replyActions({ intent: 'grievance', entry: null }, role)).toEqual(['complaint']);
    }
  });

  it('gives small talk the menu and off-topic the topics', () => {
    expect(replyActions({ intent: 'smalltalk', entry: null }, null)).toEqual(['menu']);
    expect(replyActions({ intent: 'offtopic', entry: null }, null)).toEqual(['topics']);
  });

  it("uses the entry's action for an answer and a ticket fitting the role for a decline", () => {
    expect(replyActions({ intent: 'question', entry: { action: 'contact' } }, null)).toEqual([
      'contact',
    ]);
    expect(replyActions({ intent: 'question', entry: {} }, null)).toEqual([]);
    expect(replyActions({ intent: 'question', entry: null }, 'worker')).toEqual([
      'topics',
      'complaint',
    ]);
    expect(replyActions({ intent: 'question', entry: null }, null)).toEqual([
      'topics',
      'support_request',
    ]);
  });
});
