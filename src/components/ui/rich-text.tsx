import { Fragment } from 'react';

/**
 * Content text with `code` spans. Everything is rendered as React text nodes — never as HTML — so
 * nothing in content or user input can inject markup.
 */
export function RichText({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`)/g).filter((part) => part !== '');
  return (
    <>
      {parts.map((part, index) =>
        part.length > 2 && part.startsWith('`') && part.endsWith('`') ? (
          <code key={index}>{part.slice(1, -1)}</code>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
