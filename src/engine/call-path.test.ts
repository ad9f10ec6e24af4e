import { describe, expect, it } from 'vitest';
import { callPath, type Visit } from './call-path.ts';
import { decodePath } from './path-codec.ts';
import type { Content } from './schema.ts';
import { validFiles } from './test-support/fixture.ts';
import { validateContent } from './validate.ts';

// start: "What happens?" — fails → symptom ("Which symptom?": a → outcome-a, b → outcome-b),
//                         quiet → outcome-b.
const result = validateContent(validFiles());
if (!result.ok) throw new Error('The fixture must be valid');
const content: Content = result.content;

function trail(path: string) {
  const decoded = decodePath(content, path);
  if (!decoded.ok) throw new Error(`Bad path ${path}`);
  return decoded.trail;
}

const visits = (...pairs: [number, string][]): Visit[] => pairs.map(([at, path]) => ({ at, path }));

describe('callPath', () => {
  it('times each answer given one step at a time', () => {
    const result = callPath(
      content,
      trail('/fails/a'),
      visits([0, '/'], [10, '/fails'], [25, '/fails/a']),
    );
    expect(result.path).toEqual([
      { question: 'What happens?', answer: 'It fails', at: 10, asked: true },
      { question: 'Which symptom?', answer: 'A', at: 25, asked: true },
    ]);
    expect(result.earlier).toEqual([]);
  });

  it('marks answers filled in by a jump, a link or a paste as not asked', () => {
    // Opened straight at /fails/a (a shared link), or jumped there from elsewhere on the map.
    expect(callPath(content, trail('/fails/a'), visits([5, '/fails/a'])).path).toEqual([
      { question: 'What happens?', answer: 'It fails', at: null, asked: false },
      { question: 'Which symptom?', answer: 'A', at: null, asked: false },
    ]);
    const jumped = callPath(
      content,
      trail('/fails/a'),
      visits([0, '/'], [5, '/quiet'], [9, '/fails/a']),
    );
    expect(jumped.path.map((step) => step.asked)).toEqual([false, false]);
  });

  it('keeps answers the caller gave before the story changed, oldest first', () => {
    const result = callPath(
      content,
      trail('/fails/b'),
      visits(
        [0, '/'],
        [10, '/quiet'],
        [20, '/'],
        [30, '/fails'],
        [40, '/fails/a'],
        [50, '/fails'],
        [60, '/fails/b'],
      ),
    );
    expect(result.path).toEqual([
      { question: 'What happens?', answer: 'It fails', at: 30, asked: true },
      { question: 'Which symptom?', answer: 'B', at: 60, asked: true },
    ]);
    expect(result.earlier).toEqual([
      { question: 'What happens?', answer: 'It is quiet', at: 10, asked: true },
      { question: 'Which symptom?', answer: 'A', at: 40, asked: true },
    ]);
  });

  it('uses the latest time when an answer was given twice, and ignores unreadable visits', () => {
    const result = callPath(
      content,
      trail('/fails'),
      visits(
        [0, '/'],
        [10, '/fails'],
        [20, '/'],
        [30, '/fails'],
        [35, '/no/such/page'],
        [40, '/fails'],
      ),
    );
    expect(result.path).toEqual([
      { question: 'What happens?', answer: 'It fails', at: 30, asked: true },
    ]);
  });

  it('says nothing about the start page, which has no answers yet', () => {
    expect(callPath(content, trail('/'), visits([0, '/']))).toEqual({ path: [], earlier: [] });
  });
});
