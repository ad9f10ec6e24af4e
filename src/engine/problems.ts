/** A single thing wrong with the content, located well enough for an author to fix it. */
export interface Problem {
  kind: ProblemKind;
  /** Path of the content file, relative to the project root. */
  file: string;
  /** The node (or other item) the problem belongs to, when there is one. */
  nodeId?: string;
  /** 1-based line in the file, when the loader could locate it. */
  line?: number;
  message: string;
}

export type ProblemKind =
  | 'yaml-syntax'
  | 'missing-file'
  | 'schema'
  | 'unknown-key'
  | 'duplicate-id'
  | 'duplicate-answer'
  | 'duplicate-label'
  | 'duplicate-step'
  | 'dangling-reference'
  | 'unknown-condition'
  | 'unknown-placeholder'
  | 'missing-start'
  | 'reserved-segment'
  | 'unreachable'
  | 'cycle'
  | 'dead-end'
  | 'missing-script'
  | 'outcome-without-steps';

/** `content/tree/x.yaml:12 [node-id] message` — the form editors and terminals make clickable. */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const node = problem.nodeId === undefined ? '' : ` [${problem.nodeId}]`;
  return `${where}${node} ${problem.kind}: ${problem.message}`;
}

export function formatProblems(problems: readonly Problem[]): string {
  const noun = problems.length === 1 ? 'problem' : 'problems';
  return [
    `${problems.length} content ${noun}:`,
    ...problems.map((p) => `  ${formatProblem(p)}`),
  ].join('\n');
}
