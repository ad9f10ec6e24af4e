import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { inputClass } from '@/components/ui/field';
import map from 'virtual:tree-map';
import { getNode } from '@/engine/graph';
import { trailPath } from '@/engine/path-codec';
import {
  MAP_BOX,
  neighbour,
  titleLines,
  type MapDirection,
  type TreeMapNode,
} from '@/engine/tree-map';
import { cn } from '@/lib/cn';
import { canonicalTrail, content } from '@/lib/content';
import { isTyping } from '@/lib/keyboard';
import { paths } from '@/lib/paths';
import { Dialog } from './dialog';
import type { WizardPlace } from './wizard-place';

const ARROWS: Record<string, MapDirection> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

const FIND_ID = 'map-find';

/** The map's key: what each look of box means. */
const LEGEND = [
  ['On the caller’s path', 'border-2 border-accent bg-accent-soft'],
  ['Where you are', 'border-2 border-accent bg-accent'],
  ['Question', 'border border-line bg-surface'],
  ['Diagnosis', 'border border-line bg-surface-muted'],
] as const;

/** An arrow's tip, drawn at the end of an edge pointing into its box. */
function Arrowhead({ id, size, className }: { id: string; size: number; className: string }) {
  return (
    <marker
      id={id}
      viewBox="0 0 10 10"
      refX="9"
      refY="5"
      markerWidth={size}
      markerHeight={size}
      orient="auto-start-reverse"
    >
      <path d="M0,0 L10,5 L0,10 z" className={className} />
    </marker>
  );
}

/** Boxes whose title holds every word of the query, in reading order; none for an empty query. */
function matching(query: string): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return map.nodes
    .filter((node) => {
      const title = (getNode(content, node.id)?.title ?? '').toLowerCase();
      return words.every((word) => title.includes(word));
    })
    .map((node) => node.id);
}

const EDGE_ORDER = { plain: 0, focus: 1, path: 2 } as const;
/** Arrows keep 3:1 contrast with the map's background in both schemes (WCAG 1.4.11). */
const EDGE_CLASS = {
  plain: 'stroke-ink-muted',
  focus: 'stroke-ink',
  path: 'stroke-accent',
} as const;

/** Where a box leads: back along the caller's path when it is on it, else its shortest address. */
function hrefFor(id: string, current: WizardPlace | undefined): string {
  const steps = current?.trail.steps ?? [];
  if (id === content.startId) return paths.home;
  const index = steps.findIndex((step) => step.nextId === id);
  if (index >= 0) return trailPath({ steps: steps.slice(0, index + 1) });
  const trail = canonicalTrail(id as Parameters<typeof canonicalTrail>[0]);
  return trail ? trailPath(trail) : paths.home;
}

/**
 * The whole tree, laid out at build time, with the caller's path highlighted. Every box jumps
 * there; the arrow keys move between boxes, Home goes to the start and End to where you are.
 */
