import fc from 'fast-check';
import content from 'virtual:content';
import { describe, expect, it } from 'vitest';
import { getNode, isQuestion, type Step, type Trail } from './graph.ts';
import { decodePath, encodePath, trailPath } from './path-codec.ts';

/** A random walk from the start: at each question, the n-th answer (mod the answer count). */
const walks = fc.array(fc.nat(), { maxLength: 12 }).map((choices): Trail => {
  const steps: Step[] = [];
  let nodeId = content.startId;
  for (const choice of choices) {
    const node = getNode(content, nodeId);
    if (!isQuestion(node)) break;
    const answer = node.answers[choice % node.answers.length]!;
    steps.push({ questionId: nodeId, answerId: answer.id, nextId: answer.next });
    nodeId = answer.next;
  }
  return { steps, nodeId };
});

describe('path codec', () => {
  it('decodes what it encodes: decode(encode(trail)) = trail', () => {
    fc.assert(
      fc.property(walks, (trail) => {
        expect(decodePath(content, trailPath(trail))).toEqual({ ok: true, trail });
      }),
    );
  });

  it('turns any string into a trail or a clear error, and never throws', () => {
    const segment = fc.oneof(
      fc.string(),
      fc.constantFrom('never-connects', 'sip-code', '503', 'lcr', '%E0%A4%A', '..', 'A'),
    );
    const pathLike = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.webPath(),
      fc.array(segment, { maxLength: 8 }).map((parts) => parts.join('/')),
    );
    fc.assert(
      fc.property(pathLike, (path) => {
        const result = decodePath(content, path);
        if (result.ok) {
          expect(getNode(content, result.trail.nodeId)).toBeDefined();
        } else {
          expect(['malformed', 'unknown-answer', 'past-outcome']).toContain(result.error.kind);
          // The valid prefix is itself a decodable trail: a way back into the tree.
          expect(decodePath(content, trailPath(result.error.validPrefix))).toEqual({
            ok: true,
            trail: result.error.validPrefix,
          });
        }
      }),
    );
  });

  it('accepts trailing slashes and upper case, as people type them', () => {
    const canonical = decodePath(content, '/never-connects/sip-code');
    expect(decodePath(content, '/Never-Connects/SIP-code/')).toEqual(canonical);
  });

  it('says which segment is wrong and how far the path was valid', () => {
    const result = decodePath(content, '/never-connects/teleport/503');
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'unknown-answer', segment: 'teleport', index: 1 },
    });
    if (!result.ok) expect(result.error.validPrefix.nodeId).toBe('never-connects');
  });

  it('rejects a path that carries on after an outcome', () => {
    const result = decodePath(content, '/never-connects/times-out/more');
    expect(result).toMatchObject({ ok: false, error: { kind: 'past-outcome', segment: 'more' } });
  });

  it('rejects damaged percent-encoding without throwing', () => {
    expect(decodePath(content, '/never-connects/%E0%A4%A')).toMatchObject({
      ok: false,
      error: { kind: 'malformed', index: 1 },
    });
  });

  it('encodes the start as the root', () => {
    expect(encodePath([])).toBe('/');
  });
});
