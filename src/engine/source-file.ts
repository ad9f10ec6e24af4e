import type { ProblemKind } from './problems.ts';

export type FileRole = 'config' | 'support' | 'procedure' | 'codes' | 'analyzer' | 'tree';

export type Path = readonly (string | number)[];

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

/** Records one problem, located by file (and, when known, node id and path inside the file). */
export type Report = (
  source: SourceFile | string,
  kind: ProblemKind,
  message: string,
  where?: { nodeId?: string | undefined; path?: Path },
) => void;
