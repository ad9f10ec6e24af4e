import { describe, expect, it } from 'vitest';
import type { ProblemKind } from './problems.ts';
import { nodeById, outcome, treeNodes, validFiles } from './test-support/fixture.ts';
import type { SourceFile } from './source-file.ts';
import { validateContent } from './validate.ts';

function problemsOf(files: SourceFile[]) {
  const result = validateContent(files);
  return result.ok ? [] : result.problems;
}

describe('validateContent', () => {
  it('accepts valid content and fills in placeholders from the config', () => {
    const result = validateContent(validFiles());
    expect(result.problems).toEqual([]);
    expect(result.ok && result.content.nodes['outcome-a']?.title).toBe('Outcome A at Acme Voice');
  });

  // One broken fixture per problem kind: each must be reported with its file and node id.
  const cases: {
    kind: ProblemKind;
    breakIt: (files: SourceFile[]) => void;
    nodeId: string | undefined;
    file: string;
    mentions: string;
  }[] = [
    {
      kind: 'dangling-reference',
      breakIt: (files) => {
        const symptom = nodeById(files, 'symptom') as { answers: { next: string }[] };
        symptom.answers[0]!.next = 'outcome-aa';
      },
      nodeId: 'symptom',
      file: 'content/tree/main.yaml',
      mentions: 'Did you mean "outcome-a"?',
    },
    {
      kind: 'unreachable',
      breakIt: (files) => treeNodes(files).push(outcome('orphan', 'Orphan')),
      nodeId: 'orphan',
      file: 'content/tree/main.yaml',
      mentions: 'nobody can reach',
    },
    {
      kind: 'cycle',
      breakIt: (files) => {
        const symptom = nodeById(files, 'symptom') as { answers: unknown[] };
        symptom.answers.push({ id: 'again', label: 'Again', next: 'start' });
      },
      nodeId: 'start',
      file: 'content/tree/main.yaml',
      mentions: 'start → symptom → start',
    },
    {
      kind: 'dead-end',
      breakIt: (files) => {
        nodeById(files, 'symptom').answers = [];
      },
      nodeId: 'symptom',
      file: 'content/tree/main.yaml',
      mentions: 'no answers',
    },
    {
      kind: 'outcome-without-steps',
      breakIt: (files) => {
        nodeById(files, 'outcome-b').steps = [];
      },
      nodeId: 'outcome-b',
      file: 'content/tree/main.yaml',
      mentions: 'no fix steps',
    },
    {
      kind: 'duplicate-id',
      breakIt: (files) => {
        files.push({
          file: 'content/tree/other.yaml',
          role: 'tree',
          data: { schemaVersion: 1, nodes: [outcome('outcome-a', 'Again')] },
        });
      },
      nodeId: 'outcome-a',
      file: 'content/tree/other.yaml',
      mentions: 'content/tree/main.yaml',
    },
    {
      kind: 'unknown-key',
      breakIt: (files) => {
        const node = nodeById(files, 'outcome-a');
        node.titel = node.title;
      },
      nodeId: 'outcome-a',
      file: 'content/tree/main.yaml',
      mentions: 'Did you mean "title"?',
    },
    {
      kind: 'duplicate-answer',
      breakIt: (files) => {
        const symptom = nodeById(files, 'symptom') as { answers: { id: string }[] };
        symptom.answers[1]!.id = 'a';
      },
      nodeId: 'symptom',
      file: 'content/tree/main.yaml',
      mentions: '"a"',
    },
    {
      kind: 'duplicate-label',
      breakIt: (files) => {
        const symptom = nodeById(files, 'symptom') as { answers: { label: string }[] };
        symptom.answers[1]!.label = 'a';
      },
      nodeId: 'symptom',
      file: 'content/tree/main.yaml',
      mentions: 'label',
    },
    {
      kind: 'duplicate-step',
      breakIt: (files) => {
        nodeById(files, 'outcome-a').steps = [
          { id: 'same', text: 'One.' },
          { id: 'same', text: 'Two.' },
        ];
      },
      nodeId: 'outcome-a',
      file: 'content/tree/main.yaml',
      mentions: '"same"',
    },
    {
      kind: 'unknown-condition',
      breakIt: (files) => {
        nodeById(files, 'outcome-a').support = { when: ['reproducable'] };
      },
      nodeId: 'outcome-a',
      file: 'content/tree/main.yaml',
      mentions: 'Did you mean "reproducible"?',
    },
    {
      kind: 'unknown-placeholder',
      breakIt: (files) => {
        nodeById(files, 'outcome-b').summary = 'Call {provder} now.';
      },
      nodeId: 'outcome-b',
      file: 'content/tree/main.yaml',
      mentions: 'Did you mean "provider"?',
    },
    {
      kind: 'missing-start',
      breakIt: (files) => {
        nodeById(files, 'start').id = 'begin';
      },
      nodeId: undefined,
      file: 'content/tree',
      mentions: '"start"',
    },
    {
      kind: 'reserved-segment',
      breakIt: (files) => {
        const start = nodeById(files, 'start') as { answers: { id: string }[] };
        start.answers[0]!.id = 'procedure';
      },
      nodeId: 'start',
      file: 'content/tree/main.yaml',
      mentions: '"procedure"',
    },
    {
      kind: 'schema',
      breakIt: (files) => {
        nodeById(files, 'outcome-a').retry = { advice: 'maybe', note: 'Hmm.' };
      },
      nodeId: 'outcome-a',
      file: 'content/tree/main.yaml',
      mentions: 'retry.advice',
    },
    {
      kind: 'missing-file',
      breakIt: (files) => {
        files.splice(
          files.findIndex((f) => f.role === 'support'),
          1,
        );
      },
      nodeId: undefined,
      file: 'content/support.yaml',
      mentions: 'missing',
    },
  ];

  it.each(cases)(
    'reports $kind with the file and node',
    ({ kind, breakIt, nodeId, file, mentions }) => {
      const files = validFiles();
      breakIt(files);
      const problem = problemsOf(files).find((p) => p.kind === kind);
      expect(problem, `expected a ${kind} problem`).toBeDefined();
      expect(problem?.file).toBe(file);
      expect(problem?.nodeId).toBe(nodeId);
      expect(problem?.message).toContain(mentions);
    },
  );

  it('reports a check id used twice in the five-step check', () => {
    const files = validFiles();
    const procedure = files.find((f) => f.role === 'procedure')!.data as {
      steps: { checks: { id: string }[] }[];
    };
    procedure.steps[1]!.checks[0]!.id = 'check-one';
    const problem = problemsOf(files).find((p) => p.kind === 'duplicate-step');
    expect(problem).toMatchObject({ file: 'content/procedure.yaml', nodeId: 'two' });
    expect(problem?.message).toContain('"check-one"');
  });

  it('requires all four support conditions and checks their afterChecks step', () => {
    const files = validFiles();
    const support = files.find((f) => f.role === 'support')!.data as {
      conditions: { id: string; afterChecks?: string }[];
    };
    support.conditions = support.conditions.filter((c) => c.id !== 'many-destinations');
    support.conditions.at(-1)!.afterChecks = 'twoo';
    const problems = problemsOf(files).filter((p) => p.file === 'content/support.yaml');
    expect(problems.map((p) => p.message)).toEqual([
      'Every condition needs its text; missing: many-destinations. The support request page checks all 4.',
      'afterChecks names "twoo", which is not a step of the five-step check. Did you mean "two"?',
    ]);
  });

  it('reports a SIP code listed twice and a class without an entry', () => {
    const files = validFiles();
    const codes = codesData(files);
    const first = codes.codes.find((entry) => entry.code === 503)!;
    codes.codes.push({ ...first });
    codes.classes = codes.classes.filter((c) => c.class !== 3);
    expect(codeProblems(files)).toEqual([
      'The code 503 is listed twice.',
      'Every class needs an entry; missing: 3xx.',
    ]);
  });

  it('reports a registered code that is missing or misspelt', () => {
    const files = validFiles();
    const codes = codesData(files);
    codes.codes = codes.codes.filter((entry) => entry.code !== 486);
    codes.codes.find((entry) => entry.code === 480)!.phrase = 'Temporarily Unavailible';
    expect(codeProblems(files)).toEqual([
      'The phrase of 480 is "Temporarily Unavailible"; the registry says "Temporarily Unavailable".',
      'The code 486 Busy Here is missing. Every registered code needs an entry, so a pasted 486 is explained.',
    ]);
  });

  it('reports a leadsTo that is not a path of the tree, and a family code outside its branch', () => {
    const files = validFiles();
    const codes = codesData(files);
    codes.codes.find((entry) => entry.code === 404)!.leadsTo = '/fails/c';
    codes.codes.find((entry) => entry.code === 608)!.leadsTo = '/quiet';
    codes.families = [
      {
        id: 'identity',
        title: 'Identity',
        intro: 'Why.',
        guidance: ['Check.'],
        branch: '/fails',
        codes: [503, 608, 699],
      },
    ];
    codes.q850.push({ cause: 34, name: 'Again', meaning: 'Twice.' });
    expect(codeProblems(files)).toEqual([
      'The Q.850 cause 34 is listed twice.',
      'leadsTo "/fails/c" does not exist in the tree: "c" is not an answer at that point.',
      '608 leads to "/quiet", outside the family\'s branch "/fails".',
      'The family lists 699, which has no entry.',
    ]);
  });

  it('compiles the analyzer settings: thresholds, where findings and codes lead', () => {
    const result = validateContent(validFiles());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.analyzer.thresholds.jitterMs).toBe(30);
    expect(result.analyzer.findings['one-way-audio'].leadsTo).toMatchObject({
      path: '/quiet',
      nodeId: 'outcome-b',
    });
    expect(result.analyzer.findings['final-response'].leadsTo).toBeUndefined();
    expect(result.analyzer.codes['503']).toMatchObject({
      path: '/fails',
      phrase: 'Service Unavailable',
    });
    expect(result.analyzer.classes['4']).toMatchObject({ path: '/', nodeId: 'start' });
  });

  it('reports an analyzer finding that leads nowhere, and a missing analyzer file', () => {
    const files = validFiles();
    const analyzer = files.find((f) => f.role === 'analyzer')!.data as {
      findings: Record<string, { leadsTo?: string }>;
    };
    analyzer.findings['packet-loss']!.leadsTo = '/quiet/nowhere';
    expect(
      problemsOf(files)
        .filter((p) => p.file === 'content/analyzer.yaml')
        .map((p) => p.message),
    ).toEqual(['leadsTo "/quiet/nowhere" does not exist in the tree.']);
    const without = validFiles().filter((f) => f.role !== 'analyzer');
    expect(problemsOf(without).map((p) => p.message)).toContain('The analyzer file is missing.');
  });

  it('collects every problem instead of stopping at the first', () => {
    const files = validFiles();
    nodeById(files, 'outcome-b').steps = [];
    nodeById(files, 'symptom').answers = [];
    treeNodes(files).push(outcome('orphan', 'Orphan'));
    const kinds = problemsOf(files).map((p) => p.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['outcome-without-steps', 'dead-end', 'unreachable']),
    );
  });

  it('keeps checking the other nodes when one node is malformed', () => {
    const files = validFiles();
    nodeById(files, 'outcome-a').kind = 'diagnosis';
    nodeById(files, 'outcome-b').steps = [];
    const problems = problemsOf(files);
    expect(problems.find((p) => p.nodeId === 'outcome-a')?.message).toContain(
      'kind must be "question" or "outcome"',
    );
    expect(
      problems.some((p) => p.kind === 'outcome-without-steps' && p.nodeId === 'outcome-b'),
    ).toBe(true);
    // References to the malformed node are not reported again as dangling.
    expect(problems.some((p) => p.kind === 'dangling-reference')).toBe(false);
  });

  it('asks the loader for the line of each problem', () => {
    const files = validFiles();
    const tree = files.find((f) => f.role === 'tree')!;
    tree.locate = (path) => (path.join('.') === 'nodes.3.steps' ? 42 : undefined);
    nodeById(files, 'outcome-b').steps = [];
    const problem = problemsOf(files).find((p) => p.kind === 'outcome-without-steps');
    expect(problem?.line).toBe(42);
  });
});

describe('problem messages', () => {
  it('says plainly which field is missing', () => {
    const files = validFiles();
    delete nodeById(files, 'outcome-a').summary;
    const problem = validateContent(files).problems.find((p) => p.nodeId === 'outcome-a');
    expect(problem?.message).toBe('"summary" is missing.');
  });
});

interface CodesData {
  classes: { class: number }[];
  codes: { code: number | string; phrase: string; leadsTo: string }[];
  families: unknown[];
  q850: { cause: number; name: string; meaning: string }[];
}

function codesData(files: SourceFile[]): CodesData {
  return files.find((f) => f.role === 'codes')!.data as CodesData;
}

function codeProblems(files: SourceFile[]): string[] {
  return problemsOf(files)
    .filter((p) => p.file === 'content/codes.yaml')
    .map((p) => p.message);
}
