import { z } from 'zod';
import { findCycles, reachableFrom, START_ID } from './graph.ts';
import {
  fillPlaceholders,
  isPlaceholder,
  mapStrings,
  PLACEHOLDERS,
  placeholdersIn,
  stringsIn,
} from './placeholders.ts';
import type { Problem, ProblemKind } from './problems.ts';
import {
  CONTENT_SCHEMA_VERSION,
  ConfigFileSchema,
  NodeSchema,
  ProcedureFileSchema,
  SupportFileSchema,
  TreeFileSchema,
  type Content,
  type ContentNode,
  type NodeId,
  type Support,
} from './schema.ts';
import { didYouMean } from './suggest.ts';

export type FileRole = 'config' | 'support' | 'procedure' | 'tree';

type Path = readonly (string | number)[];

/** One content file as the loader read it. The engine never touches the file system. */
export interface SourceFile {
  /** Path relative to the project root, e.g. `content/tree/never-connects.yaml`. */
  file: string;
  role: FileRole;
  /** The parsed YAML. */
  data: unknown;
  /** The 1-based line of the value at `path` inside `data`, when the loader knows it. */
  locate?: (path: Path) => number | undefined;
}

export type ValidationResult =
  { ok: true; content: Content; problems: [] } | { ok: false; problems: Problem[] };

/**
 * Segments the app uses for its own pages. The start question's answers become the first segment of
 * every wizard URL, so they must not collide with these.
 */
export const RESERVED_SEGMENTS = [
  'agent',
  'analyze',
  'api',
  'assets',
  'codes',
  'embed',
  'map',
  'procedure',
  'support',
  'ticket',
] as const;

/**
 * Validates every content file and the graph they form, collecting every problem rather than
 * stopping at the first, and compiles the content when there are none.
 */
export function validateContent(files: readonly SourceFile[]): ValidationResult {
  const problems: Problem[] = [];
  const report = (
    source: SourceFile | string,
    kind: ProblemKind,
    message: string,
    where: { nodeId?: string | undefined; path?: Path } = {},
  ): void => {
    const file = typeof source === 'string' ? source : source.file;
    const line =
      typeof source === 'string' || where.path === undefined
        ? undefined
        : source.locate?.(where.path);
    problems.push({
      kind,
      file,
      message,
      ...(where.nodeId === undefined ? {} : { nodeId: where.nodeId }),
      ...(line === undefined ? {} : { line }),
    });
  };

  const config = parseSingle(files, 'config', ConfigFileSchema, report);
  const support = parseSingle(files, 'support', SupportFileSchema, report);
  const procedure = parseSingle(files, 'procedure', ProcedureFileSchema, report);
  const { nodes, origins, brokenIds } = parseTrees(
    files.filter((f) => f.role === 'tree'),
    report,
  );

  checkGraph(nodes, origins, brokenIds, support, report);
  checkPlaceholders(files, report);

  if (problems.length > 0 || !config || !support || !procedure) {
    return { ok: false, problems };
  }
  const fill = (text: string) => fillPlaceholders(text, config);
  return {
    ok: true,
    problems: [],
    content: {
      schemaVersion: CONTENT_SCHEMA_VERSION,
      config,
      startId: START_ID,
      nodes: mapStrings(Object.fromEntries(nodes), fill),
      support: mapStrings(support, fill),
      procedure: mapStrings(procedure, fill),
    },
  };
}

type Report = (
  source: SourceFile | string,
  kind: ProblemKind,
  message: string,
  where?: { nodeId?: string | undefined; path?: Path },
) => void;

const EXPECTED_FILE: Record<Exclude<FileRole, 'tree'>, string> = {
  config: 'content/config.yaml',
  support: 'content/support.yaml',
  procedure: 'content/procedure.yaml',
};

function parseSingle<S extends z.ZodType>(
  files: readonly SourceFile[],
  role: Exclude<FileRole, 'tree'>,
  schema: S,
  report: Report,
): z.infer<S> | undefined {
  const candidates = files.filter((f) => f.role === role);
  const source = candidates[0];
  if (source === undefined) {
    report(EXPECTED_FILE[role], 'missing-file', `The ${role} file is missing.`);
    return undefined;
  }
  const result = schema.safeParse(source.data);
  if (result.success) return result.data;
  reportZodIssues(source, result.error, [], undefined, report);
  return undefined;
}

