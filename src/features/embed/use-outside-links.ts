import { useEffect } from 'react';

/**
 * In a help center's frame, a link to another site (the provider's support site, a standard)
 * would load that site inside the frame, squeezed and often refused. Such links open in a new
 * tab instead; links within the troubleshooter stay in the frame.
 */
export function useOutsideLinksInNewTab() {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const target = event.target;
      const link = target instanceof Element ? target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.target !== '') return;
      const url = new URL(link.href, window.location.href);
      if (url.origin === window.location.origin || !/^https?:$/.test(url.protocol)) return;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    };
    // Capture: set before the browser follows the link.
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);
}
