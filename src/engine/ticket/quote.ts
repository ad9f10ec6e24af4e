/** Input quoted back in a message, in curly quotes, cut to 20 characters so messages stay short. */
export function quote(text: string): string {
  const chars = Array.from(text);
  return `“${chars.length > 20 ? `${chars.slice(0, 19).join('')}…` : text}”`;
}
