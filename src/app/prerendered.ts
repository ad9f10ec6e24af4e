/** `/a/b/` and `/a/b` are the same page; percent-encoding is compared decoded. */
export function normalizePath(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURI(pathname);
  } catch {
    // Keep it as it is.
  }
  return decoded.replace(/\/+$/, '') || '/';
}