/** Tree files are checked node by node, so one broken node does not hide problems in the rest. */
function parseTrees(files: readonly SourceFile[], report: Report) {
  const nodes = new Map<NodeId, ContentNode>();
  const origins = new Map<string, { source: SourceFile; index: number }>();
  const brokenIds = new Set<string>();
  const Envelope = TreeFileSchema.extend({ nodes: z.array(z.unknown()) });

  if (files.length === 0) {
    report('content/tree', 'missing-file', 'There are no tree files (content/tree/*.yaml).');
  }
  for (const source of files) {
    const envelope = Envelope.safeParse(source.data);
    if (!envelope.success) {
      reportZodIssues(source, envelope.error, [], undefined, report);
      continue;
    }
    envelope.data.nodes.forEach((raw, index) => {
      const rawId = idOf(raw);
      const result = NodeSchema.safeParse(raw);
      if (!result.success) {
        if (rawId !== undefined) brokenIds.add(rawId);
        reportZodIssues(source, result.error, ['nodes', index], rawId, report);
        return;
      }
      const node = result.data;
      const earlier = origins.get(node.id);
      if (earlier) {
        report(
          source,
          'duplicate-id',
          `The id "${node.id}" is already used by a node in ${earlier.source.file}. Ids must be unique across all files.`,
          { nodeId: node.id, path: ['nodes', index, 'id'] },
        );
        return;
      }
      origins.set(node.id, { source, index });
      nodes.set(node.id, node);
    });
  }
  return { nodes, origins, brokenIds };
}

function checkGraph(
  nodes: Map<NodeId, ContentNode>,
  origins: Map<string, { source: SourceFile; index: number }>,
  brokenIds: Set<string>,
  support: Support | undefined,
  report: Report,
): void {
  const ids = [...nodes.keys()];
  const say = (id: string, kind: ProblemKind, message: string, ...rest: (string | number)[]) => {
    const origin = origins.get(id);
    if (origin)
      report(origin.source, kind, message, { nodeId: id, path: ['nodes', origin.index, ...rest] });
    else report('content/tree', kind, message, { nodeId: id });
  };
  const exists = (id: string) => nodes.has(id as NodeId) || brokenIds.has(id);
  const conditionIds = support?.conditions.map((c) => c.id);

  const start = nodes.get(START_ID);
  if (!start && !brokenIds.has(START_ID)) {
    report(
      'content/tree',
      'missing-start',
      `No node has the id "${START_ID}". The tree begins at a question with that id.`,
    );
  } else if (start && start.kind !== 'question') {
    say(START_ID, 'missing-start', `The "${START_ID}" node must be a question, not an outcome.`);
  }

  for (const node of nodes.values()) {
    if (node.kind === 'question') {
      if (node.answers.length === 0) {
        say(
          node.id,
          'dead-end',
          'This question has no answers, so nobody can go on from it.',
          'answers',
        );
      }
      const answerIds = new Set<string>();
      const labels = new Set<string>();
      node.answers.forEach((answer, index) => {
        if (answerIds.has(answer.id)) {
          say(
            node.id,
            'duplicate-answer',
            `Two answers share the id "${answer.id}".`,
            'answers',
            index,
            'id',
          );
        }
        answerIds.add(answer.id);
        const label = answer.label.toLowerCase();
        if (labels.has(label)) {
          say(
            node.id,
            'duplicate-label',
            `Two answers share the label "${answer.label}".`,
            'answers',
            index,
            'label',
          );
        }
        labels.add(label);
        if (!exists(answer.next)) {
          say(
            node.id,
            'dangling-reference',
            `Answer "${answer.id}" leads to "${answer.next}", but no node has that id.${didYouMean(answer.next, ids)}`,
            'answers',
            index,
            'next',
          );
        }
        if (node.id === START_ID && (RESERVED_SEGMENTS as readonly string[]).includes(answer.id)) {
          say(
            node.id,
            'reserved-segment',
            `The answer id "${answer.id}" is the address of another page. Choose a different id.`,
            'answers',
            index,
            'id',
          );
        }
      });
    } else {
      if (node.steps.length === 0) {
        say(
          node.id,
          'outcome-without-steps',
          'This outcome has no fix steps. Add at least one.',
          'steps',
        );
      }
      const stepIds = new Set<string>();
      node.steps.forEach((step, index) => {
        if (stepIds.has(step.id)) {
          say(
            node.id,
            'duplicate-step',
            `Two fix steps share the id "${step.id}".`,
            'steps',
            index,
            'id',
          );
        }
        stepIds.add(step.id);
      });
      node.related?.forEach((id, index) => {
        if (!exists(id)) {
          say(
            node.id,
            'dangling-reference',
            `"related" names "${id}", but no node has that id.${didYouMean(id, ids)}`,
            'related',
            index,
          );
        }
      });
      if (conditionIds) {
        node.support.when.forEach((id, index) => {
          if (!conditionIds.includes(id)) {
            say(
              node.id,
              'unknown-condition',
              `support.when names "${id}", which is not a condition in content/support.yaml.${didYouMean(id, conditionIds)}`,
              'support',
              'when',
              index,
            );
          }
        });
      }
    }
  }

  if (nodes.has(START_ID)) {
    const reachable = reachableFrom(Object.fromEntries(nodes), START_ID);
    for (const id of ids) {
      if (!reachable.has(id)) {
        say(
          id,
          'unreachable',
          `No answer leads here from "${START_ID}", so nobody can reach this node.`,
        );
      }
    }
  }

  for (const cycle of findCycles(Object.fromEntries(nodes))) {
    const first = cycle[0];
    if (first === undefined) continue;
    say(
      first,
      'cycle',
      `The answers loop back on themselves: ${cycle.join(' → ')}. The tree must always move forward.`,
    );
  }
}

