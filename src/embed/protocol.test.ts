import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  envelope,
  EVENT_TYPES,
  frameName,
  PAGE_KINDS,
  PROTOCOL,
  PROTOCOL_VERSION,
  readAccent,
  readEventDetail,
  readFrameMessage,
  readFrameName,
  readHostMessage,
  readTheme,
  THEMES,
  TICKET_METHODS,
  type EventDetail,
  type FrameConfig,
  type HostMessage,
} from './protocol.ts';

const REQUIRED = ['type', 'widget', 'page', 'nodeId', 'title', 'path', 'agent', 'timestamp'];
const OPTIONAL = ['category', 'fixed', 'method'];
const DOCUMENTED = [...REQUIRED, ...OPTIONAL];

const detail: EventDetail = {
  type: 'outcome',
  widget: 'help-widget',
  page: 'outcome',
  nodeId: 'one-way-audio',
  title: 'Audio is only getting through in one direction',
  path: '/broken-audio/one-way',
  agent: false,
  timestamp: '2024-05-01T12:30:00.000Z',
  category: 'broken-audio',
};

const resize = envelope({ type: 'resize', widget: 'help-widget', height: 480 });
const event = envelope({ type: 'event', widget: 'help-widget', event: detail });

const config: HostMessage = {
  type: 'config',
  widget: 'help-widget',
  theme: 'dark',
  accent: '#0a7',
};

/** A copy of `value` with one field replaced (or added). */
function withField(value: object, key: string, field: unknown): Record<string, unknown> {
  return { ...value, [key]: field };
}

/** A copy of `value` without one field. */
function without(value: object, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
}

/** An event message whose detail has one field replaced. */
function eventWith(key: string, field: unknown) {
  return { ...event, event: withField(detail, key, field) };
}

