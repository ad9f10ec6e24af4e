import { describe, expect, it } from 'vitest';
import { NodeSchema, OutcomeSchema, TreeFileSchema } from './schema.ts';
import { outcome } from './test-support/fixture.ts';

describe('content schema', () => {
  it('tells questions and outcomes apart by kind', () => {
    expect(NodeSchema.parse(outcome('x', 'X')).kind).toBe('outcome');
    expect(NodeSchema.parse({ id: 'q', kind: 'question', title: 'Q?', answers: [] }).kind).toBe(
      'question',
    );
    expect(NodeSchema.safeParse({ id: 'q', kind: 'poll', title: 'Q?' }).success).toBe(false);
  });

  it('rejects unknown keys, empty text and ids that are not slugs', () => {
    expect(OutcomeSchema.safeParse({ ...outcome('x', 'X'), colour: 'red' }).success).toBe(false);
    expect(OutcomeSchema.safeParse({ ...outcome('x', 'X'), title: '  ' }).success).toBe(false);
    expect(OutcomeSchema.safeParse(outcome('Not A Slug', 'X')).success).toBe(false);
  });

  it('requires the current schema version', () => {
    expect(TreeFileSchema.safeParse({ schemaVersion: 1, nodes: [] }).success).toBe(true);
    expect(TreeFileSchema.safeParse({ schemaVersion: 2, nodes: [] }).success).toBe(false);
  });

  it('only accepts the four kinds of retry advice', () => {
    const withAdvice = (advice: string) => ({ ...outcome('x', 'X'), retry: { advice, note: 'n' } });
    for (const advice of ['retry', 'route-advance', 'fix-first', 'no-retry']) {
      expect(OutcomeSchema.safeParse(withAdvice(advice)).success).toBe(true);
    }
    expect(OutcomeSchema.safeParse(withAdvice('maybe')).success).toBe(false);
  });
});
