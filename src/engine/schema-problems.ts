import { z } from 'zod';
import {
  ConfigFileSchema,
  ProcedureFileSchema,
  SupportFileSchema,
  TreeFileSchema,
} from './schema.ts';
import type { Path, Report, SourceFile } from './source-file.ts';
import { didYouMean } from './suggest.ts';

/** Turns zod's issues into problems an author can act on: plain sentences, with suggestions. */
export function reportZodIssues(
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
