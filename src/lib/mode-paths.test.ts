import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addressInMode,
  modeOf,
  routerBasename,
  viewOf,
  viewPrefix,
  VIEWS,
  type View,
} from './mode-paths.ts';

const CUSTOMER: View = { mode: 'customer', embedded: false };
const AGENT: View = { mode: 'agent', embedded: false };
const EMBED: View = { mode: 'customer', embedded: true };
const EMBED_AGENT: View = { mode: 'agent', embedded: true };

describe('viewOf', () => {
  const cases: [pathname: string, view: View][] = [
    ['/', CUSTOMER],
    ['', CUSTOMER],
    ['/never-connects/sip-code', CUSTOMER],
    ['/agent', AGENT],
    ['/agent/', AGENT],
    ['/agent/x', AGENT],
    ['/embed', EMBED],
    ['/embed/', EMBED],
    ['/embed/x', EMBED],
    ['/embed/agent', EMBED_AGENT],
    ['/embed/agent/x', EMBED_AGENT],
    // Only whole segments count.
    ['/agentx', CUSTOMER],
    ['/agents/x', CUSTOMER],
    ['/embedded', CUSTOMER],
    ['/embed.js', CUSTOMER],
    ['/embed/agentx', EMBED],
    // The embed prefix comes first or not at all.
    ['/agent/embed/x', AGENT],
    ['/x/agent', CUSTOMER],
    ['/x/embed', CUSTOMER],
  ];

  it.each(cases)('reads %j as %o', (pathname, view) => {
    expect(viewOf(pathname)).toEqual(view);
    expect(modeOf(pathname)).toBe(view.mode);
  });
});

describe('viewPrefix', () => {
  it('puts the embed prefix before the agent one', () => {
    expect(VIEWS.map(viewPrefix)).toEqual(['', '/agent', '/embed', '/embed/agent']);
    expect(viewPrefix(CUSTOMER)).toBe('');
    expect(viewPrefix(AGENT)).toBe('/agent');
    expect(viewPrefix(EMBED)).toBe('/embed');
    expect(viewPrefix(EMBED_AGENT)).toBe('/embed/agent');
  });

  it('lists each of the four views once', () => {
    expect(VIEWS).toHaveLength(4);
    expect(new Set(VIEWS.map(viewPrefix)).size).toBe(4);
    for (const view of VIEWS) expect(viewOf(viewPrefix(view) || '/')).toEqual(view);
  });
});

describe('routerBasename', () => {
  it('adds the view prefix to the base path, without a trailing slash', () => {
    expect(VIEWS.map((view) => routerBasename('/', view))).toEqual([
      '/',
      '/agent',
      '/embed',
      '/embed/agent',
    ]);
    expect(VIEWS.map((view) => routerBasename('/help/ct/', view))).toEqual([
      '/help/ct',
      '/help/ct/agent',
      '/help/ct/embed',
      '/help/ct/embed/agent',
    ]);
  });

  it('takes a plain mode as that mode, not embedded', () => {
    expect(routerBasename('/', 'customer')).toBe('/');
    expect(routerBasename('/', 'agent')).toBe('/agent');
    expect(routerBasename('/help/ct/', 'customer')).toBe('/help/ct');
    expect(routerBasename('/help/ct/', 'agent')).toBe('/help/ct/agent');
  });

  it('treats a base with or without its trailing slash alike', () => {
    for (const view of VIEWS) {
      expect(routerBasename('/help/ct', view)).toBe(routerBasename('/help/ct/', view));
      expect(routerBasename('', view)).toBe(routerBasename('/', view));
    }
  });
});

describe('addressInMode', () => {
  it('builds document addresses for each view', () => {
    expect(addressInMode('/', CUSTOMER, '/')).toBe('/');
    expect(addressInMode('/', CUSTOMER, '')).toBe('/');
    expect(addressInMode('/', AGENT, '/')).toBe('/agent/');
    expect(addressInMode('/', 'agent', '/broken-audio')).toBe('/agent/broken-audio');
    expect(addressInMode('/', EMBED, '/codes/503')).toBe('/embed/codes/503');
    expect(addressInMode('/help/ct/', CUSTOMER, '/')).toBe('/help/ct/');
    expect(addressInMode('/help/ct/', 'customer', '/support')).toBe('/help/ct/support');
    expect(addressInMode('/help/ct/', EMBED_AGENT, '/')).toBe('/help/ct/embed/agent/');
    expect(addressInMode('/help/ct/', EMBED_AGENT, '/x/y')).toBe('/help/ct/embed/agent/x/y');
  });

  const slug = fc.stringMatching(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  const segment = fc.oneof(slug, fc.constantFrom('agent', 'embed', 'agents', 'embedded', '503'));
  // The router's own paths never start with a view prefix (the content check reserves those as
  // first answers), so the first segment is anything but `agent` and `embed`.
  const routerPaths = fc
    .array(segment, { maxLength: 6 })
    .filter((segments) => segments[0] !== 'agent' && segments[0] !== 'embed')
    .map((segments) => `/${segments.join('/')}`);
  const bases = fc.oneof(
    fc.constantFrom('/', '/help/ct/'),
    fc.array(slug, { minLength: 1, maxLength: 3 }).map((segments) => `/${segments.join('/')}/`),
  );
  const views = fc.constantFrom(...VIEWS);

  it('lands in the view it was asked for, ending with the path', () => {
    fc.assert(
      fc.property(bases, views, routerPaths, (base, view, path) => {
        const address = addressInMode(base, view, path);
        expect(address.startsWith(base)).toBe(true);
        const relative = address.slice(base.length - 1);
        expect(viewOf(relative)).toEqual(view);
        expect(address.endsWith(path)).toBe(true);
        // Taking the base and the view's prefix off gives the router's path back.
        expect(relative.slice(viewPrefix(view).length)).toBe(path);
      }),
    );
  });

  it('agrees with routerBasename: the address is the basename plus the path', () => {
    fc.assert(
      fc.property(bases, views, routerPaths, (base, view, path) => {
        const root = routerBasename(base, view).replace(/\/$/, '');
        expect(addressInMode(base, view, path)).toBe(root + path);
      }),
    );
  });
});