function checkPlaceholders(files: readonly SourceFile[], report: Report): void {
  for (const source of files) {
    if (source.role === 'config') continue;
    for (const { text, path } of stringsIn(source.data)) {
      for (const name of placeholdersIn(text)) {
        if (isPlaceholder(name)) continue;
        const nodeId = path[0] === 'nodes' ? idOf(nodeAt(source.data, path[1])) : undefined;
        report(
          source,
          'unknown-placeholder',
          `"{${name}}" is not a placeholder.${didYouMean(name, Object.keys(PLACEHOLDERS))} Known placeholders: ${Object.keys(
            PLACEHOLDERS,
          )
            .map((n) => `{${n}}`)
            .join(', ')}.`,
          { nodeId, path },
        );
      }
    }
  }
}

function nodeAt(data: unknown, index: unknown): unknown {
  if (typeof index !== 'number' || data === null || typeof data !== 'object') return undefined;
  const list: unknown = (data as { nodes?: unknown }).nodes;
  return Array.isArray(list) ? (list[index] as unknown) : undefined;
}

function idOf(raw: unknown): string | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const id: unknown = (raw as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function reportZodIssues(
  source: SourceFile,
  error: z.ZodError,
  base: Path,
  nodeId: string | undefined,
  report: Report,
): void {
  for (const issue of error.issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    const inside = describePath(issue.path as (string | number)[]);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        report(
          source,
          'unknown-key',
          `Unknown key "${key}"${inside ? ` in ${inside}` : ''}.${didYouMean(key, KNOWN_KEYS)}`,
          { nodeId, path: [...path, key] },
        );
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && issue.message.includes('received undefined');
    const message =
      issue.code === 'invalid_union' && issue.path.at(-1) === 'kind'
        ? 'kind must be "question" or "outcome".'
        : missing
          ? `"${inside}" is missing.`
          : `${inside ? `${inside}: ` : ''}${sentence(issue.message)}`;
    report(source, 'schema', message, { nodeId, path });
  }
}

function describePath(path: readonly (string | number)[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join('');
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Every key any content object may have, for "did you mean" on unknown keys. */
const KNOWN_KEYS = [
  ...collectKeys(TreeFileSchema),
  ...collectKeys(ConfigFileSchema),
  ...collectKeys(SupportFileSchema),
  ...collectKeys(ProcedureFileSchema),
].filter((key, index, all) => all.indexOf(key) === index);

function collectKeys(schema: z.core.$ZodType): string[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.core.$ZodType>).flatMap(
      ([key, value]) => [key, ...collectKeys(value)],
    );
  }
  if (schema instanceof z.ZodArray) return collectKeys(schema.element);
  if (schema instanceof z.ZodOptional) return collectKeys(schema.unwrap());
  if (schema instanceof z.ZodDiscriminatedUnion || schema instanceof z.ZodUnion) {
    return (schema.options as z.core.$ZodType[]).flatMap(collectKeys);
  }
  return [];
}
