import { describe, expect, it } from 'vitest';
import { loadChart, streamPlot } from './charts';

const second = (offsetSec: number, jitterMs: number, lost = 0) => ({
  offsetSec,
  packets: 50,
  lost,
  jitterMs,
});

describe('streamPlot', () => {
  it('draws jitter as a line and lost packets as bars, and says so', () => {
    const series = [second(0, 2), second(1, 12.34, 3), second(2, 4), second(3, 1, 1)];
    const plot = streamPlot(series, 160, 40);
    expect(plot.jitter.split(' ')).toHaveLength(4);
    // The worst second is at the top (y = 2), the others lower.
    expect(plot.jitter.split(' ')[1]).toBe('60,2');
    expect(plot.lost).toHaveLength(2);
    expect(plot.lost[0]).toMatchObject({ x: 40, height: 18, y: 22 });
    expect(plot.label).toBe('Jitter up to 12.3 ms; 4 packets lost in 2 of 4 seconds.');
  });

  it('says when nothing was lost', () => {
    expect(streamPlot([second(0, 0.5)], 160, 40).label).toBe(
      'Jitter up to 0.5 ms; no packets lost in 1 second.',
    );
  });

  it('counts periods when a point stands for several seconds', () => {
    const plot = streamPlot([second(0, 1, 1), second(5, 2)], 160, 40);
    expect(plot.label).toBe('Jitter up to 2.0 ms; 1 packet lost in 1 of 2 periods of 5 seconds.');
  });

  it('has nothing to draw for an empty series', () => {
    expect(streamPlot([], 160, 40)).toEqual({ jitter: '', lost: [], label: 'No packets to plot.' });
  });
});

describe('loadChart', () => {
  it('draws calls started and failed per second', () => {
    const chart = loadChart(
      [
        { offsetSec: 0, started: 4, failed: 0, concurrent: 4 },
        { offsetSec: 1, started: 0, failed: 0, concurrent: 4 },
        { offsetSec: 2, started: 8, failed: 6, concurrent: 10 },
        { offsetSec: 3, started: 2, failed: 1, concurrent: 9 },
      ],
      400,
      100,
    );
    expect(chart.max).toBe(8);
    expect(chart.started).toHaveLength(3);
    expect(chart.started[1]).toEqual({ x: 200, y: 0, width: 99, height: 100 });
    expect(chart.failed[0]).toEqual({ x: 200, y: 25, width: 99, height: 75 });
    expect(chart.label).toBe(
      'Calls started over 4.0 s: up to 8 calls a second; 14 calls started, 7 failed.',
    );
  });
});