// Arbitraries for everything the protocol documents as valid.
const id = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,99}$/);
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,99}$/);
const path = fc.stringMatching(/^\/[a-z0-9/+-]{0,400}$/);
const timestamp = fc
  .date({
    min: new Date('1970-01-01T00:00:00.000Z'),
    max: new Date('9999-12-31T23:59:59.999Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString());
const theme = fc.constantFrom(...THEMES);
const accent = fc.oneof(
  fc.constant(null),
  fc.stringMatching(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/),
);

const eventDetails: fc.Arbitrary<EventDetail> = fc.record(
  {
    type: fc.constantFrom(...EVENT_TYPES),
    widget: id,
    page: fc.constantFrom(...PAGE_KINDS),
    nodeId: fc.option(slug, { nil: null }),
    title: fc.string({ maxLength: 500 }),
    path,
    agent: fc.boolean(),
    timestamp,
    category: slug,
    fixed: fc.boolean(),
    method: fc.constantFrom(...TICKET_METHODS),
  },
  {
    requiredKeys: ['type', 'widget', 'page', 'nodeId', 'title', 'path', 'agent', 'timestamp'],
    noNullPrototype: true,
  },
);

const frameConfigs: fc.Arbitrary<FrameConfig> = fc.record(
  {
    host: fc.oneof(
      fc
        .webUrl()
        .map((url) => new URL(url).origin)
        .filter((origin) => origin.length <= 300),
      fc.string({ maxLength: 300 }),
    ),
    widget: id,
    theme,
    accent,
  },
  { noNullPrototype: true },
);

const hostMessages: fc.Arbitrary<HostMessage> = fc.record(
  {
    type: fc.constant('config' as const),
    widget: id,
    theme,
    accent,
  },
  { noNullPrototype: true },
);

/** Accent values that are not `#rgb` or `#rrggbb`: both sides must refuse them. */
const NOT_HEX_COLOURS: (string | undefined)[] = [
  'red',
  '#12',
  '#1234',
  '#12345',
  '#1234567',
  '#ggg',
  'abc',
  'url(#abc)',
  'rgb(0, 0, 0)',
  '#abc;background:red',
  '',
  '   ',
  undefined,
];

describe('readFrameMessage', () => {
  it('accepts a reveal message with a top and a height, and nothing else', () => {
    const reveal = envelope({ type: 'reveal', widget: 'help-widget', top: 900, height: 300 });
    expect(readFrameMessage(reveal)).toEqual({
      type: 'reveal',
      widget: 'help-widget',
      top: 900,
      height: 300,
    });
    expect(readFrameMessage({ ...reveal, top: -1 })).toBeNull();
    expect(readFrameMessage({ ...reveal, height: Number.NaN })).toBeNull();
    expect(readFrameMessage({ ...reveal, top: '900' })).toBeNull();
    expect(readFrameMessage({ ...reveal, left: 0 })).toBeNull();
    const { height: _height, ...noHeight } = reveal;
    expect(readFrameMessage(noHeight)).toBeNull();
    expect(readFrameMessage({ ...reveal, top: 5e9 })).toMatchObject({ top: 1_000_000 });
  });

  it('accepts a valid resize message', () => {
    expect(readFrameMessage(resize)).toEqual({
      type: 'resize',
      widget: 'help-widget',
      height: 480,
    });
  });

  it('accepts a valid event message and rebuilds its detail', () => {
    const message = readFrameMessage(event);
    expect(message).toEqual({ type: 'event', widget: 'help-widget', event: detail });
    if (message?.type !== 'event') throw new Error('expected an event message');
    expect(message.event).not.toBe(detail);
  });

  it('accepts heights of 0 and fractions, and caps them at 1,000,000', () => {
    expect(readFrameMessage(withField(resize, 'height', 0))).toMatchObject({ height: 0 });
    expect(readFrameMessage(withField(resize, 'height', 480.5))).toMatchObject({ height: 480.5 });
    expect(readFrameMessage(withField(resize, 'height', 1_000_000))).toMatchObject({
      height: 1_000_000,
    });
    expect(readFrameMessage(withField(resize, 'height', 1_000_001))).toMatchObject({
      height: 1_000_000,
    });
    expect(readFrameMessage(withField(resize, 'height', Number.MAX_VALUE))).toMatchObject({
      height: 1_000_000,
    });
  });

  it('rejects anything that is not an object', () => {
    for (const value of [
      null,
      undefined,
      0,
      'resize',
      true,
      [],
      [resize],
      JSON.stringify(resize),
    ]) {
      expect(readFrameMessage(value), JSON.stringify(value)).toBeNull();
    }
  });

  it('rejects another protocol or version', () => {
    for (const message of [resize, event]) {
      expect(readFrameMessage(withField(message, 'protocol', 'other'))).toBeNull();
      expect(readFrameMessage(withField(message, 'protocol', PROTOCOL.toUpperCase()))).toBeNull();
      expect(readFrameMessage(withField(message, 'version', PROTOCOL_VERSION + 1))).toBeNull();
      expect(readFrameMessage(withField(message, 'version', String(PROTOCOL_VERSION)))).toBeNull();
      expect(readFrameMessage(without(message, 'protocol'))).toBeNull();
      expect(readFrameMessage(without(message, 'version'))).toBeNull();
    }
  });

  it('rejects unknown types, and a type that does not match the fields', () => {
    expect(readFrameMessage(withField(resize, 'type', 'config'))).toBeNull();
    expect(readFrameMessage(withField(resize, 'type', 'Resize'))).toBeNull();
    expect(readFrameMessage(withField(resize, 'type', 'event'))).toBeNull();
    expect(readFrameMessage(withField(event, 'type', 'resize'))).toBeNull();
    expect(readFrameMessage(without(resize, 'type'))).toBeNull();
  });

  it('rejects an extra top-level field', () => {
    expect(readFrameMessage(withField(resize, 'extra', 1))).toBeNull();
    expect(readFrameMessage(withField(resize, 'event', detail))).toBeNull();
    expect(readFrameMessage(withField(event, 'height', 10))).toBeNull();
    expect(readFrameMessage(withField(event, 'phone', '+15550100'))).toBeNull();
  });

  it('rejects a missing field', () => {
    for (const key of ['widget', 'height']) {
      expect(readFrameMessage(without(resize, key)), key).toBeNull();
    }
    for (const key of ['widget', 'event']) {
      expect(readFrameMessage(without(event, key)), key).toBeNull();
    }
    for (const key of REQUIRED) {
      expect(readFrameMessage({ ...event, event: without(detail, key) }), key).toBeNull();
    }
  });

  it('rejects a negative, NaN, infinite or non-number height', () => {
    for (const height of [-1, -0.5, NaN, Infinity, -Infinity, '480', null, undefined, 10n]) {
      expect(readFrameMessage(withField(resize, 'height', height)), String(height)).toBeNull();
    }
  });

  it('rejects a widget name that is not an id', () => {
    for (const widget of ['', '1widget', 'help widget', '-widget', 'a'.repeat(101), 7, null]) {
      expect(readFrameMessage(withField(resize, 'widget', widget)), String(widget)).toBeNull();
    }
    expect(readFrameMessage(withField(resize, 'widget', 'a'.repeat(100)))).not.toBeNull();
  });

  it('rejects an event whose detail has an extra field', () => {
    expect(readFrameMessage(eventWith('phone', '+15550100'))).toBeNull();
    expect(readFrameMessage(eventWith('notes', 'the caller said…'))).toBeNull();
  });

  it('rejects an event whose detail names another widget', () => {
    expect(readFrameMessage(eventWith('widget', 'other-widget'))).toBeNull();
  });

  it('rejects an event detail that is not an object', () => {
    for (const value of [null, 'step', [detail], 1]) {
      expect(readFrameMessage({ ...event, event: value })).toBeNull();
    }
  });

  it('rejects values outside the enums', () => {
    expect(readFrameMessage(eventWith('type', 'click'))).toBeNull();
    expect(readFrameMessage(eventWith('type', 'Step'))).toBeNull();
    expect(readFrameMessage(eventWith('page', 'home'))).toBeNull();
    expect(readFrameMessage(eventWith('method', 'fax'))).toBeNull();
    expect(readFrameMessage(eventWith('method', null))).toBeNull();
    for (const method of TICKET_METHODS) {
      expect(readFrameMessage(eventWith('method', method)), method).not.toBeNull();
    }
  });

  it('rejects a node id or category with spaces or other non-id characters', () => {
    expect(readFrameMessage(eventWith('nodeId', 'one way audio'))).toBeNull();
    expect(readFrameMessage(eventWith('nodeId', 'one-way-audio '))).toBeNull();
    expect(readFrameMessage(eventWith('nodeId', ''))).toBeNull();
    expect(readFrameMessage(eventWith('nodeId', undefined))).toBeNull();
    expect(readFrameMessage(eventWith('category', 'broken audio'))).toBeNull();
    expect(readFrameMessage(eventWith('nodeId', null))).not.toBeNull();
    // Content ids are slugs: they may start with a digit, never hold capitals.
    expect(readFrameMessage(eventWith('nodeId', '503-busy'))).not.toBeNull();
    expect(readFrameMessage(eventWith('category', 'Broken-audio'))).toBeNull();
  });

  it('rejects a path that does not start with a slash or has other characters', () => {
    for (const bad of [
      'broken-audio/one-way',
      '',
      '/Broken-Audio',
      '/broken-audio?phone=555',
      '/broken-audio#x',
      '/broken audio',
      '/broken_audio',
      `/${'a'.repeat(401)}`,
    ]) {
      expect(readFrameMessage(eventWith('path', bad)), bad).toBeNull();
    }
    expect(readFrameMessage(eventWith('path', '/'))).not.toBeNull();
    expect(readFrameMessage(eventWith('path', `/${'a'.repeat(400)}`))).not.toBeNull();
  });

  it('rejects a timestamp that is not ISO 8601 in UTC', () => {
    for (const bad of [
      '2024-05-01T14:30:00+02:00',
      '2024-05-01 12:30:00Z',
      '2024-05-01',
      '2024-05-01T12:30:00',
      '2024-05-01T12:30:00.0000Z',
      'Wed, 01 May 2024 12:30:00 GMT',
      1714566600000,
    ]) {
      expect(readFrameMessage(eventWith('timestamp', bad)), String(bad)).toBeNull();
    }
    expect(readFrameMessage(eventWith('timestamp', '2024-05-01T12:30:00Z'))).not.toBeNull();
  });

  it('rejects a title over 500 characters', () => {
    expect(readFrameMessage(eventWith('title', 'x'.repeat(500)))).not.toBeNull();
    expect(readFrameMessage(eventWith('title', 'x'.repeat(501)))).toBeNull();
    expect(readFrameMessage(eventWith('title', 42))).toBeNull();
  });

  it('rejects a non-boolean agent or fixed', () => {
    for (const bad of ['false', 0, 1, null]) {
      expect(readFrameMessage(eventWith('agent', bad)), String(bad)).toBeNull();
      expect(readFrameMessage(eventWith('fixed', bad)), String(bad)).toBeNull();
    }
    expect(readFrameMessage(eventWith('fixed', true))).not.toBeNull();
  });

  it('never throws, and accepts only what it hands back', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const message = readFrameMessage(value);
        if (message !== null) expect(value).toEqual(envelope(message));
      }),
    );
  });
});

