/**
 * `/embed.js`, the script a help center adds to its pages. It turns every
 * `<div data-call-troubleshooter>` into a frame of the troubleshooter's embed view, sized to its
 * content, and re-fires what happens inside as `call-troubleshooter:<type>` events on that element
 * (and on `window.dataLayer` when the page has one). Attributes are documented in docs/embedding.md.
 */
import { originAllowed } from './origins';
import {
  envelope,
  frameName,
  readAccent,
  readFrameMessage,
  readTheme,
  type EventDetail,
  type FrameConfig,
  type HostMessage,
} from './protocol';

/** Put in by the build from content/config.yaml and the content. */
declare const __CT_ALLOWED_ORIGINS__: readonly string[];
declare const __CT_BRAND__: string;
/** Node id → the address of its step, so `data-start` can name a step by id. */
declare const __CT_STARTS__: Readonly<Record<string, string>>;

interface Widget {
  element: HTMLElement;
  frame: HTMLIFrameElement;
  config: FrameConfig;
  resumeKey: string;
  /** Steps seen since it was mounted: the first is where it opened, not a move. */
  steps: number;
  /** The address the frame was opened at, when that was a resumed place (a reload). */
  resumedAt: string | null;
  stop: () => void;
}

interface LoaderGlobal {
  /** Turns containers added later (by a single-page help center, say) into widgets now. */
  scan: () => void;
}

declare global {
  interface Window {
    callTroubleshooter?: LoaderGlobal;
    dataLayer?: unknown[];
  }
}

const SELECTOR = '[data-call-troubleshooter]';
/** A step's address without its leading slash: `broken-audio/one-way`, `codes/603+`. */
const SLUG_PATH = /^[a-z0-9+-]+(?:\/[a-z0-9+-]+)*$/;
/** What a reload may come back to: a step's address, or the support request about a diagnosis. */
const RESUMABLE = /^\/(?:[a-z0-9+-]+(?:\/[a-z0-9+-]+)*)?(?:\?from=[A-Za-z0-9%+-]*)?$/;
const WIDGET_ID = /^[A-Za-z][\w-]{0,99}$/;

