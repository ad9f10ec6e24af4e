import { z } from 'zod';
import type { AnalyzerSettings } from '../analyzer/settings.ts';
import { compileAnalyzer } from './check-analyzer.ts';
import { checkCodes } from './check-codes.ts';
import { checkGraph } from './check-graph.ts';
import { START_ID } from './graph.ts';
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
  AnalyzerFileSchema,
  CONTENT_SCHEMA_VERSION,
  CodesFileSchema,
  ConfigFileSchema,
  NodeSchema,
  ProcedureFileSchema,
  SupportFileSchema,
  TreeFileSchema,
  type CodeReference,
  type Content,
  type ContentNode,
  type NodeId,
  type Procedure,
  type Support,
  CONDITION_IDS,
} from './schema.ts';
import { reportZodIssues } from './schema-problems.ts';
import type { FileRole, Path, Report, SourceFile } from './source-file.ts';
import { didYouMean } from './suggest.ts';

export type ValidationResult =
  | {
      ok: true;
      content: Content;
      reference: CodeReference;
      /** What the capture analyzer needs (thresholds, where findings and codes lead). */
      analyzer: AnalyzerSettings;
      problems: [];
    }
  | { ok: false; problems: Problem[] };

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
  if (procedure) checkProcedure(procedure, files, report);
  if (support && procedure) checkSupport(support, procedure, files, report);
  const codes = parseSingle(files, 'codes', CodesFileSchema, report);
  const { nodes, origins, brokenIds } = parseTrees(
    files.filter((f) => f.role === 'tree'),
    report,
  );
  if (codes) checkCodes(codes, brokenIds.size === 0 ? nodes : new Map(), files, report);
  const analyzerFile = parseSingle(files, 'analyzer', AnalyzerFileSchema, report);

  checkGraph(nodes, origins, brokenIds, support, report);
  checkPlaceholders(files, report);

  const analyzer =
    codes && analyzerFile && brokenIds.size === 0
      ? compileAnalyzer(analyzerFile, codes, nodes, files, report)
      : undefined;

  if (problems.length > 0 || !config || !support || !procedure || !codes || !analyzer) {
    return { ok: false, problems };
  }
  const fill = (text: string) => fillPlaceholders(text, config);
  const { schemaVersion: _, ...reference } = mapStrings(codes, fill);
  return {
    ok: true,
    problems: [],
    reference,
    analyzer: mapStrings(analyzer, fill),
    content: {
      schemaVersion: CONTENT_SCHEMA_VERSION,
      config,
      startId: START_ID,
      nodes: mapStrings(Object.fromEntries(nodes), fill),
      support: mapStrings(support, fill),
      procedure: mapStrings(procedure, fill),
      codes: {
        classes: reference.classes.map(({ class: cls, name }) => ({ class: cls, name })),
        codes: reference.codes.map(({ code, phrase }) => ({ code, phrase })),
      },
    },
  };
}

const EXPECTED_FILE: Record<Exclude<FileRole, 'tree'>, string> = {
  config: 'content/config.yaml',
  support: 'content/support.yaml',
  procedure: 'content/procedure.yaml',
  codes: 'content/codes.yaml',
  analyzer: 'content/analyzer.yaml',
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

/** The five-step check's ticks share one scope, so check ids must be unique across all its steps. */
function checkProcedure(procedure: Procedure, files: readonly SourceFile[], report: Report): void {
  const source = files.find((f) => f.role === 'procedure');
  if (!source) return;
  const seen = new Set<string>();
  procedure.steps.forEach((step, stepIndex) => {
    step.checks.forEach((check, checkIndex) => {
      if (seen.has(check.id)) {
        report(source, 'duplicate-step', `Two checks share the id "${check.id}".`, {
          nodeId: step.id,
          path: ['steps', stepIndex, 'checks', checkIndex, 'id'],
        });
      }
      seen.add(check.id);
    });
  });
}

/** The support page evaluates all four conditions, and a condition's checks must exist. */
function checkSupport(
  support: Support,
  procedure: Procedure,
  files: readonly SourceFile[],
  report: Report,
): void {
  const source = files.find((f) => f.role === 'support');
  if (!source) return;
  const listed = support.conditions.map((c) => c.id);
  const missing = CONDITION_IDS.filter((id) => !listed.includes(id));
  if (missing.length > 0) {
    report(
      source,
      'schema',
      `Every condition needs its text; missing: ${missing.join(', ')}. The support request page checks all ${CONDITION_IDS.length}.`,
      { path: ['conditions'] },
    );
  }
  const stepIds = procedure.steps.map((step) => step.id);
  support.conditions.forEach((condition, index) => {
    if (listed.indexOf(condition.id) !== index) {
      report(source, 'duplicate-id', `The condition "${condition.id}" is listed twice.`, {
        nodeId: condition.id,
        path: ['conditions', index, 'id'],
      });
    }
    if (condition.afterChecks !== undefined && !stepIds.includes(condition.afterChecks)) {
      report(
        source,
        'dangling-reference',
        `afterChecks names "${condition.afterChecks}", which is not a step of the five-step check.${didYouMean(condition.afterChecks, stepIds)}`,
        { nodeId: condition.id, path: ['conditions', index, 'afterChecks'] },
      );
    }
  });
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