describe('readEventDetail', () => {
  it('returns a new object with only the documented fields', () => {
    const read = readEventDetail(detail);
    expect(read).toEqual(detail);
    expect(read).not.toBe(detail);
    expect(Object.keys(read ?? {}).every((key) => DOCUMENTED.includes(key))).toBe(true);
  });

  it('keeps the optional fields when they are there', () => {
    const full: EventDetail = { ...detail, type: 'feedback', fixed: false, method: 'send' };
    expect(readEventDetail(full)).toEqual(full);
    const bare = without(detail, 'category');
    expect(Object.keys(readEventDetail(bare) ?? {}).sort()).toEqual([...REQUIRED].sort());
  });

  it('gives back any valid detail unchanged', () => {
    fc.assert(
      fc.property(eventDetails, (value) => {
        const read = readEventDetail(value);
        expect(read).toStrictEqual(value);
        expect(read).not.toBe(value);
      }),
    );
  });

  it('rejects any valid detail with one more field', () => {
    const extraKey = fc.string().filter((key) => !DOCUMENTED.includes(key));
    fc.assert(
      fc.property(eventDetails, extraKey, fc.anything(), (value, key, extra) => {
        expect(readEventDetail({ ...value, [key]: extra })).toBeNull();
      }),
    );
  });

  it('never throws on anything', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const read = readEventDetail(value);
        if (read !== null) expect(read).toEqual(value);
      }),
    );
  });
});

