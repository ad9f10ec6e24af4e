import { cva } from 'class-variance-authority';

/** Button looks, shared by <button>s and by links that act as buttons. */
export const buttonVariants = cva(
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 py-2 text-base font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60 print:hidden',
  {
    variants: {
      variant: {
        primary: 'bg-accent text-accent-ink hover:bg-accent-hover',
        secondary: 'border border-line bg-surface text-ink hover:bg-surface-muted',
        ghost: 'text-accent underline-offset-4 hover:bg-accent-soft hover:underline',
      },
    },
    defaultVariants: { variant: 'secondary' },
  },
);
