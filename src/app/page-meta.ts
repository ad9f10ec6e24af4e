import { resolveWizardPage, wizardPageTitle } from '@/features/wizard/wizard-page';
import { content } from '@/lib/content';
import { paths } from '@/lib/paths';
import { normalizePath } from './prerendered';

export interface PageMeta {
  title: string;
  description: string;
  /** False for addresses that show the not-found page. */
  found: boolean;
}

/** Title and description of any address, for the document head (client and prerender alike). */
export function pageMeta(pathname: string): PageMeta {
  const brand = content.config.brand.name;
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
