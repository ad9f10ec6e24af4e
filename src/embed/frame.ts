/**
 * The embed view's frame script: a small classic script in the `<head>` of every `/embed/…` page,
 * so it runs before the first paint. Inside a host's frame made by `/embed.js`, it
 * - applies the host's theme and brand colour (no flash of the wrong colours),
 * - reports the page's height whenever it changes, so the host's frame has no inner scrollbar,
 * - passes the app's events (step, outcome, …) to the host page, and
 * - takes new looks from the host page, and from nobody else.
 * Outside such a frame (opened directly, or by a site not on the allow-list) it does nothing.
 */
import { accentPalette, type Scheme } from './accent';
import { originAllowed } from './origins';
import {
  envelope,
  FRAME_EVENT,
  readEventDetail,
  readFrameName,
  readHostMessage,
  type FrameConfig,
  type FrameMessage,
  type Look,
} from './protocol';

/** The allow-list from content/config.yaml, put in by the build. */
declare const __CT_ALLOWED_ORIGINS__: readonly string[];

const PALETTE = [
  '--ct-accent',
  '--ct-accent-hover',
  '--ct-accent-ink',
  '--ct-accent-soft',
  '--ct-focus',
] as const;

const root = document.documentElement;
const darkSystem = matchMedia('(prefers-color-scheme: dark)');

function schemeOf(look: Look): Scheme {
  if (look.theme !== 'auto') return look.theme;
  return darkSystem.matches ? 'dark' : 'light';
}

/** Sets the theme and, when the host gave one, its brand colour (adjusted to stay readable). */
function applyLook(look: Look) {
  if (look.theme === 'auto') delete root.dataset.theme;
  else root.dataset.theme = look.theme;
  const palette = look.accent ? accentPalette(look.accent, schemeOf(look)) : null;
  for (const name of PALETTE) {
    if (palette) root.style.setProperty(name, palette[name]);
    else root.style.removeProperty(name);
  }
}

/** True when the page really is framed by `host` (where the browser can tell). */
function framedBy(host: string): boolean {
  if (window.parent === window) return false;
  const ancestors = (location as Partial<Location>).ancestorOrigins;
  return ancestors === undefined || ancestors[0] === host;
}

function start(config: FrameConfig) {
  let look: Look = config;
  applyLook(look);
  darkSystem.addEventListener('change', () => applyLook(look));

  const post = (message: FrameMessage) => window.parent.postMessage(envelope(message), config.host);

  // The host sets the frame's height from these; the frame never scrolls on its own.
  root.dataset.autoHeight = '';
  let reported = -1;
  const report = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    post({ type: 'resize', widget: config.widget, height });
  };
  // The page's own changes (a new step, an opened section) and the frame's width changing (the
  // host's column, or its scrollbar coming and going) both change the height.
  new ResizeObserver(report).observe(root);
  window.addEventListener('resize', report);
  // A dialog (agent mode's map, the list of keys) is centred in the frame, which may be far taller
  // than the host's window: ask the host to bring it into view.
  let shown: Element | null = null;
  const revealDialog = () => {
    const dialog = document.querySelector('dialog[open]');
    if (dialog === shown) return;
    shown = dialog;
    if (!dialog) return;
    const box = dialog.getBoundingClientRect();
    post({ type: 'reveal', widget: config.widget, top: Math.max(0, box.top), height: box.height });
  };
  // Browsers skip rendering, and so resize observations, for frames of other sites that are out
  // of view. DOM changes are still seen: measuring then keeps a widget below the fold sized right,
  // instead of it jumping when it scrolls into view.
  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      report();
      revealDialog();
    });
  }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });

  window.addEventListener(FRAME_EVENT, (event) => {
    // Rebuilt field by field: only the documented fields can reach the host.
    const detail = readEventDetail({ ...(event as CustomEvent).detail, widget: config.widget });
    if (detail) post({ type: 'event', widget: config.widget, event: detail });
  });

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== config.host) return;
    const message = readHostMessage(event.data);
    if (message?.widget !== config.widget) return;
    look = { theme: message.theme, accent: message.accent };
    applyLook(look);
  });
}

const config = readFrameName(window.name);
if (config && originAllowed(config.host, __CT_ALLOWED_ORIGINS__) && framedBy(config.host)) {
  start(config);
}
