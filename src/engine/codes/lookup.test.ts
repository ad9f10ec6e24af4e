import fc from 'fast-check';
import reference from 'virtual:code-reference';
import { describe, expect, it } from 'vitest';
import { classOf, familyOf, lookupCode, q850For } from './lookup.ts';

describe('lookupCode', () => {
  it('finds a registered code, with its class', () => {
    const found = lookupCode(reference, '503');
    expect(found.kind).toBe('code');
    if (found.kind !== 'code') return;
    expect(found.entry.phrase).toBe('Service Unavailable');
    expect(found.codeClass.class).toBe(5);
  });

  it('finds 603+ written as it appears in an address, encoded or not', () => {
    for (const segment of ['603+', '603%2B']) {
      const found = lookupCode(reference, segment);
      expect(found.kind === 'code' && found.entry.phrase).toBe('Network Blocked');
    }
  });

  it('gives an unregistered code inside 100–699 its class page', () => {
    expect(lookupCode(reference, '499')).toMatchObject({
      kind: 'class',
      codeClass: { class: 4 },
      unregistered: 499,
    });
    expect(lookupCode(reference, '4xx')).toMatchObject({ kind: 'class', codeClass: { class: 4 } });
    expect(lookupCode(reference, '4xx')).not.toHaveProperty('unregistered');
  });

  it('says why anything else is not a code', () => {
    expect(lookupCode(reference, '700')).toMatchObject({
      kind: 'not-found',
      reason: '“700” isn’t a SIP response code: they run from 100 to 699.',
    });
    expect(lookupCode(reference, '99')).toMatchObject({ kind: 'not-found' });
    expect(lookupCode(reference, '503+')).toMatchObject({
      kind: 'not-found',
      reason: '“503+” isn’t a SIP response code: only 603+ (Network Blocked) carries a plus.',
    });
    expect(lookupCode(reference, 'busy')).toMatchObject({
      kind: 'not-found',
      reason: '“busy” isn’t a SIP response code. Codes are three digits, like 503.',
    });
    expect(lookupCode(reference, '7xx')).toMatchObject({ kind: 'not-found' });
  });

  it('never throws, and a code page exists for every number from 100 to 699', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (segment) => {
        expect(['code', 'class', 'not-found']).toContain(lookupCode(reference, segment).kind);
      }),
      { numRuns: 1000 },
    );
    for (let code = 100; code <= 699; code += 1) {
      expect(lookupCode(reference, String(code)).kind).not.toBe('not-found');
    }
  });
});

describe('the code reference', () => {
  it('puts the caller-identity codes in one family that leads into the rejected-or-blocked branch', () => {
    for (const code of [428, 433, 436, 437, 438, 603, '603+', 607, 608] as const) {
      const family = familyOf(reference, code);
      expect(family?.id, String(code)).toBe('caller-identity');
      const entry = reference.codes.find((candidate) => candidate.code === code);
      expect(entry?.leadsTo.startsWith('/rejected-blocked/'), String(code)).toBe(true);
    }
    expect(familyOf(reference, 503)).toBeUndefined();
  });

  it('lists the Q.850 causes that typically become a 503', () => {
    expect(q850For(reference, 503).map((cause) => cause.cause)).toEqual([
      34, 38, 41, 42, 47, 58, 88,
    ]);
  });

  it('gives 503 a route-advance callout that leads to the LCR outcome', () => {
    const entry = reference.codes.find((candidate) => candidate.code === 503);
    expect(entry?.retry.advice).toBe('route-advance');
    expect(entry?.callout?.link?.leadsTo).toBe('/never-connects/sip-code/503/lcr/occasional');
  });

  it('reads the class from the first digit', () => {
    expect(classOf(183)).toBe(1);
    expect(classOf('603+')).toBe(6);
  });
});
