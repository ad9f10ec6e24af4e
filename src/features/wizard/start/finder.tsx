import { PasteBox } from './paste-box';
import { SymptomSearch } from './symptom-search';

/** The paste box and the symptom search, loaded together once the start page is interactive. */
export default function Finder() {
  return (
    <>
      <PasteBox />
      <SymptomSearch />
    </>
  );
}
