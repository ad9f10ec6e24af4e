import reference from 'virtual:code-reference';
import keywords from 'virtual:search-keywords';
import { createSymptomSearch } from '@/engine/search/symptom-search';
import { content } from '@/lib/content';

/** The symptom search, built on first use (this module and its library load on demand). */
export const search = createSymptomSearch(content, reference, (id) => keywords[id] ?? []);
