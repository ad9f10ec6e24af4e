import { decodePath } from './path-codec.ts';
import type { CodesFile, ContentNode, NodeId, SipCode } from './schema.ts';
import { ACCEPTED_EXTRAS, IANA_RESPONSE_CODES } from './sip-registry.ts';
import type { Path, Report, SourceFile } from './source-file.ts';

/**
 * Checks content/codes.yaml against itself, the registry and the tree:
 * - each code and Q.850 cause is listed once, and each class 1xx–6xx has exactly one entry;
 * - every code in the IANA registry (and the accepted extras) is present with its exact phrase;
 * - every `leadsTo` is a wizard path that exists in the tree;
 * - a family's codes are listed, and each leads into the family's branch.
 */
export function checkCodes(
  codes: CodesFile,
  nodes: ReadonlyMap<NodeId, ContentNode>,
  files: readonly SourceFile[],
  report: Report,
): void {
  const source = files.find((f) => f.role === 'codes');
  if (!source) return;
  const at = (path: Path, nodeId?: string) => ({ path, ...(nodeId ? { nodeId } : {}) });
  const byCode = new Map<string, CodesFile['codes'][number]>();

  codes.codes.forEach((entry, index) => {
    const key = String(entry.code);
    if (byCode.has(key)) {
      report(
        source,
        'duplicate-id',
        `The code ${key} is listed twice.`,
        at(['codes', index, 'code'], key),
      );
    }
    byCode.set(key, entry);
  });

  for (const [code, phrase] of [...IANA_RESPONSE_CODES, ...ACCEPTED_EXTRAS]) {
    const entry = byCode.get(String(code));
    if (!entry) {
      report(
        source,
        'schema',
        `The code ${String(code)} ${phrase} is missing. Every registered code needs an entry, so a pasted ${String(code)} is explained.`,
        at(['codes']),
      );
    } else if (entry.phrase !== phrase) {
      const index = codes.codes.indexOf(entry);
      report(
        source,
        'schema',
        `The phrase of ${String(code)} is "${entry.phrase}"; the registry says "${phrase}".`,
        at(['codes', index, 'phrase'], String(code)),
      );
    }
  }

  const classes = new Set<number>();
  codes.classes.forEach((entry, index) => {
    if (classes.has(entry.class)) {
      report(
        source,
        'duplicate-id',
        `The class ${entry.class}xx is listed twice.`,
        at(['classes', index, 'class']),
      );
    }
    classes.add(entry.class);
  });
  const missing = [1, 2, 3, 4, 5, 6].filter((c) => !classes.has(c));
  if (missing.length > 0) {
    report(
      source,
      'schema',
      `Every class needs an entry; missing: ${missing.map((c) => `${c}xx`).join(', ')}.`,
      at(['classes']),
    );
  }

  const causes = new Set<number>();
  codes.q850.forEach((entry, index) => {
    if (causes.has(entry.cause)) {
      report(
        source,
        'duplicate-id',
        `The Q.850 cause ${entry.cause} is listed twice.`,
        at(['q850', index, 'cause']),
      );
    }
    causes.add(entry.cause);
  });

  // Paths can only be checked against a tree that parsed.
  if (nodes.size === 0) return;
  const tree = { nodes: Object.fromEntries(nodes), startId: 'start' as NodeId };
  const checkPath = (leadsTo: string, path: Path, owner: string) => {
    const decoded = decodePath(tree, leadsTo);
    if (!decoded.ok) {
      const { segment } = decoded.error;
      report(
        source,
        'dangling-reference',
        `leadsTo "${leadsTo}" does not exist in the tree: "${segment}" is not an answer at that point.`,
        at(path, owner),
      );
    }
  };
  codes.codes.forEach((entry, index) => {
    checkPath(entry.leadsTo, ['codes', index, 'leadsTo'], String(entry.code));
    if (entry.callout?.link) {
      checkPath(
        entry.callout.link.leadsTo,
        ['codes', index, 'callout', 'link', 'leadsTo'],
        String(entry.code),
      );
    }
  });
  codes.classes.forEach((entry, index) => {
    checkPath(entry.leadsTo, ['classes', index, 'leadsTo'], `${entry.class}xx`);
  });
  checkPath(codes.afterAnswer.answered, ['afterAnswer', 'answered'], 'afterAnswer');
  checkPath(codes.afterAnswer.dropped, ['afterAnswer', 'dropped'], 'afterAnswer');
  codes.families.forEach((family, index) => {
    checkPath(family.branch, ['families', index, 'branch'], family.id);
    family.codes.forEach((code: SipCode, codeIndex) => {
      const entry = byCode.get(String(code));
      const path = ['families', index, 'codes', codeIndex];
      if (!entry) {
        report(
          source,
          'dangling-reference',
          `The family lists ${String(code)}, which has no entry.`,
          at(path, family.id),
        );
      } else if (!`${entry.leadsTo}/`.startsWith(`${family.branch}/`)) {
        report(
          source,
          'dangling-reference',
          `${String(code)} leads to "${entry.leadsTo}", outside the family's branch "${family.branch}".`,
          at(path, family.id),
        );
      }
    });
  });
}