function main() {
  // Loaded twice: the first copy does the work. (An element with id="callTroubleshooter" also
  // shows up as window.callTroubleshooter, hence the check for the function.)
  if (typeof window.callTroubleshooter?.scan === 'function') return;
  const script = document.currentScript;
  const src = script instanceof HTMLScriptElement ? script.src : '';
  if (!src) {
    console.error('Call troubleshooter: embed.js must be loaded with a <script src> tag.');
    return;
  }
  // The site lives next to this script: https://host/help/ct/embed.js → https://host/help/ct/
  const site = new URL('./', src);
  const allowed = originAllowed(location.origin, __CT_ALLOWED_ORIGINS__);
  const widgets = new Set<Widget>();
  const mounted = new WeakSet<Element>();
  let count = 0;
  let warned = false;
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');

  const scan = () => {
    // Containers a page removed take their widget with them.
    for (const widget of widgets) {
      if (!widget.element.isConnected) {
        widget.stop();
        widgets.delete(widget);
      }
    }
    for (const element of document.querySelectorAll<HTMLElement>(SELECTOR)) {
      if (mounted.has(element)) continue;
      mounted.add(element);
      count += 1;
      try {
        mount(element, count);
      } catch (error) {
        // One bad container must not cost the others.
        console.error('Call troubleshooter: could not show this widget.', element, error);
      }
    }
  };

  function mount(element: HTMLElement, index: number) {
    const data = element.dataset;
    const title = data.title?.trim() ? data.title.trim() : __CT_BRAND__;
    const agent = data.agent !== undefined && data.agent !== 'false';
    const start = startPath(data.start);
    const view = agent ? 'agent/' : '';
    if (!allowed) {
      if (!warned) {
        console.warn(
          `Call troubleshooter: ${location.origin} is not allowed to embed it, so a link is shown instead. Add the origin to embed.allowedOrigins in content/config.yaml and rebuild.`,
        );
        warned = true;
      }
      linkOut(element, new URL(view + start, site).href, title);
      return;
    }
    const id = widgetId(element, index);
    const resumeKey = `call-troubleshooter:${location.pathname}:${id}:${view}${start}`;
    const config: FrameConfig = {
      host: location.origin,
      widget: id,
      theme: readTheme(data.theme),
      accent: readAccent(data.accent),
    };
    if (data.accent && !config.accent) {
      console.warn(
        `Call troubleshooter: data-accent="${data.accent}" is not a colour like #1f73b7; using the default.`,
      );
    }

    const resume = readResume(resumeKey);
    const frame = document.createElement('iframe');
    frame.name = frameName(config);
    frame.title = title;
    // Copy buttons inside need the clipboard; nothing else is granted.
    frame.allow = 'clipboard-write';
    frame.referrerPolicy = 'strict-origin';
    Object.assign(frame.style, {
      display: 'block',
      width: '100%',
      // After a reload, the height it had: the article below doesn't jump while it loads.
      height: `${String(resume?.height ?? 420)}px`,
      border: '0',
      colorScheme: 'normal',
      transition: reduceMotion.matches ? '' : 'height 0.15s ease-out',
    });
    const address = resume?.address ?? `/${start}`;
    frame.src = new URL(`embed/${view}${address.slice(1)}`, site).href;
    element.replaceChildren(frame);

    // A host that switches theme or brand colour live (a dark-mode toggle) restyles the widget.
    const restyle = new MutationObserver(() => {
      const theme = readTheme(element.dataset.theme);
      const accent = readAccent(element.dataset.accent);
      if (theme === config.theme && accent === config.accent) return;
      config.theme = theme;
      config.accent = accent;
      frame.name = frameName(config);
      const message: HostMessage = { type: 'config', widget: id, theme, accent };
      frame.contentWindow?.postMessage(envelope(message), site.origin);
    });
    restyle.observe(element, { attributes: true, attributeFilter: ['data-theme', 'data-accent'] });
    const widget: Widget = {
      element,
      frame,
      config,
      resumeKey,
      steps: 0,
      resumedAt: resume?.address ?? null,
      stop: () => restyle.disconnect(),
    };
    widgets.add(widget);
  }

  /** The container's id when it is a usable, unique name; otherwise `call-troubleshooter-N`. */
  function widgetId(element: HTMLElement, index: number): string {
    const fallback = `call-troubleshooter-${String(index)}`;
    if (!element.id) return fallback;
    const taken = [...widgets].some((widget) => widget.config.widget === element.id);
    if (WIDGET_ID.test(element.id) && !taken) return element.id;
    console.warn(
      `Call troubleshooter: id="${element.id}" is ${taken ? 'already used by another widget' : 'not a usable name'}; events call this widget ${fallback}.`,
    );
    return fallback;
  }

  /** `data-start`: a step's id (`one-way-audio`) or address (`broken-audio/one-way`). */
  function startPath(value: string | undefined): string {
    const start = value?.trim().replace(/^\/+|\/+$/g, '') ?? '';
    if (start === '') return '';
    if (Object.hasOwn(__CT_STARTS__, start)) return __CT_STARTS__[start] ?? '';
    const first = start.split('/')[0];
    if (SLUG_PATH.test(start) && first !== 'agent' && first !== 'embed') return start;
    console.warn(
      `Call troubleshooter: data-start="${value ?? ''}" is not a step; starting at the beginning.`,
    );
    return '';
  }

  function onMessage(event: MessageEvent) {
    if (event.origin !== site.origin || !event.source) return;
    // Looked up each time: a frame that was moved in the page has a new window.
    const widget = [...widgets].find((candidate) => candidate.frame.contentWindow === event.source);
    const message = readFrameMessage(event.data);
    if (!widget || message?.widget !== widget.config.widget) return;
    if (message.type === 'resize') {
      widget.frame.style.height = `${String(message.height)}px`;
      saveHeight(widget.resumeKey, message.height);
    } else if (message.type === 'reveal') {
      reveal(widget, message.top, message.height);
    } else {
      announce(widget, message.event);
    }
  }

  function announce(widget: Widget, detail: EventDetail) {
    if (detail.type === 'step') {
      widget.steps += 1;
      store(widget.resumeKey, resumeAddress(detail));
      // A new step starts at its heading: bring the frame's top into view if it scrolled away.
      // Only when the person is using the widget: never on load, never while they read the page.
      const moved = widget.steps > 1 && document.activeElement === widget.frame;
      if (moved && widget.frame.getBoundingClientRect().top < 0) {
        widget.frame.scrollIntoView({ block: 'start', behavior: scrolling() });
      }
    }
    // A reload shows the same step again: that is not another diagnosis reached.
    const repeated =
      widget.steps === 1 && widget.resumedAt !== null && resumeAddress(detail) === widget.resumedAt;
    if (detail.type === 'outcome' && repeated) return;
    widget.element.dispatchEvent(
      new CustomEvent(`call-troubleshooter:${detail.type}`, { detail, bubbles: true }),
    );
    if (Array.isArray(window.dataLayer)) {
      window.dataLayer.push({
        event: `call-troubleshooter.${detail.type}`,
        callTroubleshooter: detail,
      });
    }
  }

  /** Scrolls the page so that this part of the frame (a dialog that opened) is in view. */
  function reveal(widget: Widget, top: number, height: number) {
    const frame = widget.frame.getBoundingClientRect();
    const from = frame.top + top;
    if (from >= 0 && from + Math.min(height, window.innerHeight) <= window.innerHeight) return;
    window.scrollBy({ top: from - 16, behavior: scrolling() });
  }

  function scrolling(): ScrollBehavior {
    return reduceMotion.matches ? 'auto' : 'smooth';
  }

  window.addEventListener('message', onMessage);
  window.callTroubleshooter = { scan };
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  // Help centers that load articles without a page load add (and remove) containers later.
  new MutationObserver((records) => {
    if (records.some((record) => record.addedNodes.length + record.removedNodes.length > 0)) {
      scan();
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

interface Resume {
  address: string;
  height: number | undefined;
}

/** Where the widget was on this page before a reload (and how tall), for this tab only. */
function readResume(key: string): Resume | null {
  try {
    const address = sessionStorage.getItem(key);
    if (address === null || !RESUMABLE.test(address)) return null;
    const height = Number(sessionStorage.getItem(`${key}:height`));
    return { address, height: height > 0 && height < 100_000 ? height : undefined };
  } catch {
    return null; // storage blocked: start where the snippet says
  }
}

/** The address to come back to: on the support request, the request about the same diagnosis. */
function resumeAddress(detail: EventDetail): string {
  if (detail.page !== 'support') return detail.path;
  return detail.nodeId === null ? '/support' : `/support?from=${encodeURIComponent(detail.path)}`;
}

function saveHeight(key: string, height: number) {
  store(`${key}:height`, String(Math.round(height)));
}

function store(key: string, value: string) {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // storage blocked or full: a reload starts at the snippet's step
  }
}

/** For a page that isn't allowed to frame the troubleshooter: a plain link to it instead. */
function linkOut(element: HTMLElement, href: string, title: string) {
  const link = document.createElement('a');
  link.href = href;
  link.textContent = `${title} (opens in a new tab)`;
  link.target = '_blank';
  link.rel = 'noopener';
  element.replaceChildren(link);
}

main();
