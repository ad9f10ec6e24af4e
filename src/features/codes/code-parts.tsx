import { Link } from 'react-router';
import { buttonVariants } from '@/components/ui/button-variants';
import { RichText } from '@/components/ui/rich-text';
import { classSegment } from '@/engine/codes/lookup';
import type { CodeClass, CodeFamily, Q850Cause } from '@/engine/schema';
import { paths } from '@/lib/paths';
import { wizardTarget } from './wizard-link';

/** "Troubleshoot a 503": the way from a code into the troubleshooter, naming the step it opens. */
export function TroubleshootLink({ leadsTo, label }: { leadsTo: string; label: string }) {
  const target = wizardTarget(leadsTo);
  return (
    <div className="mt-5 flex flex-wrap items-center gap-x-4 gap-y-2">
      <Link to={target.href} className={buttonVariants({ variant: 'primary' })}>
        {label}
      </Link>
      <p className="text-sm text-ink-muted">
        Opens at: <span className="font-semibold text-ink">{target.title}</span>
      </p>
    </div>
  );
}

/** The "where we are" line above a code page's heading. */
export function CodesBreadcrumb({ codeClass }: { codeClass?: CodeClass | undefined }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm">
      <ol className="flex flex-wrap gap-x-2 text-ink-muted">
        <li>
          <Link to={paths.codes()} className="text-accent underline underline-offset-4">
            SIP codes
          </Link>
        </li>
        {codeClass ? (
          <li className="before:mr-2 before:content-['›']">
            <Link
              to={paths.code(classSegment(codeClass.class))}
              className="text-accent underline underline-offset-4"
            >
              {classSegment(codeClass.class)} {codeClass.name}
            </Link>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}

/** Caller-identity guidance (or another family's), shown on each of the family's codes. */
export function FamilyGuidance({ family }: { family: CodeFamily }) {
  const target = wizardTarget(family.branch);
  return (
    <section
      aria-labelledby="family-heading"
      className="mt-8 rounded-xl border border-line bg-surface p-5"
    >
      <h2 id="family-heading" className="text-xl font-bold">
        {family.title}
      </h2>
      <p className="mt-2">
        <RichText text={family.intro} />
      </p>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        {family.guidance.map((item) => (
          <li key={item}>
            <RichText text={item} />
          </li>
        ))}
      </ul>
      <p className="mt-4">
        <Link to={target.href} className="font-semibold text-accent underline underline-offset-4">
          {target.title}
        </Link>
      </p>
    </section>
  );
}

/** The Q.850 causes that usually arrive with a code, in a Reason header. */
export function TypicalCauses({ causes, code }: { causes: Q850Cause[]; code: string }) {
  if (causes.length === 0) return null;
  return (
    <section aria-labelledby="q850-heading" className="mt-8">
      <h2 id="q850-heading" className="text-xl font-bold">
        Q.850 causes that usually come with {code}
      </h2>
      <p className="mt-2 text-ink-muted">
        A <code>Reason: Q.850;cause=…</code> header says why the network behind the SIP response
        refused the call. This mapping is typical (RFC 3398); providers differ.
      </p>
      <Q850Table causes={causes} />
    </section>
  );
}

/** A table of Q.850 causes with their typical SIP response. */
export function Q850Table({ causes, caption }: { causes: readonly Q850Cause[]; caption?: string }) {
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-line">
      <table className="w-full border-collapse text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-surface-muted">
          <tr>
            <th scope="col" className="px-3 py-2">
              Cause
            </th>
            <th scope="col" className="px-3 py-2">
              Name and meaning
            </th>
            <th scope="col" className="px-3 py-2">
              Typical SIP
            </th>
          </tr>
        </thead>
        <tbody>
          {causes.map((cause) => (
            <tr key={cause.cause} id={`q850-${cause.cause}`} className="border-t border-line">
              <td className="px-3 py-2 align-top font-semibold tabular-nums">{cause.cause}</td>
              <td className="px-3 py-2 align-top">
                <span className="font-semibold">{cause.name}</span>
                <span className="block text-ink-muted">
                  <RichText text={cause.meaning} />
                </span>
              </td>
              <td className="px-3 py-2 align-top">
                {cause.sip === undefined ? (
                  <span className="text-ink-muted">None</span>
                ) : (
                  <Link
                    to={paths.code(cause.sip)}
                    className="text-accent underline underline-offset-4"
                  >
                    {cause.sip}
                  </Link>
                )}
                {cause.sipNote ? (
                  <span className="block text-ink-muted">
                    <RichText text={cause.sipNote} />
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