export function TreeMapDialog({
  current,
  onClose,
}: {
  current: WizardPlace | undefined;
  onClose: () => void;
}) {
  const trail = current?.trail;
  const onPath = new Set<string>([content.startId, ...(trail?.steps.map((s) => s.nextId) ?? [])]);
  const here = trail?.nodeId ?? content.startId;
  const steps = trail?.steps ?? [];
  const isPathEdge = (from: string, to: string, ids: readonly string[]) =>
    steps.some(
      (step) => step.questionId === from && step.nextId === to && ids.includes(step.answerId),
    );
  const answered = steps.length;

  // `m` closes the map from anywhere in it, as it opened it; `/` goes to the find box.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === 'm') {
        event.preventDefault();
        onClose();
      } else if (event.key === '/') {
        event.preventDefault();
        document.getElementById(FIND_ID)?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  // The box with focus shows where its answers lead.
  const [focused, setFocused] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const matches = matching(query);
  const navigate = useNavigate();
  const boxes = useRef<HTMLDivElement>(null);
  const focusBox = (id: string) => {
    const target = boxes.current?.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(id)}"]`);
    target?.focus();
    target?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  const onFindKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = matches[0];
    if (first === undefined) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onClose();
      void navigate(hrefFor(first, current));
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusBox(first);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isTyping(event.target)) return;
    const focused = (event.target as HTMLElement).closest<HTMLElement>('[data-node-id]');
    const from = focused?.dataset.nodeId;
    let to: string | undefined;
    const direction = ARROWS[event.key];
    if (direction !== undefined && from !== undefined) to = neighbour(map, from, direction);
    else if (event.key === 'Home') to = content.startId;
    else if (event.key === 'End') to = here;
    else return;
    event.preventDefault();
    if (to !== undefined) focusBox(to);
  };

  return (
    <Dialog
      title="Map of the tree"
      onClose={onClose}
      className="flex h-[92dvh] w-[min(98vw,110rem)] flex-col"
      initialFocus="[aria-current]"
      bodyClassName="flex min-h-0 flex-1 flex-col"
    >
      <p className="text-ink-muted">
        {answered === 0
          ? 'The call is at the first question.'
          : `The caller’s path (${String(answered)} ${answered === 1 ? 'answer' : 'answers'}) is highlighted.`}{' '}
        Choose any step to jump there; the address and breadcrumbs follow. Arrow keys move between
        steps, Home goes to the start, End to where you are, / finds a step, Esc or m closes the
        map.
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-x-4 gap-y-1">
        <div className="min-w-0 flex-1 sm:max-w-md">
          <label htmlFor={FIND_ID} className="block font-semibold">
            Find a step
          </label>
          <input
            id={FIND_ID}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onFindKey}
            aria-describedby={`${FIND_ID}-count`}
            className={inputClass}
          />
        </div>
        <p id={`${FIND_ID}-count`} aria-live="polite" className="pb-2 text-sm text-ink-muted">
          {query.trim() === ''
            ? 'Words or a code, like “408” or “echo”.'
            : matches.length === 0
              ? 'No step matches.'
              : `${String(matches.length)} ${matches.length === 1 ? 'step matches' : 'steps match'}, outlined. Enter jumps to the first; ↓ moves to it.`}
        </p>
      </div>
      <ul aria-label="Key to the map" className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm">
        {LEGEND.map(([label, swatch]) => (
          <li key={label} className="flex items-center gap-2">
            <span aria-hidden="true" className={cn('size-4 rounded', swatch)} />
            {label}
          </li>
        ))}
      </ul>
      <div className="mt-3 min-h-0 flex-1 overflow-auto rounded-lg border border-line bg-canvas">
        {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions -- arrow keys move between the links inside; each link is the control */}
        <div
          ref={boxes}
          className="relative"
          style={{ width: map.width, height: map.height }}
          onKeyDown={onKeyDown}
          onFocus={(event) => {
            const box = (event.target as HTMLElement).closest<HTMLElement>('[data-node-id]');
            setFocused(box?.dataset.nodeId);
          }}
        >
          <svg
            aria-hidden="true"
            className="absolute inset-0"
            width={map.width}
            height={map.height}
            viewBox={`0 0 ${String(map.width)} ${String(map.height)}`}
          >
            <defs>
              <Arrowhead id="map-arrow" size={7} className="fill-ink-muted" />
              <Arrowhead id="map-arrow-path" size={6} className="fill-accent" />
            </defs>
            {map.edges
              .map((edge) => ({
                edge,
                look: isPathEdge(edge.from, edge.to, edge.answerIds)
                  ? ('path' as const)
                  : edge.from === focused
                    ? ('focus' as const)
                    : ('plain' as const),
              }))
              // Highlighted arrows last, so they are drawn over the rest.
              .sort((a, b) => EDGE_ORDER[a.look] - EDGE_ORDER[b.look])
              .map(({ edge, look }) => (
                <path
                  key={`${edge.from}>${edge.to}`}
                  d={edge.d}
                  fill="none"
                  className={EDGE_CLASS[look]}
                  strokeWidth={look === 'plain' ? 1.25 : 3}
                  strokeLinejoin="round"
                  markerEnd={look === 'path' ? 'url(#map-arrow-path)' : 'url(#map-arrow)'}
                />
              ))}
          </svg>
          <ul aria-label="Steps of the tree">
            {map.nodes.map((node) => (
              <MapBox
                key={node.id}
                node={node}
                href={hrefFor(node.id, current)}
                onPath={onPath.has(node.id)}
                match={matches.includes(node.id)}
                isHere={node.id === here}
                onJump={onClose}
              />
            ))}
          </ul>
        </div>
      </div>
    </Dialog>
  );
}

function MapBox({
  node,
  href,
  onPath,
  isHere,
  match,
  onJump,
}: {
  node: TreeMapNode;
  href: string;
  onPath: boolean;
  isHere: boolean;
  /** Found by the find box: outlined, and named so. */
  match: boolean;
  onJump: () => void;
}) {
  const title = getNode(content, node.id)?.title ?? node.id;
  const kind = node.kind === 'question' ? 'Question' : 'Diagnosis';
  return (
    <li className="contents">
      <Link
        to={href}
        data-node-id={node.id}
        aria-current={isHere ? 'step' : undefined}
        onClick={onJump}
        style={{ left: node.x, top: node.y, width: node.width, height: node.height }}
        className={cn(
          'absolute overflow-hidden rounded-lg border text-left outline-offset-2 hover:border-accent focus-visible:outline-3 focus-visible:outline-focus',
          match && 'ring-4 ring-warning',
          isHere
            ? 'border-2 border-accent bg-accent text-accent-ink'
            : onPath
              ? 'border-2 border-accent bg-accent-soft text-ink'
              : node.kind === 'question'
                ? 'border-line bg-surface text-ink'
                : 'border-line bg-surface-muted text-ink',
        )}
      >
        <span
          className="block"
          style={{ padding: `${String(MAP_BOX.paddingY)}px ${String(MAP_BOX.paddingX)}px` }}
        >
          <span
            className={cn('block text-xs font-semibold uppercase', isHere ? '' : 'text-ink-muted')}
            style={{ lineHeight: `${String(MAP_BOX.labelLine)}px` }}
          >
            {isHere ? (
              <>
                You are here<span className="sr-only">: {kind}</span>
              </>
            ) : (
              kind
            )}
          </span>
          <span
            className="block overflow-hidden text-[13px] font-medium wrap-anywhere"
            style={{
              lineHeight: `${String(MAP_BOX.titleLine)}px`,
              // The layout sized the box for this many lines; a font wider than planned is cut.
              display: '-webkit-box',
              WebkitBoxOrient: 'vertical',
              WebkitLineClamp: titleLines(title),
            }}
          >
            {title}
          </span>
          {onPath && !isHere ? <span className="sr-only"> (on the caller’s path)</span> : null}
          {match ? <span className="sr-only"> (matches your search)</span> : null}
        </span>
      </Link>
    </li>
  );
}
