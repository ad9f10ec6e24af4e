import type { AnalyzerSettings, Destination } from '../analyzer/settings.ts';
import { getNode } from './graph.ts';
import { decodePath } from './path-codec.ts';
import type { AnalyzerFile, CodeReference, ContentNode, NodeId } from './schema.ts';
import type { Report, SourceFile } from './source-file.ts';

/** Where a wizard path leads, or undefined when it doesn't exist in the tree. */
function destinationOf(
  tree: { nodes: Record<string, ContentNode>; startId: NodeId },
  path: string,
): Destination | undefined {
  const decoded = decodePath(tree, path);
  if (!decoded.ok) return undefined;
  const node = getNode(tree, decoded.trail.nodeId);
  return node ? { path, nodeId: node.id, title: node.title } : undefined;
}

/**
 * Checks content/analyzer.yaml against the tree (every `leadsTo` must exist) and compiles what
 * the capture analyzer needs: thresholds, finding titles and destinations, and where each SIP
 * code leads (from codes.yaml). Returns undefined when a path is broken (reported).
 */
export function compileAnalyzer(
  analyzer: AnalyzerFile,
  reference: Pick<CodeReference, 'codes' | 'classes'>,
  nodes: ReadonlyMap<NodeId, ContentNode>,
  files: readonly SourceFile[],
  report: Report,
): AnalyzerSettings | undefined {
  const source = files.find((f) => f.role === 'analyzer');
  if (!source || nodes.size === 0) return undefined;
  const tree = { nodes: Object.fromEntries(nodes), startId: 'start' as NodeId };
  let broken = false;
  const findings = {} as AnalyzerSettings['findings'];
  for (const [id, finding] of Object.entries(analyzer.findings) as [
    keyof AnalyzerFile['findings'],
    { title: string; leadsTo?: string },
  ][]) {
    if (finding.leadsTo === undefined) {
      findings[id] = { title: finding.title };
      continue;
    }
    const leadsTo = destinationOf(tree, finding.leadsTo);
    if (!leadsTo) {
      broken = true;
      report(
        source,
        'dangling-reference',
        `leadsTo "${finding.leadsTo}" does not exist in the tree.`,
        { nodeId: id, path: ['findings', id, 'leadsTo'] },
      );
      continue;
    }
    findings[id] = { title: finding.title, leadsTo };
  }
  if (broken) return undefined;
  const codes: AnalyzerSettings['codes'] = {};
  for (const entry of reference.codes) {
    const leadsTo = destinationOf(tree, entry.leadsTo);
    if (leadsTo) codes[String(entry.code)] = { ...leadsTo, phrase: entry.phrase };
  }
  const classes: AnalyzerSettings['classes'] = {};
  for (const entry of reference.classes) {
    const leadsTo = destinationOf(tree, entry.leadsTo);
    if (leadsTo) classes[String(entry.class)] = { ...leadsTo, name: entry.name };
  }
  return { thresholds: analyzer.thresholds, findings, codes, classes };
}