describe('readHostMessage', () => {
  it('accepts a valid config', () => {
    expect(readHostMessage(envelope(config))).toEqual(config);
    expect(readHostMessage(envelope({ ...config, accent: null }))).toEqual({
      ...config,
      accent: null,
    });
    expect(readHostMessage(envelope({ ...config, accent: '#00AA77' }))).toEqual({
      ...config,
      accent: '#00AA77',
    });
  });

  it('accepts every valid config, and gives back exactly it', () => {
    fc.assert(
      fc.property(hostMessages, (message) => {
        expect(readHostMessage(envelope(message))).toStrictEqual(message);
      }),
    );
  });

  it('never throws, and is null for anything but a valid config', () => {
    const inputs = fc.oneof(
      fc.anything(),
      hostMessages.map((message) => envelope(message)),
      fc
        .tuple(
          hostMessages,
          fc.constantFrom('protocol', 'version', 'type', 'widget', 'theme', 'accent'),
          fc.anything(),
        )
        .map(([message, key, value]) => withField(envelope(message), key, value)),
    );
    fc.assert(
      fc.property(inputs, (value) => {
        const message = readHostMessage(value);
        if (message !== null) expect(value).toEqual(envelope(message));
      }),
    );
  });

  it('takes only #rgb or #rrggbb or null as the accent', () => {
    for (const bad of NOT_HEX_COLOURS) {
      expect(readHostMessage(withField(envelope(config), 'accent', bad)), String(bad)).toBeNull();
    }
    expect(readHostMessage(without(envelope(config), 'accent'))).toBeNull();
  });

  it('takes only the three themes', () => {
    for (const bad of ['Dark', 'blue', '', null, ' light']) {
      expect(readHostMessage(withField(envelope(config), 'theme', bad)), String(bad)).toBeNull();
    }
    for (const good of THEMES) {
      expect(readHostMessage(withField(envelope(config), 'theme', good))).toMatchObject({
        theme: good,
      });
    }
  });

  it('rejects other types, extra fields, a bad widget and frame messages', () => {
    expect(readHostMessage(withField(envelope(config), 'type', 'resize'))).toBeNull();
    expect(readHostMessage(withField(envelope(config), 'extra', true))).toBeNull();
    expect(readHostMessage(withField(envelope(config), 'widget', 'help widget'))).toBeNull();
    expect(readHostMessage(withField(envelope(config), 'version', 2))).toBeNull();
    expect(readHostMessage(resize)).toBeNull();
    expect(readHostMessage(event)).toBeNull();
    expect(readFrameMessage(envelope(config))).toBeNull();
  });
});

