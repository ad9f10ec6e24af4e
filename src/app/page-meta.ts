import { classSegment, lookupCode } from '@/engine/codes/lookup';
import type { CodeReference } from '@/engine/schema';
import { resolveWizardPage, wizardPageTitle } from '@/features/wizard/wizard-page';
import { content } from '@/lib/content';
import type { Mode } from '@/lib/mode';
import { paths } from '@/lib/paths';
import { normalizePath } from './prerendered';

export interface PageMeta {
  title: string;
  description: string;
  /** False for addresses that show the not-found page. */
  found: boolean;
}

/**
 * Title and description of any address, for the document head (client and prerender alike).
 * Code pages take their descriptions from the code reference, which only the prerenderer passes:
 * in the browser only the title changes, and the reference stays out of the start bundle.
 */
export function pageMeta(pathname: string, reference?: CodeReference, mode?: Mode): PageMeta {
  // Agent tabs say so in their titles, so an agent can tell them from a customer's view.
  const brand =
    mode === 'agent' ? `${content.config.brand.name} (agent)` : content.config.brand.name;
  const normalized = normalizePath(pathname);
  if (normalized === paths.procedure) {
    return {
      title: `${content.procedure.title} · ${brand}`,
      description: stripCode(content.procedure.intro),
      found: true,
    };
  }
  if (normalized === paths.support()) {
    return {
      title: `Prepare a support request · ${brand}`,
      description: `Everything ${content.config.provider.name} support needs about your failed calls, checked and ready to send.`,
      found: true,
    };
  }
  if (normalized === paths.analyze) {
    return {
      title: `Analyze a capture · ${brand}`,
      description:
        'Drop a pcap or pcapng capture, or paste SIP messages: see which calls failed and why, with evidence. The file is read in your browser and never uploaded.',
      found: true,
    };
  }
  if (normalized === paths.codes() || normalized.startsWith(`${paths.codes()}/`)) {
    return codesPageMeta(normalized.slice(paths.codes().length + 1), brand, reference);
  }
  const page = resolveWizardPage(content, normalized);
  const description =
    page.kind === 'outcome'
      ? page.node.summary
      : page.kind === 'question'
        ? page.trail.steps.length === 0
          ? content.config.brand.tagline
          : (page.node.help ?? page.node.title)
        : page.detail;
  return {
    title: wizardPageTitle(page, brand),
    description: stripCode(description),
    found: page.kind !== 'not-found',
  };
}

function stripCode(text: string): string {
  return text.replaceAll('`', '');
}

function codesPageMeta(segment: string, brand: string, reference?: CodeReference): PageMeta {
  const fallback = 'What a SIP response code means for your call, and how to fix it.';
  if (segment === '') {
    return {
      title: `SIP response codes · ${brand}`,
      description:
        'Every SIP response code and Q.850 cause: what it means, whether to retry, and where to start troubleshooting.',
      found: true,
    };
  }
  const lookup = lookupCode(content.codes, segment);
  switch (lookup.kind) {
    case 'code': {
      const meaning = reference?.codes.find((entry) => entry.code === lookup.entry.code)?.meaning;
      return {
        title: `${String(lookup.entry.code)} ${lookup.entry.phrase} · ${brand}`,
        description: stripCode(meaning ?? fallback),
        found: true,
      };
    }
    case 'class': {
      const { class: cls, name } = lookup.codeClass;
      const meaning = reference?.classes.find((entry) => entry.class === cls)?.meaning;
      return {
        title:
          lookup.unregistered === undefined
            ? `${classSegment(cls)} ${name} · ${brand}`
            : `${lookup.unregistered}: not a registered SIP code · ${brand}`,
        description: stripCode(meaning ?? fallback),
        found: true,
      };
    }
    case 'not-found':
      return { title: `Not a SIP code · ${brand}`, description: lookup.reason, found: false };
  }
}
