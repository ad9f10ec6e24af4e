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
  if (window.callTroubleshooter) return; // the snippet is on the page twice
  const script = document.currentScript;
  const src = script instanceof HTMLScriptElement ? script.src : '';
  if (!src) {
    console.error('Call troubleshooter: embed.js must be loaded with a <script src> tag.');
    return;
  }
  // The site lives next to this script: https://host/help/ct/embed.js → https://host/help/ct/
  const site = new URL('./', src);
  const widgets = new Map<Window, Widget>();
  const mounted = new WeakSet<Element>();
  let count = 0;
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');

  const scan = () => {
    for (const element of document.querySelectorAll<HTMLElement>(SELECTOR)) {
      if (mounted.has(element)) continue;
      mounted.add(element);
      count += 1;
      mount(element, count);
    }
  };

  function mount(element: HTMLElement, index: number) {
    const data = element.dataset;
    const title = data.title?.trim() ? data.title.trim() : __CT_BRAND__;
    if (!originAllowed(location.origin, __CT_ALLOWED_ORIGINS__)) {
      console.warn(
        `Call troubleshooter: ${location.origin} is not allowed to embed it, so a link is shown instead. Add the origin to embed.allowedOrigins in content/config.yaml and rebuild.`,
      );
      linkOut(element, new URL(startPath(data.start), site).href, title);
      return;
    }
    const id = WIDGET_ID.test(element.id) ? element.id : `call-troubleshooter-${index}`;
    const agent = data.agent !== undefined && data.agent !== 'false';
    const start = startPath(data.start);
    const resumeKey = `call-troubleshooter:${location.pathname}:${id}:${agent ? 'agent' : ''}:${start}`;
    const view = agent ? 'embed/agent/' : 'embed/';
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

    const frame = document.createElement('iframe');
    frame.name = frameName(config);
    frame.title = title;
    // Copy buttons inside need the clipboard; nothing else is granted.
    frame.allow = 'clipboard-write';
    frame.referrerPolicy = 'strict-origin';
    Object.assign(frame.style, {
      display: 'block',
      width: '100%',
      height: '420px',
      border: '0',
      colorScheme: 'normal',
      transition: reduceMotion.matches ? '' : 'height 0.15s ease-out',
    });
    frame.src = new URL(view + (readResume(resumeKey) ?? start).replace(/^\//, ''), site).href;
    element.replaceChildren(frame);
    if (frame.contentWindow) {
      widgets.set(frame.contentWindow, { element, frame, config, resumeKey });
    }

    // A host that switches theme or brand colour live (a dark-mode toggle) restyles the widget.
    new MutationObserver(() => {
      const theme = readTheme(element.dataset.theme);
      const accent = readAccent(element.dataset.accent);
      if (theme === config.theme && accent === config.accent) return;
      config.theme = theme;
      config.accent = accent;
      frame.name = frameName(config);
      const message: HostMessage = { type: 'config', widget: id, theme, accent };
      frame.contentWindow?.postMessage(envelope(message), site.origin);
    }).observe(element, { attributes: true, attributeFilter: ['data-theme', 'data-accent'] });
  }

  /** `data-start`: a step's id (`one-way-audio`) or address (`broken-audio/one-way`). */
  function startPath(value: string | undefined): string {
    const start = value?.trim().replace(/^\/+|\/+$/g, '') ?? '';
    if (start === '') return '';
    const known = __CT_STARTS__[start];
    if (known !== undefined) return known;
    if (SLUG_PATH.test(start)) return start;
    console.warn(
      `Call troubleshooter: data-start="${value}" is not a step; starting at the beginning.`,
    );
    return '';
  }

  function onMessage(event: MessageEvent) {
    if (event.origin !== site.origin || !event.source) return;
    const widget = widgets.get(event.source as Window);
    const message = readFrameMessage(event.data);
    if (!widget || message?.widget !== widget.config.widget) return;
    if (message.type === 'resize') {
      widget.frame.style.height = `${message.height}px`;
      return;
    }
    announce(widget, message.event);
  }

  function announce(widget: Widget, detail: EventDetail) {
    if (detail.type === 'step') {
      saveResume(widget.resumeKey, resumeAddress(detail));
      // A new step starts at its heading: bring the frame's top into view if it scrolled away.
      if (widget.frame.getBoundingClientRect().top < 0) {
        widget.frame.scrollIntoView({
          block: 'start',
          behavior: reduceMotion.matches ? 'auto' : 'smooth',
        });
      }
    }
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

  window.addEventListener('message', onMessage);
  window.callTroubleshooter = { scan };
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  // Help centers that load articles without a page load add containers later.
  new MutationObserver((records) => {
    if (records.some((record) => record.addedNodes.length > 0)) scan();
  }).observe(document.documentElement, { childList: true, subtree: true });
}

/** Where the widget was on this page before a reload, for this tab only. */
function readResume(key: string): string | null {
  try {
    const path = sessionStorage.getItem(key);
    return path !== null && RESUMABLE.test(path) ? path : null;
  } catch {
    return null; // storage blocked: start where the snippet says
  }
}

/** The address to come back to: on the support request, the request about the same diagnosis. */
function resumeAddress(detail: EventDetail): string {
  if (detail.page !== 'support') return detail.path;
  return detail.nodeId === null ? '/support' : `/support?from=${encodeURIComponent(detail.path)}`;
}

function saveResume(key: string, path: string) {
  try {
    sessionStorage.setItem(key, path);
  } catch {
    // storage blocked or full: a reload starts at the snippet's step
  }
}

/** For a page that isn't allowed to frame the troubleshooter: a plain link to it instead. */
function linkOut(element: HTMLElement, href: string, title: string) {
  const link = document.createElement('a');
  link.href = href;
  link.textContent = `Open the ${title}`;
  link.target = '_blank';
  link.rel = 'noopener';
  element.replaceChildren(link);
}

main();
