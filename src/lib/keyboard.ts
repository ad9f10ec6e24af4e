/** Inputs that take no typed text: a key pressed on them is free for the page's shortcuts. */
const NOT_TYPED = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'file',
  'image',
  'color',
]);

/**
 * True when a key press belongs to what the person is typing, not to the page: text boxes, text
 * areas, selects (they jump to an option by letter) and editable content. A checkbox or a button
 * leaves the keys to the page, so ticking a fix step doesn't switch the shortcuts off.
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TYPED.has(target.type);
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** True while a modal dialog is open: page shortcuts must not act behind it. */
export function isModalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
