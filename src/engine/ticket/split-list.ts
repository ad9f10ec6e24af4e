/**
 * Splits pasted text into entries: on commas, semicolons and line breaks (\n, \r\n, \r). Each
 * entry is trimmed and empty ones are dropped, so "a, ,b\n" gives ["a", "b"]. Used to paste
 * several phone numbers or timestamps into one row (accepted timestamps never contain commas).
 */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\r\n]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
