/** True when a key press belongs to what the person is typing, not to the page. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** True while a modal dialog is open: page shortcuts must not act behind it. */
export function isModalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
