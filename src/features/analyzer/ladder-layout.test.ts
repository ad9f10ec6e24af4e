import { describe, expect, it } from 'vitest';
import type { LadderMessage } from '@/analyzer/report';
import { LADDER_HEADER, LADDER_ROW, layoutLadder } from './ladder-layout';
import { testCall } from './test-report';

describe('layoutLadder', () => {
  it('puts endpoints left to right in the order they first appear', () => {
    const layout = layoutLadder(testCall().messages);
    expect(layout.lanes.map((lane) => lane.endpoint)).toEqual(['10.0.0.1:5060', '192.0.2.10:5060']);
    const [left, right] = layout.lanes;
    expect(left!.x).toBeLessThan(right!.x);
    expect(layout.width).toBeGreaterThan(right!.x);
  });

  it('draws each message as an arrow from its sender to its receiver, top to bottom', () => {
    const layout = layoutLadder(testCall().messages);
    const [invite, trying] = layout.rows;
    const [caller, callee] = layout.lanes;
    expect(invite).toMatchObject({ label: 'INVITE', x1: caller!.x, x2: callee!.x, sdp: true });
    expect(trying).toMatchObject({ label: '100 Trying', x1: callee!.x, x2: caller!.x });
    expect(trying!.y - invite!.y).toBe(LADDER_ROW);
    expect(layout.height).toBeGreaterThan(layout.rows.at(-1)!.y);
    expect(invite!.y).toBeGreaterThan(LADDER_HEADER);
  });

  it('adds a lane for each further endpoint', () => {
    const forked: LadderMessage = {
      frame: 9,
      time: '2026-03-02T15:04:07.000Z',
      src: '192.0.2.10:5060',
      dst: '[2001:db8::5]:5060',
      label: 'INVITE',
      sdp: true,
      retransmission: false,
    };
    const layout = layoutLadder([...testCall().messages, forked]);
    expect(layout.lanes).toHaveLength(3);
    expect(layout.rows.at(-1)!.x2).toBe(layout.lanes[2]!.x);
  });

  it('draws at most the given number of messages and counts the rest', () => {
    const messages = Array.from({ length: 75 }, (_, i) => ({
      ...testCall().messages[0]!,
      frame: i + 1,
      retransmission: i > 0,
    }));
    const layout = layoutLadder(messages);
    expect(layout.rows).toHaveLength(60);
    expect(layout.hidden).toBe(15);
  });

  it('copes with a call without messages', () => {
    const layout = layoutLadder([]);
    expect(layout.lanes).toEqual([]);
    expect(layout.rows).toEqual([]);
    expect(layout.width).toBeGreaterThan(0);
  });
});
