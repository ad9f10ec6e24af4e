import { cn } from '@/lib/cn';

/** "120 of 2000 characters", turning red past the limit. */
export function CharacterCount({ length, limit }: { length: number; limit: number }) {
  return (
    <span className={cn('tabular-nums', length > limit && 'font-medium text-danger')}>
      {length} of {limit} characters
    </span>
  );
}