describe('frameName and readFrameName', () => {
  const valid: FrameConfig = {
    host: 'https://help.example.com',
    widget: 'help-widget',
    theme: 'auto',
    accent: null,
  };
  const prefix = 'call-troubleshooter:';

  it('reads back what it writes', () => {
    expect(frameName(valid).startsWith(prefix)).toBe(true);
    expect(readFrameName(frameName(valid))).toEqual(valid);
    fc.assert(
      fc.property(frameConfigs, (value) => {
        expect(readFrameName(frameName(value))).toStrictEqual(value);
      }),
    );
  });

  it('rejects names without the prefix', () => {
    expect(readFrameName('')).toBeNull();
    expect(readFrameName(JSON.stringify(valid))).toBeNull();
    expect(readFrameName(`other:${JSON.stringify(valid)}`)).toBeNull();
    expect(readFrameName(` ${frameName(valid)}`)).toBeNull();
    expect(readFrameName(`Call-Troubleshooter:${JSON.stringify(valid)}`)).toBeNull();
  });

  it('rejects invalid JSON and JSON that is not an object', () => {
    for (const body of ['', '{', '{host: 1}', 'null', '[]', '"text"', '42', 'undefined']) {
      expect(readFrameName(prefix + body), body).toBeNull();
    }
  });

  it('rejects names over 2,000 characters', () => {
    const name = (host: string) => frameName({ ...valid, host });
    const fits = 'h'.repeat(300);
    expect(readFrameName(name(fits))).not.toBeNull();
    // Padding with whitespace keeps the JSON valid; only the length is wrong.
    const padded = `${frameName(valid)}${' '.repeat(2_000 - frameName(valid).length)}`;
    expect(padded.length).toBe(2_000);
    expect(readFrameName(padded)).toEqual(valid);
    expect(readFrameName(`${padded} `)).toBeNull();
  });

  it('rejects missing, extra or invalid keys', () => {
    for (const key of ['host', 'widget', 'theme', 'accent']) {
      expect(readFrameName(prefix + JSON.stringify(without(valid, key))), key).toBeNull();
    }
    expect(readFrameName(prefix + JSON.stringify({ ...valid, extra: 1 }))).toBeNull();
    expect(readFrameName(prefix + JSON.stringify({ ...valid, host: 'h'.repeat(301) }))).toBeNull();
    expect(readFrameName(prefix + JSON.stringify({ ...valid, host: 7 }))).toBeNull();
    expect(readFrameName(prefix + JSON.stringify({ ...valid, widget: '1x' }))).toBeNull();
    expect(readFrameName(prefix + JSON.stringify({ ...valid, theme: 'Dark' }))).toBeNull();
    expect(readFrameName(prefix + JSON.stringify({ ...valid, accent: 'red' }))).toBeNull();
  });

  it('never throws on any name', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => prefix + s),
        ),
        (name) => {
          const config = readFrameName(name);
          if (config !== null) expect(name.startsWith(prefix)).toBe(true);
        },
      ),
    );
  });
});

describe('readTheme', () => {
  it('ignores case and surrounding whitespace', () => {
    expect(readTheme('Dark')).toBe('dark');
    expect(readTheme(' light ')).toBe('light');
    expect(readTheme('\tAUTO\n')).toBe('auto');
    fc.assert(
      fc.property(
        theme,
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        fc.stringMatching(/^\s*$/),
        fc.stringMatching(/^\s*$/),
        (value, upper, before, after) => {
          const written = value
            .split('')
            .map((char, index) => (upper[index] ? char.toUpperCase() : char))
            .join('');
          expect(readTheme(before + written + after)).toBe(value);
        },
      ),
    );
  });

  it('is auto for anything unknown, empty or missing', () => {
    for (const value of ['blue', 'dark mode', 'darker', '', '  ', null, undefined]) {
      expect(readTheme(value), String(value)).toBe('auto');
    }
  });
});

describe('readAccent', () => {
  it('trims and lowercases hex colours', () => {
    expect(readAccent('#ABC')).toBe('#abc');
    expect(readAccent(' #00AA77 ')).toBe('#00aa77');
    expect(readAccent('#0a7')).toBe('#0a7');
  });

  it('is null for anything but #rgb or #rrggbb', () => {
    for (const value of [...NOT_HEX_COLOURS, null]) {
      expect(readAccent(value), String(value)).toBeNull();
    }
  });

  it('gives only values the protocol accepts as an accent', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const read = readAccent(value);
        if (read !== null) {
          expect(read).toMatch(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/);
          expect(readHostMessage(envelope({ ...config, accent: read }))).not.toBeNull();
        }
      }),
    );
  });
});
