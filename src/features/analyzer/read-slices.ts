/** Slices a file is read in: big enough to be quick, small enough to keep memory flat. */
export const SLICE_BYTES = 8 * 1024 * 1024;

/**
 * A file's bytes in order, one slice at a time. Slicing a Blob works in every browser's worker,
 * unlike async iteration of its ReadableStream.
 */
export async function* readSlices(
  file: Pick<Blob, 'size' | 'slice'>,
  sliceBytes = SLICE_BYTES,
): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < file.size; start += sliceBytes) {
    const end = Math.min(file.size, start + sliceBytes);
    yield new Uint8Array(await file.slice(start, end).arrayBuffer());
  }
}

/**
 * Lets something through at most once per `intervalMs` (the first call always passes), so a
 * fast reader doesn't flood the page with progress messages.
 */
export function throttle(intervalMs: number, now: () => number): () => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const time = now();
    if (time - last < intervalMs) return false;
    last = time;
    return true;
  };
}
