import { FINDING_IDS } from '../../analyzer/settings.ts';
import { TEST_THRESHOLDS } from '../../analyzer/test-support/sip-scenario.ts';
import { ACCEPTED_EXTRAS, IANA_RESPONSE_CODES } from '../sip-registry.ts';
import type { SourceFile } from '../source-file.ts';

/**
 * A small, valid content set to break on purpose in tests: start → symptom → two outcomes, one of
 * them also reachable directly from the start.
 */
export function validFiles(): SourceFile[] {
  return [
    {
      file: 'content/config.yaml',
      role: 'config',
      data: {
        schemaVersion: 1,
        brand: { name: 'Test Troubleshooter', tagline: 'Testing.' },
        provider: { name: 'Acme Voice', supportEmail: 'help@acme.test' },
        products: { lcr: 'Acme LCR', direct: 'Acme Direct' },
        defaultCountry: 'GB',
      },
    },
    {
      file: 'content/support.yaml',
      role: 'support',
      data: {
        schemaVersion: 1,
        conditions: [
          { id: 'reproducible', text: 'It happens every time.' },
          { id: 'persistent-5xx-6xx', text: '5xx keep coming.' },
          { id: 'many-destinations', text: 'Many destinations fail.' },
          { id: 'audio-after-network-checks', text: 'Audio still bad.', afterChecks: 'two' },
        ],
        checklist: [{ id: 'numbers', text: 'The numbers' }],
      },
    },
    {
      file: 'content/procedure.yaml',
      role: 'procedure',
      data: {
        schemaVersion: 1,
        title: 'Five steps',
        intro: 'Do these.',
        steps: [
          { id: 'one', title: 'One', checks: [{ id: 'check-one', text: 'Check one' }] },
          { id: 'two', title: 'Two', checks: [{ id: 'check-two', text: 'Check two' }] },
        ],
      },
    },
    {
      file: 'content/codes.yaml',
      role: 'codes',
      data: {
        schemaVersion: 1,
        classes: [1, 2, 3, 4, 5, 6].map((c) => ({
          class: c,
          name: `Class ${c}`,
          meaning: `Any ${c}xx code.`,
          retry: { advice: 'fix-first' },
          leadsTo: '/',
        })),
        // The content check wants every registered code, so the fixture lists them all.
        codes: [...IANA_RESPONSE_CODES, ...ACCEPTED_EXTRAS].map(([code, phrase]) => ({
          code,
          phrase,
          meaning: `${String(code)} means ${phrase}.`,
          causes: ['A cause.'],
          retry: { advice: 'fix-first' },
          leadsTo: code === 503 ? '/fails' : '/',
        })),
        families: [],
        afterAnswer: { answered: '/quiet', dropped: '/fails' },
        q850: [{ cause: 34, name: 'No circuit/channel available', meaning: 'Full.', sip: 503 }],
      },
    },
    {
      file: 'content/analyzer.yaml',
      role: 'analyzer',
      data: {
        schemaVersion: 1,
        thresholds: { ...TEST_THRESHOLDS },
        findings: {
          'final-response': { title: 'Call refused' },
          ...Object.fromEntries(
            FINDING_IDS.filter((id) => id !== 'final-response').map((id) => [
              id,
              { title: `Finding ${id}`, leadsTo: '/quiet' },
            ]),
          ),
        },
      },
    },
    {
      file: 'content/tree/main.yaml',
      role: 'tree',
      data: {
        schemaVersion: 1,
        nodes: [
          {
            id: 'start',
            kind: 'question',
            title: 'What happens?',
            script: { ask: 'What happens when you call?' },
            answers: [
              { id: 'fails', label: 'It fails', next: 'symptom' },
              { id: 'quiet', label: 'It is quiet', next: 'outcome-b' },
            ],
          },
          {
            id: 'symptom',
            kind: 'question',
            title: 'Which symptom?',
            script: { ask: 'Which symptom do you notice?', listenFor: ['A', 'B'] },
            answers: [
              { id: 'a', label: 'A', next: 'outcome-a' },
              { id: 'b', label: 'B', next: 'outcome-b' },
            ],
          },
          outcome('outcome-a', 'Outcome A at {provider}'),
          outcome('outcome-b', 'Outcome B'),
        ],
      },
    },
  ];
}

export function outcome(id: string, title: string) {
  return {
    id,
    kind: 'outcome',
    title,
    summary: 'What it means.',
    cause: 'Why it happens.',
    steps: [{ id: 'fix', text: 'Fix it.' }],
    retry: { advice: 'fix-first', note: 'Fix first.' },
    support: { when: ['reproducible'] },
  };
}

/** The tree file's nodes, for mutating in a test. */
export function treeNodes(files: SourceFile[]): Record<string, unknown>[] {
  const tree = files.find((f) => f.role === 'tree');
  return (tree?.data as { nodes: Record<string, unknown>[] }).nodes;
}

export function nodeById(files: SourceFile[], id: string): Record<string, unknown> {
  const node = treeNodes(files).find((n) => n.id === id);
  if (!node) throw new Error(`No fixture node ${id}`);
  return node;
}
