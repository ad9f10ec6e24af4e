import { Link } from 'react-router';
import { buttonVariants } from '@/components/ui/button-variants';
import { paths } from '@/lib/paths';

/** Back one question, or start again. Plain links, so they work without JavaScript too. */
export function WizardNav({ backHref }: { backHref: string }) {
  return (
    <nav
      aria-label="Wizard"
      className="mt-8 flex flex-wrap gap-3 border-t border-line pt-6 print:hidden"
    >
      <Link to={backHref} className={buttonVariants({ variant: 'secondary' })}>
        <span aria-hidden="true">←</span> Back
      </Link>
      <Link to={paths.home} className={buttonVariants({ variant: 'ghost' })}>
        Start over
      </Link>
    </nav>
  );
}
